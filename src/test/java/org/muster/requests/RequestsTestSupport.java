package org.muster.requests;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.muster.security.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the requests tests share: acting as a user, and a filled-in intake form. */
final class RequestsTestSupport {
    private RequestsTestSupport() {}

    static <T> T as(UserAccounts accounts, String username, Supplier<T> work) {
        var user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

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
