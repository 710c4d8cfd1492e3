package org.muster.people;

/**
 * Who a person is to the post. The first six are under chief-of-mission authority: the post is
 * responsible for them and can order them to leave; the rest it helps but cannot order.
 */
public enum Category {
    US_DIRECT_HIRE("U.S. direct-hire employee", true),
    ELIGIBLE_FAMILY_MEMBER("Eligible family member", true),
    PERSONAL_SERVICES_CONTRACTOR("Personal-services contractor", true),
    TDY_VISITOR("Temporary-duty visitor", true),
    LOCALLY_EMPLOYED_STAFF("Locally employed staff", true),
    THIRD_COUNTRY_NATIONAL_STAFF("Third-country national staff", true),
    CONTRACTOR_NON_COM("Contractor outside chief-of-mission authority", false),
    PRIVATE_US_CITIZEN("Private U.S. citizen", false),
    LAWFUL_PERMANENT_RESIDENT("Lawful permanent resident", false),
    ALIEN_IMMEDIATE_RELATIVE("Alien immediate relative of a citizen", false),
    SIV_APPLICANT("Special immigrant visa applicant or holder", false),
    OTHER_DESIGNATED_NATIONAL("Other designated national", false);

    private final String label;
    private final boolean chiefOfMission;

    Category(String label, boolean chiefOfMission) {
        this.label = label;
        this.chiefOfMission = chiefOfMission;
    }

    public String label() {
        return label;
    }

    /** Whether people of this category are normally under chief-of-mission authority. */
    public boolean chiefOfMission() {
        return chiefOfMission;
    }
}
