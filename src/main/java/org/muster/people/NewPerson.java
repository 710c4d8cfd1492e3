package org.muster.people;

import java.time.LocalDate;
import org.muster.shared.InvalidInputException;

/**
 * A person to add to a post's register. {@code householdKey} groups people of one family within one
 * batch; {@code dateOfBirth}, {@code nationality} (ISO 3166 alpha-2) and {@code location} (where the
 * person lives or works, as the post names its areas) may be null.
 */
public record NewPerson(
        String givenName,
        String familyName,
        Category category,
        String nationality,
        LocalDate dateOfBirth,
        String householdKey,
        String location) {

    public NewPerson(
            String givenName,
            String familyName,
            Category category,
            String nationality,
            LocalDate dateOfBirth,
            String householdKey) {
        this(givenName, familyName, category, nationality, dateOfBirth, householdKey, null);
    }

    public NewPerson {
        if (familyName == null || familyName.isBlank() || familyName.length() > 200) {
            throw new InvalidInputException("familyName", "is required (at most 200 characters)");
        }
        if (givenName == null) {
            givenName = "";
        }
        if (givenName.length() > 200) {
            throw new InvalidInputException("givenName", "must be at most 200 characters");
        }
        if (category == null) {
            throw new InvalidInputException("category", "is required");
        }
        if (nationality != null && !nationality.matches("[A-Z]{2}")) {
            throw new InvalidInputException("nationality", "must be a two-letter country code such as AF or US");
        }
        if (location != null && (location.isBlank() || location.length() > 200)) {
            throw new InvalidInputException("location", "must be 1 to 200 characters when given");
        }
    }
}
