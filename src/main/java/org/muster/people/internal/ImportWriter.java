package org.muster.people.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.muster.people.ImportField;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes accepted rows: COPY into a temporary stage, then the set-based steps of
 * {@code people/import-steps.sql}, all inside the caller's transaction. Re-importing a row of the
 * same source finds the person by the source's key and updates the facts it states; nothing is
 * deleted or deactivated.
 */
@Component
public class ImportWriter {
    private static final Logger log = LoggerFactory.getLogger(ImportWriter.class);
    private static final int CHUNK = 1 << 20;
    private static final String COPY = "copy import_stage (row_number, source_key, household_key, given_name,"
            + " family_name, category, category_com, chief_of_mission, emergency_staff, nationality, date_of_birth,"
            + " relationship, unaccompanied_minor, citizenship, intent, location, last_contact_at, tdy_arrival,"
            + " tdy_departure, email, email_verified, phone, phone_verified, doc_kind, doc_number, doc_country,"
            + " doc_expires, fields) from stdin (format csv)";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final List<Step> steps;

    record Step(String name, String sql) {}

    /** How many people the rows added and how many known people they changed. */
    public record Outcome(int added, int updated) {}

    ImportWriter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.steps = loadSteps();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome write(
            long postId, long sourceId, long importId, Iterable<PersonRow> rows, OffsetDateTime now, LocalDate today) {
        jdbc.sql("create temp table import_stage (like import_stage_template including defaults) on commit drop")
                .update();
        copy(rows);
        Map<String, Object> params =
                Map.of("post_id", postId, "source_id", sourceId, "import_id", importId, "now", now, "today", today);
        int added = 0;
        int updated = 0;
        for (Step step : steps) {
            long started = System.nanoTime();
            int n = jdbc.sql(step.sql()).params(params).update();
            if (step.name().startsWith("new people")) {
                added = n;
            } else if (step.name().startsWith("facts changed")) {
                updated = n;
            }
            log.debug(
                    "import {} step '{}': {} rows in {} ms",
                    importId,
                    step.name(),
                    n,
                    (System.nanoTime() - started) / 1_000_000);
        }
        jdbc.sql("drop table import_stage").update();
        return new Outcome(added, updated);
    }

    private void copy(Iterable<PersonRow> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                StringBuilder out = new StringBuilder(CHUNK + 4096);
                for (PersonRow r : rows) {
                    append(out, r);
                    if (out.length() >= CHUNK) {
                        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        out.setLength(0);
                    }
                }
                byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Staging the import failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void append(StringBuilder out, PersonRow r) {
        out.append(r.row()).append(',');
        quote(out, r.sourceKey()).append(',');
        quote(out, r.householdKey()).append(',');
        quote(out, r.givenName()).append(',');
        quote(out, r.familyName()).append(',');
        plain(out, r.category() == null ? null : r.category().name());
        plain(out, r.category() == null ? null : r.category().chiefOfMission());
        plain(out, r.chiefOfMission());
        plain(out, r.emergencyStaff());
        plain(out, r.nationality());
        plain(out, r.dateOfBirth());
        plain(out, r.relationship());
        plain(out, r.unaccompaniedMinor());
        plain(out, r.citizenship());
        plain(out, r.intent());
        quote(out, r.location()).append(',');
        plain(out, r.lastContact());
        plain(out, r.tdyArrival());
        plain(out, r.tdyDeparture());
        quote(out, r.email()).append(',');
        plain(out, r.emailVerified());
        quote(out, r.phone()).append(',');
        plain(out, r.phoneVerified());
        plain(out, r.documentKind());
        quote(out, r.documentNumber()).append(',');
        plain(out, r.documentCountry());
        plain(out, r.documentExpires());
        out.append("\"{");
        boolean first = true;
        for (ImportField f : r.fields()) {
            if (!first) {
                out.append(',');
            }
            out.append(f.name());
            first = false;
        }
        out.append("}\"\n");
    }

    /** A value that never needs quoting (codes, numbers, dates, booleans); null is an empty field. */
    private static void plain(StringBuilder out, Object value) {
        if (value != null) {
            out.append(value);
        }
        out.append(',');
    }

    /** Quoted CSV text with quotes doubled; null is an unquoted empty field (SQL null). */
    private static StringBuilder quote(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static List<Step> loadSteps() {
        try (InputStream in = ImportWriter.class.getResourceAsStream("/people/import-steps.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Step> steps = new ArrayList<>();
            for (String part : text.split("(?m)^-- step: ")) {
                int eol = part.indexOf('\n');
                if (part.startsWith("--") || eol < 0) {
                    continue;
                }
                steps.add(new Step(
                        part.substring(0, eol).strip(), part.substring(eol + 1).strip()));
            }
            return List.copyOf(steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
