package org.muster.people;

import java.time.OffsetDateTime;
import java.util.List;
import org.muster.shared.Marked;

/**
 * The result of a committed import: counts, and one line per refused value (row, field, reason).
 * {@code added + updated + unchanged + rejected + emptyRows.size() == rows}.
 */
public record ImportReport(
        long importId,
        long postId,
        String source,
        String filename,
        OffsetDateTime committedAt,
        int rows,
        int added,
        int updated,
        int unchanged,
        int rejected,
        int resolved,
        List<Integer> emptyRows,
        List<String> unmappedHeadings,
        List<RowProblem> problems)
        implements Marked {}
