package org.muster.security;

import java.util.Locale;
import org.muster.shared.InvalidInputException;

/** What a user does; several may be held at once. Authorities are {@code ROLE_<name>}. */
public enum Role {
    CHIEF_OF_MISSION("Chief of mission"),
    COMMITTEE_MEMBER("Emergency Action Committee member"),
    SECURITY_OFFICER("Regional security officer"),
    CONSULAR("Consular section"),
    MANAGEMENT("Management section"),
    WARDEN("Warden"),
    GATE("Gate staff"),
    TASK_FORCE("Washington task force"),
    APPROVING_AUTHORITY("Approving authority"),
    ADMINISTRATOR("Administrator"),
    VIEWER("Viewer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The roles named in a database array (exact names). */
    static java.util.Set<Role> fromNames(String[] names) {
        java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (String n : names) {
            roles.add(valueOf(n));
        }
        return roles;
    }

    /** Parses a role name written with dashes, underscores or spaces, ignoring case. */
    public static Role parse(String text) {
        String value = text == null
                ? ""
                : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role r : values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        throw new InvalidInputException(
                "roles", "unknown role '" + text + "'; known roles: " + java.util.Arrays.toString(values()));
    }
}
