package org.muster.people;

import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/** One uploaded list in a post's import history. */
public record ImportSummary(
        long importId,
        long postId,
        String source,
        String filename,
        String status,
        OffsetDateTime uploadedAt,
        String uploadedBy,
        Integer rows,
        Integer added,
        Integer updated,
        Integer rejected,
        int openRejections)
        implements Marked {}
