package org.muster.decisionpoints;

import java.util.List;

/** What importing a timeline did: rows read, observations recorded, refused values, crossings raised. */
public record TimelineReport(
        int rows,
        int recorded,
        List<RefusedRow> refused,
        List<Integer> emptyRows,
        List<String> unmappedHeadings,
        int crossingsRaised) {

    /** The number of distinct rows refused. */
    public long refusedRows() {
        return refused.stream().mapToInt(RefusedRow::row).distinct().count();
    }
}
