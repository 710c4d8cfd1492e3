package org.muster.audit;

import java.time.OffsetDateTime;

/** One link of the audit chain. {@code postId} is null for installation-wide actions. */
public record AuditEntry(
        long seq,
        OffsetDateTime at,
        String actor,
        Long postId,
        String action,
        String summary,
        String prevHash,
        String hash) {}
