package org.muster.people;

import java.util.List;
import java.util.Map;
import org.muster.shared.Marked;

/** A row an import refused, kept with its values until it is corrected and re-submitted. */
public record RejectedRow(
        long importId,
        long postId,
        int row,
        Map<ImportField, String> values,
        List<RowProblem> problems,
        boolean resolved)
        implements Marked {}
