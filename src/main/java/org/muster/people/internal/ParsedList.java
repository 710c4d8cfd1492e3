package org.muster.people.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.muster.people.ImportField;
import org.muster.people.RowProblem;

/**
 * A whole list read and checked: the rows accepted, the rows refused with their values and reasons,
 * the empty rows and the columns nothing was mapped to. Every row of the file is in exactly one of
 * the first three, unless a required field has no column: then no row is checked (the file cannot be
 * imported as it stands) and {@link #missingRequired} says why. A later row repeating an earlier row's key is refused, naming the earlier row.
 */
public final class ParsedList {
    private static final int PREVIEW_ROWS = 20;

    private TableReader.Facts facts;
    public final List<String> headings = new ArrayList<>();
    public final Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
    /** The accepted rows, when the list was read whole; a list read row by row hands them over instead. */
    public final List<PersonRow> accepted = new ArrayList<>();

    public final List<Rejected> rejected = new ArrayList<>();
    public final List<Integer> emptyRows = new ArrayList<>();
    public final List<String[]> firstRows = new ArrayList<>();
    /** The file's row number of each of {@link #firstRows} (a spreadsheet may skip numbers). */
    public final List<Integer> firstRowNumbers = new ArrayList<>();

    public final List<String> missingRequired = new ArrayList<>();

    private int acceptedRows;

    /** A refused row: its values by field (as mapped) and every reason. */
    public record Rejected(int row, Map<ImportField, String> values, List<RowProblem> problems) {}

    private ParsedList() {}

    public TableReader.Facts facts() {
        return facts;
    }

    /**
     * Reads the file with a mapping from fields to column headings; fields the mapping leaves out are
     * matched by their usual headings. When a required field has no column, no row is checked and
     * {@link #missingRequired} says which.
     */
    public static ParsedList read(
            String filename, byte[] content, Map<ImportField, String> wanted, LocalDate today, ZoneId zone) {
        return read(filename, content, new Reading(wanted, today, zone, list -> {}, row -> {}, true));
    }

    /**
     * Reads the file as {@link #read(String, byte[], Map, LocalDate, ZoneId)} does, telling {@code
     * headingsRead} once the mapping is known (before any row) and {@code accepted} of each accepted
     * row as soon as it is (a later row repeating its key is refused, never it). The accepted rows are
     * handed over, not kept: {@link #accepted} stays empty and {@link #acceptedRows} counts them, so
     * that a large list's rows do not all stay in memory until the end of the reading.
     */
    static ParsedList read(
            String filename,
            byte[] content,
            Map<ImportField, String> wanted,
            LocalDate today,
            ZoneId zone,
            Consumer<ParsedList> headingsRead,
            Consumer<PersonRow> accepted) {
        return read(filename, content, new Reading(wanted, today, zone, headingsRead, accepted, false));
    }

    private static ParsedList read(String filename, byte[] content, Reading reading) {
        reading.list.facts = TableReader.read(filename, content, reading);
        return reading.list;
    }

    public int acceptedRows() {
        return acceptedRows;
    }

    public int dataRows() {
        return acceptedRows + rejected.size() + emptyRows.size();
    }

    /** Headings in the file that no field is mapped to: their values are not imported. */
    public List<String> unmappedHeadings() {
        List<String> unmapped = new ArrayList<>();
        for (String h : headings) {
            if (!h.isBlank() && !mapping.containsValue(h)) {
                unmapped.add(h);
            }
        }
        return unmapped;
    }

    private static final class Reading implements TableReader.Visitor {
        private final Map<ImportField, String> wanted;
        private final LocalDate today;
        private final ZoneId zone;
        private final ParsedList list = new ParsedList();
        private final Map<String, Integer> keys = new HashMap<>();
        private final Consumer<ParsedList> headingsRead;
        private final Consumer<PersonRow> accepted;
        private final boolean keepAccepted;
        private RowParser parser;

        Reading(
                Map<ImportField, String> wanted,
                LocalDate today,
                ZoneId zone,
                Consumer<ParsedList> headingsRead,
                Consumer<PersonRow> accepted,
                boolean keepAccepted) {
            this.wanted = wanted;
            this.today = today;
            this.zone = zone;
            this.headingsRead = headingsRead;
            this.accepted = accepted;
            this.keepAccepted = keepAccepted;
        }

        @Override
        public void heading(List<String> headings) {
            list.headings.addAll(headings.stream().map(String::strip).toList());
            Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
            for (var e : wanted.entrySet()) {
                int i = list.headings.indexOf(e.getValue());
                if (i >= 0) {
                    columns.put(e.getKey(), i);
                }
            }
            for (int i = 0; i < list.headings.size(); i++) {
                int column = i;
                ImportField.forHeading(list.headings.get(i))
                        .filter(f -> !wanted.containsKey(f) && !columns.containsKey(f))
                        .ifPresent(f -> columns.put(f, column));
            }
            columns.forEach((f, i) -> list.mapping.put(f, list.headings.get(i)));
            for (ImportField f : ImportField.values()) {
                if (f.required() && !columns.containsKey(f)) {
                    list.missingRequired.add(f.label());
                }
            }
            parser = new RowParser(columns, list.headings, today, zone);
            headingsRead.accept(list);
        }

        @Override
        public void row(int number, String[] values) {
            if (list.firstRows.size() < PREVIEW_ROWS) {
                list.firstRows.add(values);
                list.firstRowNumbers.add(number);
            }
            if (RowParser.blank(values)) {
                list.emptyRows.add(number);
                return;
            }
            if (!list.missingRequired.isEmpty()) {
                return;
            }
            RowParser.Parsed parsed = parser.parse(number, values);
            if (parsed.accepted()) {
                Integer earlier = keys.putIfAbsent(parsed.person().sourceKey(), number);
                if (earlier == null) {
                    list.acceptedRows++;
                    if (keepAccepted) {
                        list.accepted.add(parsed.person());
                    }
                    accepted.accept(parsed.person());
                    return;
                }
                boolean derived = parsed.person().sourceKey().startsWith("~");
                String reason = derived
                        ? "repeats row " + earlier + " (same name, date of birth and category); map a record-id"
                                + " column if they are different people"
                        : "repeats the record id of row " + earlier;
                reject(number, values, List.of(new RowProblem(number, parser.heading(ImportField.KEY), reason)));
                return;
            }
            reject(number, values, parsed.problems());
        }

        private void reject(int number, String[] values, List<RowProblem> problems) {
            Map<ImportField, String> mapped = new LinkedHashMap<>();
            for (ImportField f : list.mapping.keySet()) {
                String v = parser.value(values, f);
                if (v != null) {
                    mapped.put(f, v);
                }
            }
            list.rejected.add(new Rejected(number, mapped, problems));
        }
    }
}
