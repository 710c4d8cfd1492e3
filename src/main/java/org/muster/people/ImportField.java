package org.muster.people;

import java.util.List;
import java.util.Optional;

/**
 * The facts an imported list can supply, with the column headings each is recognised by when a
 * source has no saved mapping. Headings are compared without case, spaces or punctuation.
 */
public enum ImportField {
    KEY(
            "Record id in this list",
            false,
            "id",
            "key",
            "personid",
            "recordid",
            "ref",
            "reference",
            "staffid",
            "employeeid",
            "registrationid"),
    GIVEN_NAME("Given name", false, "givenname", "firstname", "forename", "given", "first", "givennames"),
    FAMILY_NAME("Family name", true, "familyname", "lastname", "surname", "family", "last"),
    CATEGORY("Category", true, "category", "personcategory", "type", "persontype"),
    CHIEF_OF_MISSION("Under chief-of-mission authority", false, "chiefofmission", "com", "undercom"),
    EMERGENCY_STAFF("Emergency (essential) staff", false, "emergencystaff", "essential", "essentialstaff", "emergency"),
    NATIONALITY("Nationality", false, "nationality", "countryofcitizenship", "citizenof"),
    DATE_OF_BIRTH("Date of birth", false, "dateofbirth", "dob", "birthdate", "born"),
    HOUSEHOLD("Household", false, "household", "householdid", "familyid", "householdkey", "caseid", "case"),
    RELATIONSHIP("Relationship in household", false, "relationship", "relation", "relationshiptohead"),
    UNACCOMPANIED_MINOR("Unaccompanied minor", false, "unaccompaniedminor", "unaccompanied"),
    CITIZENSHIP("U.S. citizenship", false, "citizenship", "citizenshipstatus", "uscitizenship"),
    INTENT("Intent to leave", false, "intent", "intenttoleave", "wantstoleave", "leave"),
    LOCATION("Location", false, "location", "whereabouts", "area", "zone"),
    LAST_CONTACT("Last contact", false, "lastcontact", "lastcontacted", "lastcontactat", "lastseen"),
    TDY_ARRIVAL("Temporary duty: arrival", false, "tdyarrival", "arrival", "arrived"),
    TDY_DEPARTURE("Temporary duty: departure", false, "tdydeparture", "departure", "departs"),
    EMAIL("Email", false, "email", "emailaddress", "mail"),
    EMAIL_VERIFIED("Email last verified", false, "emailverified", "emaillastverified"),
    PHONE("Phone", false, "phone", "phonenumber", "mobile", "telephone", "tel"),
    PHONE_VERIFIED("Phone last verified", false, "phoneverified", "phonelastverified"),
    DOCUMENT_KIND("Document kind", false, "documentkind", "documenttype", "idtype"),
    DOCUMENT_NUMBER("Document number", false, "documentnumber", "passportnumber", "passport", "passportno", "idnumber"),
    DOCUMENT_COUNTRY("Document issuing country", false, "documentcountry", "issuingcountry", "passportcountry"),
    DOCUMENT_EXPIRES("Document expiry", false, "documentexpires", "documentexpiry", "expiry", "passportexpiry");

    private final String label;
    private final boolean required;
    private final List<String> headings;

    ImportField(String label, boolean required, String... headings) {
        this.label = label;
        this.required = required;
        this.headings = List.of(headings);
    }

    public String label() {
        return label;
    }

    /** Whether a mapping must name a column for this field before a file can be imported. */
    public boolean required() {
        return required;
    }

    /** The field a column heading names, if it is one of the recognised headings. */
    public static Optional<ImportField> forHeading(String heading) {
        String key = normalise(heading);
        for (ImportField f : values()) {
            if (f.headings.contains(key)
                    || normalise(f.name()).equals(key)
                    || normalise(f.label()).equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Lower case, letters and digits only: how headings and vocabulary words are compared. */
    public static String normalise(String heading) {
        if (heading == null) {
            return "";
        }
        // A loop, not a stream of code points: an import calls this for several cells of every row.
        int length = heading.length();
        int i = 0;
        while (i < length) {
            int c = heading.codePointAt(i);
            if (!Character.isLetterOrDigit(c) || Character.toLowerCase(c) != c) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == length) {
            return heading; // already lower-case letters and digits only
        }
        StringBuilder key = new StringBuilder(length).append(heading, 0, i);
        while (i < length) {
            int c = heading.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.appendCodePoint(Character.toLowerCase(c));
            }
            i += Character.charCount(c);
        }
        return key.toString();
    }
}
