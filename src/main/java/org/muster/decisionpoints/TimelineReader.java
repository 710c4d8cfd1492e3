package org.muster.decisionpoints;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;

/**
 * Reads a timeline: CSV in UTF-8 (with or without a byte-order mark), a heading row first. A date
 * without a time is the start of that day in the post's time zone; a date-time without an offset is
 * in the post's time zone. Pure: the caller gives the zone and the instant that counts as now.
 */
final class TimelineReader {
    static final int MAX_ROWS = 100_000;
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final List<String> REQUIRED = List.of("date", "subject", "event", "source");
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd[['T'][' ']HH:mm[:ss]]").withResolverStyle(ResolverStyle.STRICT);

    private TimelineReader() {}

    /** Reads the file; refuses it as a whole (field {@code file} or {@code mapping}) when no row can be read. */
    static Timeline read(byte[] bytes, TimelineMapping mapping, ZoneId zone, Instant now) {
        List<CSVRecord> records = records(decode(bytes));
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "is empty: a heading row and at least one row are needed");
        }
        if (records.size() > MAX_ROWS + 1) {
            throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows");
        }
        CSVRecord heading = records.get(0);
        Map<String, Integer> columns = columns(heading, mapping);
        List<String> unmapped = new ArrayList<>();
        Set<Integer> used = new HashSet<>(columns.values());
        for (int i = 0; i < heading.size(); i++) {
            if (!used.contains(i) && !heading.get(i).isBlank()) {
                unmapped.add(heading.get(i).trim());
            }
        }
        List<TimelineRow> accepted = new ArrayList<>();
        List<RefusedRow> refused = new ArrayList<>();
        List<Integer> empty = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            int row = r + 1;
            if (record.stream().allMatch(String::isBlank)) {
                empty.add(row);
                continue;
            }
            List<RefusedRow> problems = new ArrayList<>();
            NewObservation o = observation(record, columns, zone, now, row, problems);
            if (problems.isEmpty()) {
                accepted.add(new TimelineRow(row, o));
            } else {
                refused.addAll(problems);
            }
        }
        return new Timeline(records.size() - 1, accepted, refused, empty, unmapped);
    }

    private static NewObservation observation(
            CSVRecord record,
            Map<String, Integer> columns,
            ZoneId zone,
            Instant now,
            int row,
            List<RefusedRow> problems) {
        Map<String, String> v = new HashMap<>();
        columns.forEach((field, index) ->
                v.put(field, index < record.size() ? record.get(index).trim() : ""));
        Instant at = attempt(row, "date", problems, () -> instant(v.get("date"), zone, now));
        BigDecimal value = attempt(row, "value", problems, () -> number(v.get("value")));
        Confidence confidence = attempt(
                row,
                "confidence",
                problems,
                () -> blank(v.get("confidence")) ? null : Confidence.parse("confidence", v.get("confidence")));
        Classification marking = attempt(
                row,
                "classification",
                problems,
                () -> blank(v.get("classification")) ? null : Classification.parse(v.get("classification")));
        if (!problems.isEmpty()) {
            return null;
        }
        return attempt(
                row,
                null,
                problems,
                () -> new NewObservation(
                        at,
                        v.get("subject"),
                        v.get("event"),
                        value,
                        v.get("source"),
                        confidence,
                        marking,
                        v.get("handle"),
                        v.get("note")));
    }

    static Instant instant(String text, ZoneId zone, Instant now) {
        if (blank(text)) {
            throw new InvalidInputException("date", "is required");
        }
        Instant at;
        try {
            at = text.length() == 10
                    ? LocalDate.parse(text, LOCAL).atStartOfDay(zone).toInstant()
                    : dateTime(text, zone);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "date", "'" + text + "' is not a date such as 2021-08-13, 2021-08-13 14:30 or 2021-08-13T14:30Z");
        }
        if (at.isAfter(now.plus(TOLERANCE))) {
            throw new InvalidInputException("date", "'" + text + "' is in the future");
        }
        return at;
    }

    private static Instant dateTime(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant();
        }
    }

    private static BigDecimal number(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", "'" + text + "' is not a number such as 12 or 4.5");
        }
    }

    private static Map<String, Integer> columns(CSVRecord heading, TimelineMapping mapping) {
        Map<String, Integer> byHeading = new HashMap<>();
        for (int i = 0; i < heading.size(); i++) {
            byHeading.putIfAbsent(TimelineMapping.normalise(heading.get(i)), i);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (String field : TimelineMapping.DEFAULTS.keySet()) {
            for (String h : mapping.headingsFor(field)) {
                Integer index = byHeading.get(TimelineMapping.normalise(h));
                if (index != null && !columns.containsValue(index)) {
                    columns.put(field, index);
                    break;
                }
            }
            if (!columns.containsKey(field) && mapping.columns().containsKey(field)) {
                throw new InvalidInputException(
                        "mapping", "no column '" + mapping.columns().get(field) + "' in the file for " + field);
            }
            if (!columns.containsKey(field) && REQUIRED.contains(field)) {
                throw new InvalidInputException(
                        "file",
                        "has no column for " + field + " (looked for " + String.join(", ", mapping.headingsFor(field))
                                + "); name it with a mapping such as " + field + "=<column>");
            }
        }
        return columns;
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes == null ? new byte[0] : bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "is not UTF-8 text: save the timeline as CSV UTF-8");
        }
    }

    private static List<CSVRecord> records(String text) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> all = new ArrayList<>(parser.getRecords());
            while (!all.isEmpty() && all.get(all.size() - 1).stream().allMatch(String::isBlank)) {
                all.remove(all.size() - 1);
            }
            return all;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("file", "is not readable CSV: " + e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T attempt(
            int row, String field, List<RefusedRow> problems, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            problems.add(new RefusedRow(row, field != null ? field : e.field(), e.reason()));
            return null;
        }
    }
}
