package org.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Response links without Spring: the secret store is a stub (the database holds it in production),
 * time is a fixed clock.
 */
class ResponseLinksTests {
    private static final Instant NOW = Instant.parse("2021-08-14T06:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(14));
    private static final UUID DELIVERY = UUID.fromString("6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b");
    private static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private static ResponseLinks links(Instant now, byte[] secret) {
        JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
        when(jdbc.sql(anyString()).query(byte[].class).single()).thenReturn(secret);
        return new ResponseLinks(
                jdbc, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(14), "https://muster.example/");
    }

    private static ResponseLinks links(Instant now) {
        return links(now, secret((byte) 7));
    }

    private static byte[] secret(byte fill) {
        byte[] s = new byte[32];
        Arrays.fill(s, fill);
        s[0] = 42;
        return s;
    }

    private static byte[] decode(String token) {
        return Base64.getUrlDecoder().decode(token);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aTokenNamesItsDeliveryAndExpiryAndIsUrlSafe() {
        ResponseLinks links = links(NOW);
        String token = links.token(DELIVERY, EXPIRES);

        assertThat(token).matches("[A-Za-z0-9_-]{54}");
        assertThat(links.verify(token)).contains(new ResponseLinks.Claim(DELIVERY, EXPIRES, false));
        assertThat(links.url(token)).isEqualTo("https://muster.example/r/" + token);
        assertThat(links.expiryFromNow()).isEqualTo(EXPIRES);
    }

    @Test
    void changingAnyBitOfATokenMakesItWorthless() {
        ResponseLinks links = links(NOW);
        byte[] original = decode(links.token(DELIVERY, EXPIRES));
        int accepted = 0;
        for (int i = 0; i < original.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = original.clone();
                tampered[i] ^= (byte) (1 << bit);
                if (links.verify(encode(tampered)).isPresent()) {
                    accepted++;
                }
            }
        }
        assertThat(original).hasSize(40);
        assertThat(accepted).as("tampered tokens accepted, of 320").isZero();
    }

    @Test
    void malformedTokensAreEmptyNotErrors() {
        ResponseLinks links = links(NOW);
        String token = links.token(DELIVERY, EXPIRES);

        assertThat(links.verify(null)).isEmpty();
        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify("not a token!")).isEmpty();
        assertThat(links.verify(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(links.verify(token + "AA")).isEmpty();
        assertThat(links.verify(token.substring(0, 32))).isEmpty();
        assertThat(links.verify(encode(new byte[40]))).isEmpty();
    }

    @Test
    void aTokenExpiresAtItsExpiryToTheSecond() {
        String token = links(NOW).token(DELIVERY, EXPIRES);

        assertThat(links(EXPIRES.minusSeconds(1)).verify(token))
                .hasValueSatisfying(c -> assertThat(c.expired()).isFalse());
        assertThat(links(EXPIRES.minusNanos(1)).verify(token))
                .hasValueSatisfying(c -> assertThat(c.expired()).isFalse());
        assertThat(links(EXPIRES).verify(token))
                .as("at the instant of expiry")
                .hasValueSatisfying(c -> assertThat(c.expired()).isTrue());
        assertThat(links(EXPIRES.plus(Duration.ofDays(365))).verify(token)).hasValueSatisfying(c -> {
            assertThat(c.expired()).isTrue();
            assertThat(c.deliveryId()).isEqualTo(DELIVERY);
        });
    }

    @Test
    void anExpiryIsKeptToTheSecond() {
        ResponseLinks links = links(NOW);
        String token = links.token(DELIVERY, EXPIRES.plusMillis(999));

        assertThat(links.verify(token))
                .hasValueSatisfying(c -> assertThat(c.expiresAt()).isEqualTo(EXPIRES));
    }

    @Test
    void aTokenForAnotherDeliveryOrALaterExpiryCannotBeMadeFromOneHeld() {
        ResponseLinks links = links(NOW);
        byte[] held = decode(links.token(DELIVERY, EXPIRES));

        byte[] otherDelivery = held.clone();
        ByteBuffer.wrap(otherDelivery)
                .putLong(0, OTHER.getMostSignificantBits())
                .putLong(8, OTHER.getLeastSignificantBits());
        byte[] later = held.clone();
        ByteBuffer.wrap(later).putLong(16, EXPIRES.plus(Duration.ofDays(3650)).getEpochSecond());
        byte[] spliced = decode(links.token(OTHER, EXPIRES));
        System.arraycopy(held, 24, spliced, 24, 16);

        assertThat(links.verify(encode(otherDelivery)))
                .as("another delivery's id, the held signature")
                .isEmpty();
        assertThat(links.verify(encode(later)))
                .as("a later expiry, the held signature")
                .isEmpty();
        assertThat(links.verify(encode(spliced)))
                .as("another token's payload, the held signature")
                .isEmpty();
        assertThat(links.verify(links.token(OTHER, EXPIRES)))
                .as("only the secret's holder signs another delivery")
                .hasValueSatisfying(c -> assertThat(c.deliveryId()).isEqualTo(OTHER));
    }

    @Test
    void aTokenSignedUnderAnotherSecretIsWorthless() {
        String foreign = links(NOW, secret((byte) 8)).token(DELIVERY, EXPIRES);

        assertThat(links(NOW).verify(foreign)).isEmpty();
    }

    @Test
    void clientAddressesAreKeptOnlyAsAKeyedHash() {
        ResponseLinks links = links(NOW);
        String hash = links.clientHash("203.0.113.7");

        assertThat(hash).matches("[0-9a-f]{32}").doesNotContain("203");
        assertThat(links.clientHash("203.0.113.7")).isEqualTo(hash);
        assertThat(links.clientHash("203.0.113.8")).isNotEqualTo(hash);
        assertThat(links(NOW, secret((byte) 8)).clientHash("203.0.113.7"))
                .as("another installation's secret")
                .isNotEqualTo(hash);
    }
}
