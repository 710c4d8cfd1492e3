package org.muster.people.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.muster.people.Category;

/**
 * Seeded random inputs for the import property tests: the same seed gives the same values, so a
 * failing case is reproduced by its seed alone.
 */
final class Generators {
    static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String LATIN_1 = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÄÅÇÉÊÎÑÓÖØÜÝßðþ©®°±«»¿¡£¥§¶";
    static final String ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويپچژکگیءآأإئؤةًٌٍَُِّ،؛؟٠١٢٣";
    static final String WINDOWS_1252 = "éüñçàöÉÜÑ€‚ƒ„…†‡‰Š‹ŒŽ‘’“”•–—™š›œžŸ";
    static final String PUNCTUATION = "\"',;:.-_()/\\|&#@!?*+=[]{}<>~`^%$";
    /** Control characters other than NUL (which makes a whole CSV file unreadable). */
    static final String CONTROLS = "\u0001\u0002\u0007\b\t\n\u000B\f\r\u000E\u001B\u001F\u007F\u0080\u0085\u009F";

    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    static final DateTimeFormatter DAY_FULL_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    static final List<DateTimeFormatter> ACCEPTED_DATES = List.of(ISO, DAY_MONTH_YEAR, DAY_FULL_MONTH_YEAR, DOTTED);
    static final List<DateTimeFormatter> REFUSED_DATES = List.of(
            DateTimeFormatter.ofPattern("MM/dd/uuuu"),
            DateTimeFormatter.ofPattern("dd/MM/uuuu"),
            DateTimeFormatter.ofPattern("M/d/uu"),
            DateTimeFormatter.ofPattern("uuuu/MM/dd"),
            DateTimeFormatter.ofPattern("dd-MM-uuuu"),
            DateTimeFormatter.ofPattern("uuuuMMdd"),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("dd MMM uu", Locale.ENGLISH));

    /** Spellings lists use for categories besides the code and the label. */
    private static final List<Spelled> ALIASES = List.of(
            new Spelled("USDH", Category.US_DIRECT_HIRE),
            new Spelled("direct hire", Category.US_DIRECT_HIRE),
            new Spelled("EFM", Category.ELIGIBLE_FAMILY_MEMBER),
            new Spelled("dependant", Category.ELIGIBLE_FAMILY_MEMBER),
            new Spelled("PSC", Category.PERSONAL_SERVICES_CONTRACTOR),
            new Spelled("TDY", Category.TDY_VISITOR),
            new Spelled("LES", Category.LOCALLY_EMPLOYED_STAFF),
            new Spelled("FSN", Category.LOCALLY_EMPLOYED_STAFF),
            new Spelled("LE staff", Category.LOCALLY_EMPLOYED_STAFF),
            new Spelled("TCN", Category.THIRD_COUNTRY_NATIONAL_STAFF),
            new Spelled("contractor", Category.CONTRACTOR_NON_COM),
            new Spelled("AmCit", Category.PRIVATE_US_CITIZEN),
            new Spelled("private US citizen", Category.PRIVATE_US_CITIZEN),
            new Spelled("green card holder", Category.LAWFUL_PERMANENT_RESIDENT),
            new Spelled("LPR", Category.LAWFUL_PERMANENT_RESIDENT),
            new Spelled("IR", Category.ALIEN_IMMEDIATE_RELATIVE),
            new Spelled("SIV holder", Category.SIV_APPLICANT),
            new Spelled("other", Category.OTHER_DESIGNATED_NATIONAL));

    private static final List<String> NOT_CATEGORIES =
            List.of("astronaut", "civilian", "staff", "US", "visitor s", "د", "LES LES", "EFM2", "-", "n/a");

    /** A way of writing a value, and the value it stands for. */
    record Spelled(String text, Category category) {}

    private final SplittableRandom random;

