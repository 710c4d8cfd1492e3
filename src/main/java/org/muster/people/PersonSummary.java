package org.muster.people;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/** One person as the register lists them. */
public record PersonSummary(
        long id,
        long postId,
        String familyName,
        String givenName,
        Category category,
        boolean chiefOfMission,
        boolean emergencyStaff,
        String nationality,
        LocalDate dateOfBirth,
        Long householdId,
        String household,
        String relationship,
        boolean unaccompaniedMinor,
        String citizenship,
        String intent,
        String location,
        OffsetDateTime lastContact,
        String email,
        String phone)
        implements Marked {

    public String name() {
        return givenName == null || givenName.isEmpty() ? familyName : familyName + ", " + givenName;
    }
}
