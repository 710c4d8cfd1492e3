package org.muster.people;

import java.time.LocalDate;
import java.util.Set;
import org.muster.shared.InvalidInputException;

/**
 * A group of a post's people: those in any of {@code categories} (every category when empty), only
 * those under chief-of-mission authority when {@code chiefOfMissionOnly}, and, when {@code underAge}
 * is given, younger than that many years on {@code on} by their date of birth (people without one
 * are left out: their age is not known). Emergency staff are left out when
 * {@code withoutEmergencyStaff}, and so is everyone in {@code except} (for example the people
 * another module knows have left).
 */
public record PersonGroup(
        Set<Category> categories,
        boolean chiefOfMissionOnly,
        Integer underAge,
        LocalDate on,
        boolean withoutEmergencyStaff,
        Set<Long> except) {

    public PersonGroup {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        except = except == null ? Set.of() : Set.copyOf(except);
        if (underAge != null && (underAge < 1 || underAge > 120)) {
            throw new InvalidInputException("underAge", "must be 1 to 120 years when given");
        }
        if (underAge != null && on == null) {
            throw new InvalidInputException("on", "is required with an age");
        }
    }
}
