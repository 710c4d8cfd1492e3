package org.muster.people;

import java.util.List;
import java.util.Map;
import org.muster.shared.Marked;

/**
 * What committing an uploaded list would do, before anything is written: the mapping in force, the
 * first rows as read, how many rows would add or update people, and every refused row's reasons.
 */
public record ImportPreview(
        long importId,
        long postId,
        String source,
        String filename,
        String format,
        String encoding,
        String status,
        List<String> headings,
        Map<ImportField, String> mapping,
        List<String> missingRequired,
        List<String> unmappedHeadings,
        List<List<String>> firstRows,
        List<Integer> firstRowNumbers,
        int accepted,
        int newPeople,
        int knownPeople,
        List<RowProblem> problems,
        int rejectedRows,
        List<Integer> emptyRows)
        implements Marked {

    public boolean committable() {
        return missingRequired.isEmpty() && "PREVIEWED".equals(status);
    }

    public int rows() {
        return accepted + rejectedRows + emptyRows.size();
    }
}
