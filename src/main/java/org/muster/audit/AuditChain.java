package org.muster.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of one link: SHA-256 over the previous hash and the entry's fields, each length-prefixed
 * so that no two different entries can be written as the same bytes. Timestamps are hashed in UTC
 * at microsecond precision, which is what PostgreSQL stores.
 */
final class AuditChain {
    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private AuditChain() {}

    static OffsetDateTime truncate(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(
            String prevHash, long seq, OffsetDateTime at, String actor, Long postId, String action, String summary) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {
            prevHash,
            Long.toString(seq),
            INSTANT.format(truncate(at)),
            actor,
            postId == null ? "-" : postId.toString(),
            action,
            summary
        }) {
            text.append(field.length()).append(':').append(field).append('|');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    static String hash(AuditEntry e) {
        return hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.postId(), e.action(), e.summary());
    }
}
