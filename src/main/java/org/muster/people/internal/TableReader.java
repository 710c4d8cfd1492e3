package org.muster.people.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.muster.shared.InvalidInputException;

/**
 * Reads a list of people from CSV or XLSX, row by row, without holding the file's rows in memory.
 * CSV text is UTF-8 (with or without a byte-order mark), UTF-16 with a mark, or else Windows-1252;
 * the delimiter (comma, semicolon or tab) is taken from the heading line. Row numbers are those a
 * spreadsheet shows: the heading is row 1. A file that cannot be read as a whole is refused with an
 * {@link InvalidInputException} on field {@code file}.
 */
public final class TableReader {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Receives the heading and then each row. */
    public interface Visitor {
        void heading(List<String> headings);

        void row(int number, String[] values);
    }

    public enum Format {
        CSV,
        XLSX
    }

    /** What was found out about the file while reading it. */
    public record Facts(Format format, String encoding) {}

    private TableReader() {}

    public static Format format(String filename, byte[] content) {
        boolean zip =
                content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (zip || name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        if (name.endsWith(".xls")) {
            throw new InvalidInputException(
                    "file", "is an old Excel .xls workbook; save it as .xlsx or CSV and upload it again");
        }
        return Format.CSV;
    }

    public static Facts read(String filename, byte[] content, Visitor visitor) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        Format format = format(filename, content);
        if (format == Format.XLSX) {
            XlsxRows.read(content, visitor);
            return new Facts(format, null);
        }
        Decoded text = decode(content);
        readCsv(text.text(), visitor);
        return new Facts(format, text.encoding());
    }

    record Decoded(String text, String encoding) {}

    /** Decodes CSV bytes: a byte-order mark decides; otherwise strict UTF-8, falling back to Windows-1252. */
    static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8 (with BOM)");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(b, WINDOWS_1252), "Windows-1252");
        }
    }

    /** The most frequent of comma, semicolon and tab in the heading line, outside quotes; ties go to comma. */
    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    private static void readCsv(String text, Visitor visitor) {
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException(
                    "file",
                    "contains NUL bytes: it is not a text (CSV) file, or it is UTF-16 without a byte-order mark;"
                            + " save it as CSV UTF-8");
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .get();
        long lastLine = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            boolean heading = true;
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                lastLine = parser.getCurrentLineNumber();
                String[] values = record.values();
                if (heading) {
                    if (values.length == 1 && values[0].isBlank()) {
                        throw new InvalidInputException("file", "has no heading row (row 1 is empty)");
                    }
                    visitor.heading(List.of(values));
                    heading = false;
                } else {
                    visitor.row(number, values);
                }
            }
            if (heading) {
                throw new InvalidInputException("file", "has no heading row");
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException(
                    "file", "cannot be read as CSV after line " + lastLine + ": " + rootMessage(e));
        } catch (IOException e) {
            throw new InvalidInputException("file", "cannot be read as CSV: " + rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static InputStream stream(byte[] content) {
        return new ByteArrayInputStream(content);
    }
}
