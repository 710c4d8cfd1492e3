package org.muster.people.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.muster.people.ImportField;

/** The small vocabularies lists use for yes/no, citizenship, intent, relationship and documents. */
final class Vocabulary {
    static final String CITIZENSHIP_HINT = "use verified, claimed, disproved or unknown";
    static final String INTENT_HINT = "use leave, stay, undecided or unknown";
    static final String RELATIONSHIP_HINT = "use head, spouse, child, parent, sibling, other relative or other";
    static final String DOCUMENT_HINT = "use passport, national id, visa or other";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("yes", true),
            Map.entry("y", true),
            Map.entry("true", true),
            Map.entry("1", true),
            Map.entry("x", true),
            Map.entry("no", false),
            Map.entry("n", false),
            Map.entry("false", false),
            Map.entry("0", false));
    private static final Map<String, String> CITIZENSHIP = Map.of(
            "verified",
            "VERIFIED",
            "claimed",
            "CLAIMED",
            "disproved",
            "DISPROVED",
            "unknown",
            "UNKNOWN",
            "unverified",
            "CLAIMED",
            "notacitizen",
            "DISPROVED");
    private static final Map<String, String> INTENT = Map.ofEntries(
            Map.entry("leave", "LEAVE"),
            Map.entry("wantstoleave", "LEAVE"),
            Map.entry("yes", "LEAVE"),
            Map.entry("stay", "STAY"),
            Map.entry("no", "STAY"),
            Map.entry("undecided", "UNDECIDED"),
            Map.entry("maybe", "UNDECIDED"),
            Map.entry("unknown", "UNKNOWN"));
    private static final Map<String, String> RELATIONSHIP = Map.ofEntries(
            Map.entry("head", "HEAD"),
            Map.entry("principal", "HEAD"),
            Map.entry("self", "HEAD"),
            Map.entry("spouse", "SPOUSE"),
            Map.entry("wife", "SPOUSE"),
            Map.entry("husband", "SPOUSE"),
            Map.entry("partner", "SPOUSE"),
            Map.entry("child", "CHILD"),
            Map.entry("son", "CHILD"),
            Map.entry("daughter", "CHILD"),
            Map.entry("parent", "PARENT"),
            Map.entry("mother", "PARENT"),
            Map.entry("father", "PARENT"),
            Map.entry("sibling", "SIBLING"),
            Map.entry("brother", "SIBLING"),
            Map.entry("sister", "SIBLING"),
            Map.entry("otherrelative", "OTHER_RELATIVE"),
            Map.entry("relative", "OTHER_RELATIVE"),
            Map.entry("other", "OTHER"));
    private static final Map<String, String> DOCUMENTS = Map.of(
            "passport",
            "PASSPORT",
            "nationalid",
            "NATIONAL_ID",
            "tazkira",
            "NATIONAL_ID",
            "id",
            "NATIONAL_ID",
            "visa",
            "VISA",
            "other",
            "OTHER");

    private Vocabulary() {}

    private static String key(String text) {
        return ImportField.normalise(text);
    }

    static Boolean bool(String text) {
        return BOOLEANS.get(key(text));
    }

    static String citizenship(String text) {
        return CITIZENSHIP.get(key(text));
    }

    static String intent(String text) {
        return INTENT.get(key(text));
    }

    static String relationship(String text) {
        return RELATIONSHIP.get(key(text));
    }

    static String documentKind(String text) {
        return DOCUMENTS.get(key(text));
    }

    /** An ISO 3166 alpha-2 code in capitals, or null when the text is not one. */
    static String country(String text) {
        String code = text.toUpperCase(Locale.ROOT);
        return code.length() == 2 && COUNTRIES.contains(code) ? code : null;
    }
}
