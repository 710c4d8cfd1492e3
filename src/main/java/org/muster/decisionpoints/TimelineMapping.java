package org.muster.decisionpoints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muster.shared.InvalidInputException;

/**
 * Which column of a timeline holds which field. Without an override a field is found by its usual
 * headings ({@link #DEFAULTS}, compared ignoring case, spaces, dashes and underscores); an override
 * {@code subject=capital} names the column for a field. Fields: date, subject, event, value, source,
 * confidence, classification, handle, note.
 */
public record TimelineMapping(Map<String, String> columns) {
    public static final Map<String, List<String>> DEFAULTS = defaults();
    public static final TimelineMapping DEFAULT = new TimelineMapping(Map.of());

    public TimelineMapping {
        Map<String, String> checked = new LinkedHashMap<>();
        (columns == null ? Map.<String, String>of() : columns).forEach((field, heading) -> {
            String f = field == null ? "" : field.trim().toLowerCase(Locale.ROOT);
            if (!DEFAULTS.containsKey(f)) {
                throw new InvalidInputException(
                        "mapping", "unknown field '" + field + "'; fields: " + String.join(", ", DEFAULTS.keySet()));
            }
            if (heading == null || heading.isBlank()) {
                throw new InvalidInputException("mapping", "name the column for " + f);
            }
            checked.put(f, heading.trim());
        });
        columns = Map.copyOf(checked);
    }

    /** Parses {@code subject=capital,date=reported_date}; blank text is the default mapping. */
    public static TimelineMapping parse(String text) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new InvalidInputException(
                            "mapping", "write field=column pairs, e.g. subject=capital (got '" + pair.trim() + "')");
                }
                columns.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return new TimelineMapping(columns);
    }

    /** The headings that may hold {@code field}, an override alone when there is one. */
    List<String> headingsFor(String field) {
        String override = columns.get(field);
        return override != null ? List.of(override) : DEFAULTS.get(field);
    }

    static String normalise(String heading) {
        return heading == null ? "" : heading.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("date", List.of("date", "reported_date", "observed", "observed_at", "time"));
        d.put("subject", List.of("subject", "capital"));
        d.put("event", List.of("event"));
        d.put("value", List.of("value"));
        d.put("source", List.of("source"));
        d.put("confidence", List.of("confidence"));
        d.put("classification", List.of("classification"));
        d.put("handle", List.of("handle"));
        d.put("note", List.of("note"));
        return java.util.Collections.unmodifiableMap(d);
    }
}
