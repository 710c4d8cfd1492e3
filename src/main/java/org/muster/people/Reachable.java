package org.muster.people;

/**
 * A person as a message reaches them: their category, the language they read (a BCP 47 tag such as
 * {@code fa-AF}), and their latest-verified e-mail address and phone number (null when they have
 * none).
 */
public record Reachable(
        long personId,
        String givenName,
        String familyName,
        Category category,
        String language,
        String email,
        String phone) {

    /** True for private citizens and the public: categories outside chief-of-mission authority. */
    public boolean isPublic() {
        return !category.chiefOfMission();
    }

    /** The family name, then the given name, as lists show names. */
    public String name() {
        return givenName.isBlank() ? familyName : familyName + ", " + givenName;
    }
}
