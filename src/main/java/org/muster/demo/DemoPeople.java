package org.muster.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.muster.people.Category;
import org.muster.people.NewPerson;

/**
 * Generates a post's people in the shape of Kabul in July 2021 (PRODUCT.md): about 4,000 staff of
 * whom about 1,400 American; contractors outside chief-of-mission authority; private U.S. citizens
 * in mixed-nationality households; special immigrant visa applicants with their families. A smaller
 * post is the same shape scaled down. Deterministic for a given seed; all names are invented
 * combinations.
 */
final class DemoPeople {
    static final LocalDate REFERENCE_DATE = LocalDate.of(2021, 7, 15);

    /** How many of each kind to generate. */
    record Shape(
            int directHire,
            int tdy,
            int psc,
            int localStaff,
            int thirdCountryStaff,
            int contractors,
            int citizenHouseholds,
            int permanentResidents,
            int sivHouseholds) {
        static final Shape KABUL = new Shape(1_100, 150, 150, 2_450, 150, 700, 500, 150, 800);
        static final Shape MAZAR = new Shape(25, 5, 5, 180, 10, 30, 60, 10, 80);
    }

    private final DemoNames names;
    private final Random random;
    private final String postCode;
    private final List<NewPerson> people = new ArrayList<>();
    private int households;

    private DemoPeople(long seed, String postCode) {
        this.names = new DemoNames(seed);
        this.random = names.random();
        this.postCode = postCode;
    }

    static List<NewPerson> generate(long seed, String postCode, Shape shape) {
        DemoPeople g = new DemoPeople(seed, postCode);
        g.staff(shape);
        for (int i = 0; i < shape.citizenHouseholds(); i++) {
            g.citizenHousehold();
        }
        repeat(shape.permanentResidents(), () -> g.afghan(Category.LAWFUL_PERMANENT_RESIDENT));
        for (int i = 0; i < shape.sivHouseholds(); i++) {
            g.sivHousehold();
        }
        return g.people;
    }

    private void staff(Shape shape) {
        repeat(shape.directHire(), () -> american(Category.US_DIRECT_HIRE, null));
        repeat(shape.tdy(), () -> american(Category.TDY_VISITOR, null));
        repeat(shape.psc(), () -> american(Category.PERSONAL_SERVICES_CONTRACTOR, null));
        repeat(shape.localStaff(), () -> afghan(Category.LOCALLY_EMPLOYED_STAFF));
        repeat(shape.thirdCountryStaff(), () -> thirdCountry(Category.THIRD_COUNTRY_NATIONAL_STAFF));
        repeat(shape.contractors(), () -> {
            int kind = random.nextInt(3);
            if (kind == 0) {
                american(Category.CONTRACTOR_NON_COM, null);
            } else if (kind == 1) {
                afghan(Category.CONTRACTOR_NON_COM);
            } else {
                thirdCountry(Category.CONTRACTOR_NON_COM);
            }
        });
    }

    /** A private U.S. citizen, often with an Afghan spouse (an alien immediate relative) and U.S.-citizen children. */
    private void citizenHousehold() {
        String key = household();
        boolean afghanAmerican = random.nextInt(3) > 0;
        String family = afghanAmerican ? names.afghanFamily() : names.americanFamily();
        people.add(new NewPerson(
                afghanAmerican ? names.afghanGiven() : names.americanGiven(),
                family,
                Category.PRIVATE_US_CITIZEN,
                "US",
                adult(),
                key));
        if (random.nextInt(10) < 7) {
            people.add(
                    new NewPerson(names.afghanGiven(), family, Category.ALIEN_IMMEDIATE_RELATIVE, "AF", adult(), key));
        }
        repeat(
                random.nextInt(4),
                () -> people.add(new NewPerson(
                        afghanAmerican ? names.afghanGiven() : names.americanGiven(),
                        family,
                        Category.PRIVATE_US_CITIZEN,
                        "US",
                        child(),
                        key)));
    }

    /** A special immigrant visa applicant (a former employee or contractor) with spouse and children. */
    private void sivHousehold() {
        String key = household();
        String family = names.afghanFamily();
        people.add(new NewPerson(names.afghanGiven(), family, Category.SIV_APPLICANT, "AF", adult(), key));
        if (random.nextInt(10) < 8) {
            people.add(new NewPerson(names.afghanGiven(), family, Category.SIV_APPLICANT, "AF", adult(), key));
        }
        repeat(
                random.nextInt(5),
                () -> people.add(
                        new NewPerson(names.afghanGiven(), family, Category.SIV_APPLICANT, "AF", child(), key)));
    }

    private void american(Category category, String household) {
        people.add(new NewPerson(names.americanGiven(), names.americanFamily(), category, "US", adult(), household));
    }

    private void afghan(Category category) {
        people.add(new NewPerson(names.afghanGiven(), names.afghanFamily(), category, "AF", adult(), null));
    }

    private void thirdCountry(Category category) {
        people.add(new NewPerson(
                names.otherGiven(), names.otherFamily(), category, pick("NP", "IN", "PH", "KE"), adult(), null));
    }

    private String household() {
        return postCode + "-household-" + (++households);
    }

    private LocalDate adult() {
        return REFERENCE_DATE.minusYears(22 + random.nextInt(40)).minusDays(random.nextInt(365));
    }

    private LocalDate child() {
        return REFERENCE_DATE.minusYears(random.nextInt(18)).minusDays(random.nextInt(365));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }
}
