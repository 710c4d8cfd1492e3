package org.muster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.people.Category;
import org.muster.people.NewPerson;

class DemoPeopleTests {
    private final List<NewPerson> kabul = DemoPeople.generate(DemoData.SEED, "KBL", DemoPeople.Shape.KABUL);

    @Test
    void theSameSeedGivesTheSamePeople() {
        assertThat(DemoPeople.generate(DemoData.SEED, "KBL", DemoPeople.Shape.KABUL))
                .isEqualTo(kabul);
        assertThat(DemoPeople.generate(DemoData.SEED + 7, "KBL", DemoPeople.Shape.KABUL))
                .isNotEqualTo(kabul);
    }

    @Test
    void kabulHasAbout4000StaffOfWhom1400American() {
        long staff = kabul.stream().filter(p -> p.category().chiefOfMission()).count();
        long americanStaff = kabul.stream()
                .filter(p -> p.category().chiefOfMission() && "US".equals(p.nationality()))
                .count();

        assertThat(staff).isEqualTo(4_000);
        assertThat(americanStaff).isEqualTo(1_400);
        assertThat(count(Category.LOCALLY_EMPLOYED_STAFF)).isEqualTo(2_450);
    }

    @Test
    void citizenHouseholdsMixNationalitiesAndIncludeChildren() {
        var citizenHouseholds = kabul.stream()
                .filter(p -> p.householdKey() != null && p.category() == Category.ALIEN_IMMEDIATE_RELATIVE)
                .map(NewPerson::householdKey)
                .distinct()
                .toList();
        assertThat(citizenHouseholds).isNotEmpty();
        String household = citizenHouseholds.get(0);
        assertThat(kabul.stream()
                        .filter(p -> household.equals(p.householdKey()))
                        .map(NewPerson::nationality))
                .contains("US", "AF");
        assertThat(kabul.stream().filter(p -> p.dateOfBirth().isAfter(DemoPeople.REFERENCE_DATE.minusYears(18))))
                .isNotEmpty()
                .allMatch(p -> p.householdKey() != null);
    }

    @Test
    void everyoneHasAPlausibleNameAndAPastBirthDate() {
        assertThat(kabul).allSatisfy(p -> {
            assertThat(p.givenName()).matches("[A-Z][a-z]+");
            assertThat(p.familyName()).matches("[A-Z][a-z]+");
            assertThat(p.dateOfBirth()).isBefore(LocalDate.of(2021, 7, 16));
        });
    }

    private long count(Category category) {
        return kabul.stream().filter(p -> p.category() == category).count();
    }
}
