package org.muster.decisionpoints;

import java.util.List;

/**
 * A timeline file as read: every data row is either accepted or refused (each bad value with its
 * row, field and reason) or listed as empty, so nothing is dropped silently. Columns that map to no
 * field are listed too.
 */
public record Timeline(
        int rows,
        List<TimelineRow> accepted,
        List<RefusedRow> refused,
        List<Integer> emptyRows,
        List<String> unmappedHeadings) {}
