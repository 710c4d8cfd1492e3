package org.muster.people;

import java.util.List;

/** The people of the roll-call tests: two at the chancery, two at the annex, three of them under chief-of-mission authority. */
final class RollCallPeople {
    static final NewPerson ANN_LEE = new NewPerson("Ann", "Lee", Category.US_DIRECT_HIRE, "US", null, null, "Chancery");
    static final NewPerson OMID_SAFI =
            new NewPerson("Omid", "Safi", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null, "Annex");
    static final NewPerson ROYA_KARIMI =
            new NewPerson("Roya", "Karimi", Category.SIV_APPLICANT, "AF", null, null, "Annex");
    static final NewPerson TOM_LEE =
            new NewPerson("Tom", "Lee", Category.ELIGIBLE_FAMILY_MEMBER, "US", null, null, "Chancery");

    /** All four, in the order above. */
    static final List<NewPerson> ALL = List.of(ANN_LEE, OMID_SAFI, ROYA_KARIMI, TOM_LEE);

    private RollCallPeople() {}
}
