package org.muster.people;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.muster.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the register (as filtered) to CSV or XLSX. Every text cell that a spreadsheet would read
 * as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so
 * opening an export never runs anything a list once contained. Each export is audited.
 */
@Service
public class RegisterExport {
    private record Column(String heading, Function<PersonSummary, Object> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("Muster id", PersonSummary::id),
            new Column("Family name", PersonSummary::familyName),
            new Column("Given name", PersonSummary::givenName),
            new Column("Category", p -> p.category().label()),
            new Column("Chief-of-mission authority", p -> p.chiefOfMission() ? "yes" : "no"),
            new Column("Emergency staff", p -> p.emergencyStaff() ? "yes" : "no"),
            new Column("Nationality", PersonSummary::nationality),
            new Column("Date of birth", PersonSummary::dateOfBirth),
            new Column("Household", PersonSummary::household),
            new Column("Relationship", PersonSummary::relationship),
            new Column("Unaccompanied minor", p -> p.unaccompaniedMinor() ? "yes" : "no"),
            new Column("Citizenship", PersonSummary::citizenship),
            new Column("Intent", PersonSummary::intent),
            new Column("Location", PersonSummary::location),
            new Column("Last contact", PersonSummary::lastContact),
            new Column("Email", PersonSummary::email),
            new Column("Phone", PersonSummary::phone));

    private final PeopleDirectory directory;
    private final AuditLog audit;

    RegisterExport(PeopleDirectory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    /** The text as a spreadsheet must show it: formulas neutralised with a leading apostrophe. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    /** Appends one CSV cell (RFC 4180 quoting when needed), neutralised. */
    public static StringBuilder csvCell(StringBuilder out, String text) {
        String v = neutralise(text);
        if (v == null) {
            return out;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return out.append(v);
    }

    @Transactional
    public int csv(long postId, RegisterQuery query, Writer out) {
        int[] n = {0};
        try {
            out.write('\uFEFF');
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < COLUMNS.size(); i++) {
                line.append(i == 0 ? "" : ",");
                csvCell(line, COLUMNS.get(i).heading());
            }
            out.write(line.append("\r\n").toString());
            directory.each(postId, query, p -> {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    row.append(i == 0 ? "" : ",");
                    Object v = COLUMNS.get(i).value().apply(p);
                    csvCell(row, v == null ? null : v.toString());
                }
                write(out, row.append("\r\n"));
                n[0]++;
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("people.exported", postId, "Exported " + n[0] + " people as CSV");
        return n[0];
    }

    @Transactional
    public int xlsx(long postId, RegisterQuery query, OutputStream out) {
        int[] n = {0};
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("Register");
            Row heading = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                heading.createCell(i).setCellValue(COLUMNS.get(i).heading());
            }
            directory.each(postId, query, p -> {
                Row row = sheet.createRow(++n[0]);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Object v = COLUMNS.get(i).value().apply(p);
                    if (v instanceof Long number) {
                        row.createCell(i).setCellValue(number);
                    } else if (v != null) {
                        row.createCell(i).setCellValue(neutralise(v.toString()));
                    }
                }
            });
            book.write(out);
            book.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("people.exported", postId, "Exported " + n[0] + " people as XLSX");
        return n[0];
    }

    private static void write(Writer out, CharSequence text) {
        try {
            out.write(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
