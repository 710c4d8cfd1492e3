package org.muster.people.internal;

import java.util.HashMap;
import java.util.Map;
import org.muster.people.Category;
import org.muster.people.ImportField;

/** Reads a category as lists write it: the code, the label, or a common abbreviation. */
final class Categories {
    static final String HINT = "use a category such as USDH, EFM, PSC, TDY, LES, TCN, contractor, private US citizen,"
            + " LPR, immediate relative, SIV or other";
    private static final Map<String, Category> NAMES = new HashMap<>();

    static {
        for (Category c : Category.values()) {
            NAMES.put(key(c.name()), c);
            NAMES.put(key(c.label()), c);
        }
        alias(Category.US_DIRECT_HIRE, "usdh", "directhire", "usdirecthire", "americanstaff");
        alias(Category.ELIGIBLE_FAMILY_MEMBER, "efm", "familymember", "dependent", "dependant");
        alias(Category.PERSONAL_SERVICES_CONTRACTOR, "psc", "personalservicescontractor");
        alias(Category.TDY_VISITOR, "tdy", "temporaryduty", "visitor");
        alias(Category.LOCALLY_EMPLOYED_STAFF, "les", "lestaff", "localstaff", "locallyemployed", "fsn");
        alias(Category.THIRD_COUNTRY_NATIONAL_STAFF, "tcn", "thirdcountrynational", "tcnstaff");
        alias(Category.CONTRACTOR_NON_COM, "contractor", "noncomcontractor", "contractornoncom");
        alias(Category.PRIVATE_US_CITIZEN, "amcit", "uscitizen", "privateuscitizen", "privatecitizen", "acs");
        alias(Category.LAWFUL_PERMANENT_RESIDENT, "lpr", "greencard", "greencardholder", "permanentresident");
        alias(Category.ALIEN_IMMEDIATE_RELATIVE, "ir", "immediaterelative", "alienimmediaterelative");
        alias(Category.SIV_APPLICANT, "siv", "sivapplicant", "sivholder", "specialimmigrantvisa");
        alias(Category.OTHER_DESIGNATED_NATIONAL, "other", "otherdesignated", "designatednational");
    }

    private Categories() {}

    private static void alias(Category c, String... names) {
        for (String n : names) {
            NAMES.put(n, c);
        }
    }

    private static String key(String text) {
        return ImportField.normalise(text);
    }

    /** The category, or null when the text names none. */
    static Category parse(String text) {
        return NAMES.get(key(text));
    }
}
