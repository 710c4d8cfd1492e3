package org.muster.people;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.muster.audit.AuditLog;
import org.muster.people.internal.ImportWriter;
import org.muster.people.internal.ListReading;
import org.muster.people.internal.ParsedList;
import org.muster.people.internal.PersonRow;
import org.muster.security.Role;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports lists of people (CSV or XLSX) into a post's register. An upload is kept in the database
 * and previewed before it is committed; committing checks every row again, writes the accepted ones
 * with their provenance in one transaction, and keeps the refused ones, with their reasons, for
 * correction. A source's rows are matched to the people it gave before by the source's record id
 * (or, without one, by name, date of birth and category), so importing the same file twice adds no
 * one; a person a later file leaves out is kept. Signed-in callers need membership of the post and
 * one of {@link #IMPORTERS}; without a user (command line) the work runs as system.
 */
@Service
public class PeopleImport {
    public static final Role[] IMPORTERS = {Role.MANAGEMENT, Role.CONSULAR, Role.SECURITY_OFFICER, Role.CHIEF_OF_MISSION
    };

    private final JdbcClient jdbc;
    private final ImportWriter writer;
    private final ImportFiles files;
    private final AuditLog audit;
    private final Clock clock;

    /** Threads that read lists while the importing transaction stores and stages them. */
    private final ExecutorService readers = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "muster-list-reader-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    PeopleImport(JdbcClient jdbc, ImportFiles files, ImportWriter writer, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    @PreDestroy
    void stopReaders() {
        readers.shutdownNow();
    }

    /** Stores an uploaded file for a source (created on first use) and previews it with the source's saved mapping. */
    @Transactional
    public ImportPreview upload(long postId, String sourceName, String filename, byte[] content) {
        return preview(files.store(postId, sourceName, filename, content), null);
    }

    /**
     * Reads an uploaded file again with a mapping (field to column heading; null uses the source's
     * saved mapping) and says what committing it would do. Writes nothing.
     */
    @Transactional(readOnly = true)
    public ImportPreview preview(long importId, Map<ImportField, String> mapping) {
        ImportFiles.Upload upload = files.upload(importId);
        ParsedList list = files.parse(upload, mapping);
        int known = knownPeople(upload.sourceId(), list.accepted);
        List<RowProblem> problems = new ArrayList<>();
        list.rejected.forEach(r -> problems.addAll(r.problems()));
        return new ImportPreview(
                importId,
                upload.postId(),
                upload.source(),
                upload.filename(),
                upload.format(),
                list.facts().encoding(),
                upload.status(),
                List.copyOf(list.headings),
                Map.copyOf(list.mapping),
                List.copyOf(list.missingRequired),
                list.unmappedHeadings(),
                list.firstRows.stream().map(List::of).toList(),
                List.copyOf(list.firstRowNumbers),
                list.accepted.size(),
                list.accepted.size() - known,
                known,
                problems,
                list.rejected.size(),
                List.copyOf(list.emptyRows));
    }

    /**
     * Commits an uploaded file with a mapping (null: the saved one), which becomes the source's saved
     * mapping. Fails without writing anything when a required field has no column or the upload was
     * already committed.
     */
    @Transactional
    public ImportReport commit(long importId, Map<ImportField, String> mapping) {
        ImportFiles.Upload upload = files.upload(importId);
        try (ListReading reading = files.startReading(upload, mapping, readers)) {
            return commit(upload, reading);
        }
    }

    /**
     * Commits an upload whose file {@code reading} reads (on another thread) meanwhile: the accepted
     * rows are staged as they are checked.
     */
    private ImportReport commit(ImportFiles.Upload upload, ListReading reading) {
        long importId = upload.id();
        int claimed = jdbc.sql("update import_file set status = 'COMMITTED' where id = ? and status = 'PREVIEWED'")
                .param(importId)
                .update();
        if (claimed == 0) {
            throw new InvalidInputException(
                    "import", "'" + upload.filename() + "' was already imported (import #" + importId + ")");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('muster.import'), ?::int)")
                .param((int) upload.sourceId())
                .query(rs -> {});
        if (!reading.missingRequired().isEmpty()) {
            throw new MissingColumns(reading.list());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ImportWriter.Outcome outcome = writer.write(
                upload.postId(), upload.sourceId(), importId, reading.accepted(), now, files.today(upload.postId()));
        ParsedList list = reading.list();
        keepRejected(importId, list.rejected);
        jdbc.sql("update import_source set mapping = ?::jsonb, updated_at = ? where id = ?")
                .params(files.json(list.mapping), now, upload.sourceId())
                .update();
        jdbc.sql(
                        "update import_file set committed_at = ?, encoding = ?, rows_total = ?, rows_added = ?, rows_updated = ?,"
                                + " rows_rejected = ?, empty_rows = ?, unmapped = ? where id = ?")
                .params(
                        now,
                        list.facts().encoding(),
                        list.dataRows(),
                        outcome.added(),
                        outcome.updated(),
                        list.rejected.size(),
                        list.emptyRows.toArray(Integer[]::new),
                        list.unmappedHeadings().toArray(String[]::new),
                        importId)
                .update();
        audit.record(
                "people.imported",
                upload.postId(),
                "Imported '" + upload.filename() + "' from '" + upload.source()
                        + "': " + list.dataRows() + " rows, " + outcome.added() + " added, " + outcome.updated()
                        + " updated, "
                        + list.rejected.size() + " refused");
        return report(importId);
    }

    /**
     * Uploads and commits in one step, with the source's saved mapping (the command line and bulk
     * paths). The file is read once, on another thread while its bytes are stored. A file without
     * columns for the required fields is refused as a whole ({@link InvalidInputException} on {@code
     * file}) and nothing is kept.
     */
    @Transactional
    public ImportReport importFile(long postId, String sourceName, String filename, byte[] content) {
        try (ListReading reading = files.startReading(postId, sourceName, filename, content, readers)) {
            long importId = files.store(postId, sourceName, filename, content);
            return commit(files.upload(importId), reading);
        } catch (MissingColumns e) {
            throw new InvalidInputException(
                    "file",
                    "has no column for " + String.join(", ", e.list.missingRequired) + "; headings found: "
                            + String.join(", ", e.list.headings));
        }
    }

    /** A required field has no column; rolls back the whole import. */
    private static final class MissingColumns extends InvalidInputException {
        final transient ParsedList list;

        MissingColumns(ParsedList list) {
            super("mapping", "choose the columns for " + String.join(", ", list.missingRequired));
            this.list = list;
        }
    }

    /** A committed import's report, with every refused row's reasons. */
    @Transactional(readOnly = true)
    public ImportReport report(long importId) {
        ImportFiles.Upload upload = files.upload(importId);
        if (!"COMMITTED".equals(upload.status())) {
            throw new InvalidInputException("import", "#" + importId + " has not been committed yet");
        }
        List<RowProblem> problems = new ArrayList<>();
        int[] resolved = {0};
        jdbc.sql("select errors, resolved_at is not null from import_rejection where import_id = ? order by row_number")
                .param(importId)
                .query(rs -> {
                    problems.addAll(files.problems(rs.getString(1)));
                    resolved[0] += rs.getBoolean(2) ? 1 : 0;
                });
        return jdbc.sql("select f.rows_total, f.rows_added, f.rows_updated, f.rows_rejected, f.empty_rows, f.unmapped,"
                        + " f.committed_at, f.filename, s.name source from import_file f"
                        + " join import_source s on s.id = f.source_id where f.id = ?")
                .param(importId)
                .query((rs, n) -> {
                    int rows = rs.getInt("rows_total");
                    int added = rs.getInt("rows_added");
                    int updated = rs.getInt("rows_updated");
                    int rejected = rs.getInt("rows_rejected");
                    List<Integer> empty =
                            List.of((Integer[]) rs.getArray("empty_rows").getArray());
                    return new ImportReport(
                            importId,
                            upload.postId(),
                            rs.getString("source"),
                            rs.getString("filename"),
                            rs.getObject("committed_at", OffsetDateTime.class),
                            rows,
                            added,
                            updated,
                            rows - added - updated - rejected - empty.size(),
                            rejected,
                            resolved[0],
                            empty,
                            List.of((String[]) rs.getArray("unmapped").getArray()),
                            problems);
                })
                .single();
    }

    private void keepRejected(long importId, List<ParsedList.Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        jdbc.sql("insert into import_rejection (import_id, row_number, row_values, errors)"
                        + " select ?, r, v::jsonb, e::jsonb from unnest(?::int[], ?::text[], ?::text[]) as t (r, v, e)")
                .params(
                        importId,
                        rejected.stream().map(ParsedList.Rejected::row).toArray(Integer[]::new),
                        rejected.stream().map(r -> files.json(r.values())).toArray(String[]::new),
                        rejected.stream().map(r -> files.json(r.problems())).toArray(String[]::new))
                .update();
    }

    private int knownPeople(long sourceId, List<PersonRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from person_key where source_id = ? and source_key = any(?)")
                .params(sourceId, rows.stream().map(PersonRow::sourceKey).toArray(String[]::new))
                .query(Integer.class)
                .single();
    }
}
