package org.muster.demo;

import java.util.List;
import java.util.Set;
import org.muster.security.Role;
import org.muster.shared.Classification;

/**
 * The demo accounts, one per role at KBL, a few at MZR, and Washington accounts that belong to both.
 * All share {@link #PASSWORD}; the README lists them.
 */
final class DemoAccounts {
    static final String PASSWORD = "Muster-Demo-2021";

    record Account(String username, Role role, Classification clearance, Set<String> posts) {}

    static final List<Account> ALL = List.of(
            new Account("com.kbl", Role.CHIEF_OF_MISSION, Classification.SECRET, Set.of("KBL")),
            new Account("eac.kbl", Role.COMMITTEE_MEMBER, Classification.SECRET, Set.of("KBL")),
            new Account("eac2.kbl", Role.COMMITTEE_MEMBER, Classification.SBU, Set.of("KBL")),
            new Account("rso.kbl", Role.SECURITY_OFFICER, Classification.SECRET, Set.of("KBL")),
            new Account("consular.kbl", Role.CONSULAR, Classification.SBU, Set.of("KBL")),
            new Account("management.kbl", Role.MANAGEMENT, Classification.SBU, Set.of("KBL")),
            new Account("warden.kbl", Role.WARDEN, Classification.UNCLASSIFIED, Set.of("KBL")),
            new Account("gate.kbl", Role.GATE, Classification.UNCLASSIFIED, Set.of("KBL")),
            new Account("viewer.kbl", Role.VIEWER, Classification.UNCLASSIFIED, Set.of("KBL")),
            new Account("com.mzr", Role.CHIEF_OF_MISSION, Classification.SECRET, Set.of("MZR")),
            new Account("consular.mzr", Role.CONSULAR, Classification.SBU, Set.of("MZR")),
            new Account("warden.mzr", Role.WARDEN, Classification.UNCLASSIFIED, Set.of("MZR")),
            new Account("taskforce", Role.TASK_FORCE, Classification.SECRET, Set.of("KBL", "MZR")),
            new Account("approver", Role.APPROVING_AUTHORITY, Classification.SECRET, Set.of("KBL", "MZR")),
            new Account("admin", Role.ADMINISTRATOR, Classification.UNCLASSIFIED, Set.of("KBL", "MZR")));

    private DemoAccounts() {}
}
