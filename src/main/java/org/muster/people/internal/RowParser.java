package org.muster.people.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.muster.people.Category;
import org.muster.people.ImportField;
import org.muster.people.RowProblem;

/**
 * Checks one row of a list against the column mapping and turns it into a {@link PersonRow}, or
 * into the reasons it is refused, one per bad value. Blank cells state nothing. Names are kept as
 * written (trimmed only), in any script. Stateless apart from its configuration; thread-safe.
 */
public final class RowParser {
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, strict("d MMM uuuu"), strict("d MMMM uuuu"), strict("dd.MM.uuuu"));

    /** A pattern that refuses impossible dates (31.02.2020) instead of moving them, in any letter case. */
    private static DateTimeFormatter strict(String pattern) {
        return new java.time.format.DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /** Each field's column by the field's ordinal, -1 when unmapped (looked up some 25 times a row). */
    private final int[] columns;

    private final List<String> headings;
    private final LocalDate today;
    private final ZoneId zone;

    public RowParser(Map<ImportField, Integer> columns, List<String> headings, LocalDate today, ZoneId zone) {
        this.columns = new int[ImportField.values().length];
        Arrays.fill(this.columns, -1);
        columns.forEach((field, column) -> this.columns[field.ordinal()] = column);
        this.headings = List.copyOf(headings);
        this.today = today;
        this.zone = zone;
    }

    /** A row either accepted ({@code person} set) or refused ({@code problems} not empty). */
    public record Parsed(PersonRow person, List<RowProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** Whether every cell of the row is blank. */
    public static boolean blank(String[] values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The cell a field is mapped to, trimmed; null when unmapped or blank. */
    public String value(String[] values, ImportField field) {
        int i = columns[field.ordinal()];
        if (i < 0 || i >= values.length || values[i] == null) {
            return null;
        }
        String v = strip(values[i]);
        return v.isEmpty() ? null : v;
    }

    /** Strips white space including no-break spaces, which spreadsheets often leave after a name. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && blankChar(text.charAt(start))) {
            start++;
        }
        while (end > start && blankChar(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * Whether the text is an e-mail address, as {@code [^@\s]+@[^@\s]+\.[^@\s]+} would match it whole
     * (without a matcher per value; the property tests hold the two together): one {@code @} with
     * text before it, and after it a dot with text on both sides; no white space ({@code \s}).
     */
    static boolean isEmail(String text) {
        int at = text.indexOf('@');
        if (at < 1 || text.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (regexSpace(text.charAt(i))) {
                return false;
            }
        }
        int dot = text.indexOf('.', at + 2);
        return dot >= 0 && dot < text.length() - 1;
    }

    /**
     * Whether the text is a phone number, as {@code \+?[0-9 ()\-.]{6,30}} would match it whole: an
     * optional {@code +}, then 6 to 30 of {@code 0-9 ( ) - .} and space.
     */
    static boolean isPhone(String text) {
        int start = text.startsWith("+") ? 1 : 0;
        int length = text.length() - start;
        if (length < 6 || length > 30) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != ' ' && c != '(' && c != ')' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** The characters of the regular expression class {@code \s}. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static int digits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean blankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    public String heading(ImportField field) {
        int i = columns[field.ordinal()];
        return i >= 0 && i < headings.size() && !headings.get(i).isBlank() ? headings.get(i) : field.label();
    }

    public Parsed parse(int row, String[] values) {
        Cells c = new Cells(row, values);
        String family = c.text(ImportField.FAMILY_NAME, 200);
        if (family == null && !c.failed(ImportField.FAMILY_NAME)) {
            c.problem(ImportField.FAMILY_NAME, "is required");
        }
        String given = c.text(ImportField.GIVEN_NAME, 200);
        Category category = c.parse(ImportField.CATEGORY, Categories::parse, Categories.HINT);
        if (category == null && !c.failed(ImportField.CATEGORY)) {
            c.problem(ImportField.CATEGORY, "is required; " + Categories.HINT);
        }
        LocalDate dob = c.date(ImportField.DATE_OF_BIRTH);
        if (dob != null && (dob.isAfter(today) || dob.getYear() < 1900)) {
            c.problem(ImportField.DATE_OF_BIRTH, "must be between 1900 and today, not " + dob);
        }
        String nationality = c.country(ImportField.NATIONALITY);
        LocalDate arrival = c.date(ImportField.TDY_ARRIVAL);
        LocalDate departure = c.date(ImportField.TDY_DEPARTURE);
        if (arrival != null && departure != null && departure.isBefore(arrival)) {
            c.problem(ImportField.TDY_DEPARTURE, "is before the arrival date " + arrival);
        }
        String email = c.text(ImportField.EMAIL, 200);
        if (email != null && !isEmail(email)) {
            c.problem(ImportField.EMAIL, "is not an email address: '" + email + "'");
        }
        String phone = c.text(ImportField.PHONE, 40);
        if (phone != null && (!isPhone(phone) || digits(phone) < 6)) {
            c.problem(ImportField.PHONE, "is not a phone number (digits, spaces, + ( ) - . only): '" + phone + "'");
        }
        String documentNumber = c.text(ImportField.DOCUMENT_NUMBER, 50);
        String documentKind = c.parse(ImportField.DOCUMENT_KIND, Vocabulary::documentKind, Vocabulary.DOCUMENT_HINT);
        if (documentKind != null && documentNumber == null) {
            c.problem(ImportField.DOCUMENT_KIND, "is given without a document number");
        }
        if (documentNumber != null && documentKind == null && !c.failed(ImportField.DOCUMENT_KIND)) {
            documentKind = "PASSPORT";
        }
        PersonRow person = new PersonRow(
                row,
                c.text(ImportField.KEY, 200),
                c.text(ImportField.HOUSEHOLD, 200),
                given,
                family,
                category,
                c.bool(ImportField.CHIEF_OF_MISSION),
                c.bool(ImportField.EMERGENCY_STAFF),
                nationality,
                dob,
                c.parse(ImportField.RELATIONSHIP, Vocabulary::relationship, Vocabulary.RELATIONSHIP_HINT),
                c.bool(ImportField.UNACCOMPANIED_MINOR),
                c.parse(ImportField.CITIZENSHIP, Vocabulary::citizenship, Vocabulary.CITIZENSHIP_HINT),
                c.parse(ImportField.INTENT, Vocabulary::intent, Vocabulary.INTENT_HINT),
                c.text(ImportField.LOCATION, 200),
                c.instant(ImportField.LAST_CONTACT),
                arrival,
                departure,
                email,
                c.date(ImportField.EMAIL_VERIFIED),
                phone,
                c.date(ImportField.PHONE_VERIFIED),
                documentKind,
                documentNumber,
                c.country(ImportField.DOCUMENT_COUNTRY),
                c.date(ImportField.DOCUMENT_EXPIRES),
                c.stated);
        if (!c.problems.isEmpty()) {
            return new Parsed(null, List.copyOf(c.problems));
        }
        if (person.sourceKey() == null) {
            person = withDerivedKey(person);
        }
        return new Parsed(person, List.of());
    }

    /** Without a record id the key is the person's name, date of birth and category as this list writes them. */
    private static PersonRow withDerivedKey(PersonRow p) {
        String key = "~" + p.familyName().toLowerCase(Locale.ROOT) + "|"
                + (p.givenName() == null ? "" : p.givenName().toLowerCase(Locale.ROOT)) + "|"
                + (p.dateOfBirth() == null ? "" : p.dateOfBirth()) + "|"
                + p.category().name();
        return new PersonRow(
                p.row(),
                key,
                p.householdKey(),
                p.givenName(),
                p.familyName(),
                p.category(),
                p.chiefOfMission(),
                p.emergencyStaff(),
                p.nationality(),
                p.dateOfBirth(),
                p.relationship(),
                p.unaccompaniedMinor(),
                p.citizenship(),
                p.intent(),
                p.location(),
                p.lastContact(),
                p.tdyArrival(),
                p.tdyDeparture(),
                p.email(),
                p.emailVerified(),
                p.phone(),
                p.phoneVerified(),
                p.documentKind(),
                p.documentNumber(),
                p.documentCountry(),
                p.documentExpires(),
                p.fields());
    }

    /** The cells of one row, and what went wrong reading them. */
    private final class Cells {
        private final int row;
        private final String[] values;
        private final List<RowProblem> problems = new ArrayList<>();
        private final Set<ImportField> failed = EnumSet.noneOf(ImportField.class);
        private final Set<ImportField> stated = EnumSet.noneOf(ImportField.class);

        Cells(int row, String[] values) {
            this.row = row;
            this.values = values;
        }

        void problem(ImportField field, String reason) {
            failed.add(field);
            problems.add(new RowProblem(row, heading(field), reason));
        }

        boolean failed(ImportField field) {
            return failed.contains(field);
        }

        String text(ImportField field, int max) {
            String v = value(values, field);
            if (v == null) {
                return null;
            }
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (Character.isISOControl(ch)) {
                    problem(field, "contains a control character (code " + (int) ch + ")");
                    return null;
                }
            }
            if (v.length() > max) {
                problem(field, "is longer than " + max + " characters");
                return null;
            }
            stated.add(field);
            return v;
        }

        <T> T parse(ImportField field, java.util.function.Function<String, T> parser, String hint) {
            String v = text(field, 200);
            if (v == null) {
                return null;
            }
            T parsed = parser.apply(v);
            if (parsed == null) {
                stated.remove(field);
                problem(field, "'" + v + "' is not recognised; " + hint);
            }
            return parsed;
        }

        Boolean bool(ImportField field) {
            return parse(field, Vocabulary::bool, "use yes or no");
        }

        LocalDate date(ImportField field) {
            return parse(field, RowParser::date, "write dates as YYYY-MM-DD");
        }

        OffsetDateTime instant(ImportField field) {
            return parse(
                    field,
                    v -> RowParser.instant(v, zone),
                    "write a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)");
        }

        String country(ImportField field) {
            return parse(field, Vocabulary::country, "use a two-letter country code such as AF or US");
        }
    }

    static LocalDate date(String v) {
        String text = v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v;
        if (shaped(text, "dddd-dd-dd")) {
            // YYYY-MM-DD, most dates of most lists: read directly, as ISO_LOCAL_DATE would (no other
            // form has this shape); the formatters build a map of fields for every date they read
            try {
                return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return formatted(text);
    }

    /** The date as the accepted formats read it, without the shortcut of {@link #date}. */
    static LocalDate formatted(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    /** Whether the text has the shape, {@code d} standing for any digit 0-9 and any other character for itself. */
    private static boolean shaped(String text, String shape) {
        if (text.length() != shape.length()) {
            return false;
        }
        for (int i = 0; i < shape.length(); i++) {
            char c = text.charAt(i);
            if (shape.charAt(i) == 'd' ? c < '0' || c > '9' : c != shape.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int number(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (t.charAt(i) - '0');
        }
        return n;
    }

    /** A date-time with an offset, or a local date-time or date in the post's time zone. */
    static OffsetDateTime instant(String v, ZoneId zone) {
        if (shaped(v, "dddd-dd-ddTdd:dd") || shaped(v, "dddd-dd-ddTdd:dd:dd")) {
            // YYYY-MM-DDTHH:MM[:SS], local to the post: read directly, as LocalDateTime.parse would
            try {
                return LocalDateTime.of(
                                number(v, 0, 4),
                                number(v, 5, 7),
                                number(v, 8, 10),
                                number(v, 11, 13),
                                number(v, 14, 16),
                                v.length() == 19 ? number(v, 17, 19) : 0)
                        .atZone(zone)
                        .toOffsetDateTime();
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return parsedInstant(v, zone);
    }

    /** The instant as the formatters read it, without the shortcut of {@link #instant}. */
    static OffsetDateTime parsedInstant(String v, ZoneId zone) {
        int t = v.indexOf('T');
        if (t < 0) {
            LocalDate d = date(v);
            return d == null ? null : d.atStartOfDay(zone).toOffsetDateTime();
        }
        String time = v.substring(t + 1);
        boolean offset = time.indexOf('Z') >= 0 || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
        try {
            return offset
                    ? OffsetDateTime.parse(v)
                    : LocalDateTime.parse(v).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