    Generators(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    boolean percent(int chance) {
        return random.nextInt(100) < chance;
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    char charOf(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }

    /** Text without control characters: ASCII, Latin-1, Arabic script, quotes, delimiters, spaces, BOM, emoji. */
    String text(int minLength, int maxLength) {
        int length = between(minLength, maxLength);
        StringBuilder out = new StringBuilder(length + 1);
        String script = oneOf(ASCII_LETTERS, LATIN_1, ARABIC);
        while (out.length() < length) {
            int kind = random.nextInt(100);
            if (kind < 60) {
                out.append(charOf(script));
            } else if (kind < 72) {
                out.append(charOf(oneOf(ASCII_LETTERS, LATIN_1, ARABIC)));
            } else if (kind < 84) {
                out.append(' ');
            } else if (kind < 96) {
                out.append(charOf(PUNCTUATION));
            } else if (kind < 98) {
                out.append('\uFEFF');
            } else if (out.length() + 2 <= length) {
                out.appendCodePoint(0x1F600 + random.nextInt(40));
            }
        }
        return out.toString();
    }

    /** A name as a list writes it: non-blank, at most 200 characters once stripped, possibly padded. */
    String name() {
        String name = text(1, percent(10) ? 200 : 30);
        if (RowParser.strip(name).isEmpty()) {
            name = String.valueOf(charOf(ARABIC)) + name;
        }
        if (RowParser.strip(name).length() > 200) {
            name = RowParser.strip(name).substring(0, 190);
            if (Character.isHighSurrogate(name.charAt(name.length() - 1)) || name.isBlank()) {
                name = name.substring(0, name.length() - 1) + 'x';
            }
        }
        return percent(30) ? whitespace() + name + whitespace() : name;
    }

    /** Whitespace only, possibly empty; no line breaks. */
    String whitespace() {
        return oneOf("", " ", "  ", "\t", " \t ", "\u2003", "   ");
    }

    /** The value with a control character inside it, where stripping cannot remove it. */
    String withControl(String value, boolean lineBreaks) {
        String v = value == null || RowParser.strip(value).isEmpty() ? "ab" : RowParser.strip(value);
        char control = charOf(lineBreaks ? CONTROLS : CONTROLS.replace("\n", "").replace("\r", ""));
        int at = between(0, v.length());
        if (at < v.length() && Character.isLowSurrogate(v.charAt(at))) {
            at--;
        }
        return at == 0
                ? "x" + control + v
                : at == v.length() ? v + control + "x" : v.substring(0, at) + control + v.substring(at);
    }

    /** What an unmapped column may hold: anything but NUL. */
    String anything(boolean lineBreaks) {
        return switch (random.nextInt(lineBreaks ? 8 : 7)) {
            case 0 -> text(0, 30);
            case 1 -> withControl(text(1, 10), lineBreaks);
            case 2 -> whitespace();
            case 3 -> tooLong();
            case 4 -> oneOf("\"", "\"\"", ",", ";", "\t", ",;\t\"");
            case 5 -> "\uFEFF" + text(0, 5);
            case 6 -> String.valueOf(charOf(CONTROLS.replace("\n", "").replace("\r", "")));
            default -> text(0, 10) + oneOf("\n", "\r\n", "\r") + text(0, 10);
        };
    }

    /** Letters of one script and spaces, no punctuation. */
    String letters(int minLength, int maxLength) {
        String script = oneOf(ASCII_LETTERS, LATIN_1.substring(0, 40), ARABIC.substring(0, 34));
        StringBuilder out = new StringBuilder();
        for (int i = between(minLength, maxLength); i > 0; i--) {
            out.append(percent(15) ? ' ' : charOf(script));
        }
        return out.toString();
    }

    <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** Longer than any field allows (200 characters). */
    String tooLong() {
        return "L".repeat(between(201, percent(10) ? 5_000 : 300));
    }

    String windows1252Text(int minLength, int maxLength) {
        int length = between(minLength, maxLength);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(percent(30) ? charOf(WINDOWS_1252) : charOf(ASCII_LETTERS + "  "));
        }
        return out.toString();
    }

    LocalDate date(LocalDate from, LocalDate to) {
        return LocalDate.ofEpochDay(random.nextLong(from.toEpochDay(), to.toEpochDay() + 1));
    }

    String accepted(LocalDate date) {
        return oneOf(ACCEPTED_DATES).format(date);
    }

    String refused(LocalDate date) {
        return oneOf(REFUSED_DATES).format(date);
    }

    /** A category as some list would write it: code, label or alias, in any case, odd punctuation. */
    Spelled category() {
        Category c = oneOf(Category.values());
        Spelled s = switch (random.nextInt(3)) {
            case 0 -> new Spelled(c.name(), c);
            case 1 -> new Spelled(c.label(), c);
            default -> oneOf(ALIASES);
        };
        return new Spelled(recase(s.text()), s.category());
    }

    String notACategory() {
        return oneOf(NOT_CATEGORIES);
    }

    /** The same word to a reader comparing without case, spaces or punctuation. */
    String recase(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            int roll = random.nextInt(10);
            out.append(roll < 3 ? Character.toUpperCase(ch) : roll < 6 ? Character.toLowerCase(ch) : ch);
            if (percent(3)) {
                out.append(oneOf(" ", "-", ".", "_"));
            }
        }
        return out.toString();
    }

    byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** A row of cells written as CSV, quoting where needed (or always). */
    static String csvLine(List<String> cells, char delimiter, boolean quoteAll) {
        List<String> out = new ArrayList<>(cells.size());
        for (String cell : cells) {
            boolean quote = quoteAll
                    || cell.indexOf(delimiter) >= 0
                    || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0
                    || (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' '));
            out.add(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return String.join(String.valueOf(delimiter), out);
    }
}
