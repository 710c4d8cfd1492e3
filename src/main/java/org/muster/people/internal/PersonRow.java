package org.muster.people.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.muster.people.Category;
import org.muster.people.ImportField;

/**
 * One accepted row of a list, every value checked. Null means the row said nothing about that fact;
 * {@code fields} names the facts it did state (its provenance).
 */
public record PersonRow(
        int row,
        String sourceKey,
        String householdKey,
        String givenName,
        String familyName,
        Category category,
        Boolean chiefOfMission,
        Boolean emergencyStaff,
        String nationality,
        LocalDate dateOfBirth,
        String relationship,
        Boolean unaccompaniedMinor,
        String citizenship,
        String intent,
        String location,
        OffsetDateTime lastContact,
        LocalDate tdyArrival,
        LocalDate tdyDeparture,
        String email,
        LocalDate emailVerified,
        String phone,
        LocalDate phoneVerified,
        String documentKind,
        String documentNumber,
        String documentCountry,
        LocalDate documentExpires,
        Set<ImportField> fields) {}
