package org.muster.notification;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal response links: a token that names one delivery and when it expires, signed with
 * HMAC-SHA256 under a secret kept in the database (so every node signs and checks alike, and a
 * restart keeps old links valid). Nothing about the token is stored: it cannot be guessed (128 bits
 * of signature), a changed delivery id or expiry breaks the signature, and an expired token is
 * recognised as such. The token is URL-safe base64 of 16 bytes of delivery id, 8 bytes of expiry
 * (epoch seconds) and the first 16 bytes of the signature. Thread-safe.
 */
@Service
public class ResponseLinks {
    private static final int PAYLOAD = 24;
    private static final int SIGNATURE = 16;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final String publicUrl;
    private volatile byte[] secret;

    ResponseLinks(
            JdbcClient jdbc,
            Clock clock,
            @Value("${muster.notification.link-lifetime:14d}") Duration lifetime,
            @Value("${muster.notification.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A delivery's link expiry when issued now: now plus {@code muster.notification.link-lifetime}. */
    public Instant expiryFromNow() {
        return clock.instant().plus(lifetime);
    }

    /** The signed token for a delivery, valid until {@code expiresAt} (second precision). */
    public String token(UUID deliveryId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + SIGNATURE);
        payload.putLong(deliveryId.getMostSignificantBits())
                .putLong(deliveryId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        payload.put(sign(payload.array(), PAYLOAD), 0, SIGNATURE);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /** The full URL of a token's page, under {@code muster.notification.public-url}. */
    public String url(String token) {
        return publicUrl + "/r/" + token;
    }

    /**
     * What a token says, if its signature holds: empty for anything malformed or tampered with. An
     * expired token is returned with {@link Claim#expired()} true, so the page can say so.
     */
    public Optional<Claim> verify(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD + SIGNATURE) {
            return Optional.empty();
        }
        byte[] expected = sign(bytes, PAYLOAD);
        byte[] given = new byte[SIGNATURE];
        System.arraycopy(bytes, PAYLOAD, given, 0, SIGNATURE);
        byte[] truncated = new byte[SIGNATURE];
        System.arraycopy(expected, 0, truncated, 0, SIGNATURE);
        if (!MessageDigest.isEqual(given, truncated)) {
            return Optional.empty();
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes);
        UUID delivery = new UUID(payload.getLong(), payload.getLong());
        Instant expires = Instant.ofEpochSecond(payload.getLong());
        return Optional.of(new Claim(delivery, expires, !clock.instant().isBefore(expires)));
    }

    /** A verified token: the delivery it answers and whether it has expired. */
    public record Claim(UUID deliveryId, Instant expiresAt, boolean expired) {}

    private byte[] sign(byte[] data, int length) {
        Mac mac = macs.get();
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    /**
     * One initialised Mac per thread (a Mac is not thread-safe; looking one up and keying it costs more
     * than signing a token, and the senders sign one token per e-mail). doFinal resets it for reuse.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    });

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql(
                            "insert into notification_secret (id, secret, created_at) values (1, ?, ?) on conflict (id) do nothing")
                    .params(fresh, OffsetDateTime.now(clock))
                    .update();
            s = jdbc.sql("select secret from notification_secret where id = 1")
                    .query(byte[].class)
                    .single();
            secret = s;
        }
        return s;
    }

    /**
     * A keyed hash of a client's address (32 hex digits, HMAC under the link secret), so answers from
     * one client can be told apart without keeping the address, which a plain hash would not protect.
     */
    String clientHash(String address) {
        byte[] data = ("client " + address).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.HexFormat.of().formatHex(sign(data, data.length), 0, SIGNATURE);
    }
}
