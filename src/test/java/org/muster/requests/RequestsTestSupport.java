package org.muster.requests;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the requests tests share: a filled-in intake form and a new request. */
final class RequestsTestSupport {
    private RequestsTestSupport() {}

    /** The intake form's fields, all valid; {@code changes} replace or blank some of them. */
    static Map<String, String> form(String language, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("language", language);
        fields.put("name", "Farid Ahmadi");
        fields.put("email", "farid@example.org");
        fields.put("phone", "+93 700 123 456");
        fields.put("queue", "EVACUATION");
        fields.put("subject", "Family of four at the north gate");
        fields.put("body", "We are four people, two children. How do we get to the airport?");
        fields.putAll(changes);
        return fields;
    }

    static NewRequest request(String language, String email, String phone) {
        return new NewRequest(
                "Farid Ahmadi",
                email,
                phone,
                language,
                "ACS",
                "Passport lost",
                "My U.S. passport was stolen yesterday.");
    }
}
