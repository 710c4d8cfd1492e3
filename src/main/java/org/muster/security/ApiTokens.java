package org.muster.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, sent as {@code Authorization: Bearer mst_...}. The secret is shown once at
 * creation; only its SHA-256 is stored. A token acts as its owner, with the owner's current roles,
 * memberships and clearance, until it expires ({@code muster.security.api-token-lifetime}) or is revoked.
 */
@Service
public class ApiTokens {
    static final String PREFIX = "mst_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration lifetime;

    ApiTokens(
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            @Value("${muster.security.api-token-lifetime:90d}") Duration lifetime) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A token as its owner sees it in the list; never the secret. */
    public record ApiToken(
            long id,
            String name,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {}

    /** Creates a token and returns its secret, which is not stored and cannot be shown again. */
    @Transactional
    public String create(long userId, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "is required (at most 100 characters)");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into api_token (user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(userId, name.trim(), sha256(secret), now, now.plus(lifetime))
                .update();
        audit.record("api-token.created", null, "API token '" + name.trim() + "' for user #" + userId);
        return secret;
    }

    @Transactional
    public void revoke(long userId, long tokenId) {
        int revoked = jdbc.sql(
                        "update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), tokenId, userId)
                .update();
        if (revoked == 0) {
            throw new InvalidInputException("token", "no active token " + tokenId + " of yours");
        }
        audit.record("api-token.revoked", null, "API token #" + tokenId + " of user #" + userId);
    }

    public List<ApiToken> list(long userId) {
        return jdbc.sql("select * from api_token where user_id = ? order by created_at desc")
                .param(userId)
                .query((rs, n) -> new ApiToken(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** A token's owner, as the account and the reader the request runs as, read in one statement. */
    record SignedIn(MusterUser user, Reader reader) {}

    /**
     * The owner of a valid token, with their reader (roles, clearance, memberships as the database
     * says now), read in one statement, the request's only one before its own work; records the use
     * to the minute. Reading the token takes no lock, so many requests with one token (a gate device,
     * a load balancer's nodes) do not queue behind each other; the last-use time is written, in its
     * own statement, only when it is a minute old.
     */
    Optional<SignedIn> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        record Valid(long id, OffsetDateTime lastUsed, SignedIn signedIn) {}
        Optional<Valid> valid = jdbc.sql(AUTHENTICATE)
                .params(sha256(secret), now)
                .query((rs, n) -> {
                    Reader reader = NeedToKnow.reader(rs);
                    MusterUser user = new MusterUser(
                            reader.userId(),
                            reader.username(),
                            reader.displayName(),
                            "",
                            reader.roles(),
                            reader.clearance(),
                            true,
                            null,
                            false,
                            rs.getBoolean("must_change_password"));
                    return new Valid(
                            rs.getLong("token_id"),
                            rs.getObject("last_used_at", OffsetDateTime.class),
                            new SignedIn(user, reader));
                })
                .optional();
        valid.filter(v -> v.lastUsed() == null || v.lastUsed().isBefore(now.minusMinutes(1)))
                .ifPresent(v -> jdbc.sql("update api_token set last_used_at = ? where id = ?"
                                + " and (last_used_at is null or last_used_at < ?)")
                        .params(now, v.id(), now.minusMinutes(1))
                        .update());
        return valid.map(Valid::signedIn);
    }

    /** The token, its owner and the owner's memberships: what {@link NeedToKnow#load} reads, and more. */
    static final String AUTHENTICATE = """
            select t.id token_id, t.last_used_at, u.id, u.username, u.display_name, u.roles, u.clearance,
                   u.must_change_password,
                   array(select m.post_id from post_membership m where m.user_id = u.id) posts
            from api_token t join app_user u on u.id = t.user_id
            where t.token_hash = ? and u.enabled and t.revoked_at is null and t.expires_at > ?""";

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
