package org.muster.security;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.muster.shared.Classification;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal. It is stored in the shared session table, so it holds only identity;
 * membership and clearance are read fresh by {@link NeedToKnow} on each request, so that a revoked
 * membership takes effect at once on every node.
 */
public final class MusterUser implements UserDetails {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private transient String passwordHash;
    private final Set<Role> roles;
    private final Classification clearance;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final boolean locked;
    private final boolean mustChangePassword;

    MusterUser(
            long id,
            String username,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Classification clearance,
            boolean enabled,
            Instant lockedUntil,
            boolean locked,
            boolean mustChangePassword) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.clearance = clearance;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public Classification clearance() {
        return clearance;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** Whether the lockout was still running when this principal was loaded (at a login attempt). */
    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MusterUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "MusterUser[" + username + "]";
    }

    static List<String> roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
