package org.muster.people;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.muster.audit.AuditLog;
import org.muster.people.internal.ImportWriter;
import org.muster.people.internal.RowParser;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A post's import history and the rows its imports refused. A refused row is corrected and
 * re-submitted on its own; once accepted it is written exactly as the import would have written it,
 * with the same file and row as its provenance, and marked resolved. Same authorisation as
 * {@link PeopleImport}.
 */
@Service
public class ImportCorrections {
    private final JdbcClient jdbc;
    private final ImportFiles imports;
    private final ImportWriter writer;
    private final AuditLog audit;
    private final Clock clock;

    ImportCorrections(JdbcClient jdbc, ImportFiles imports, ImportWriter writer, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The post's uploads, newest first. */
    @Transactional(readOnly = true)
    public List<ImportSummary> history(long postId, int page, int size) {
        imports.authorise(postId);
        return jdbc.sql(
                        "select f.id, f.post_id, s.name, f.filename, f.status, f.uploaded_at, f.uploaded_by, f.rows_total,"
                                + " f.rows_added, f.rows_updated, f.rows_rejected,"
                                + " (select count(*) from import_rejection r where r.import_id = f.id and r.resolved_at is null)"
                                + " from import_file f join import_source s on s.id = f.source_id where f.post_id = ?"
                                + " order by f.id desc limit ? offset ?")
                .params(postId, size, (long) page * size)
                .query((rs, n) -> new ImportSummary(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7),
                        (Integer) rs.getObject(8),
                        (Integer) rs.getObject(9),
                        (Integer) rs.getObject(10),
                        (Integer) rs.getObject(11),
                        rs.getInt(12)))
                .list();
    }

    /** The rows an import refused, unresolved first. */
    @Transactional(readOnly = true)
    public List<RejectedRow> rejections(long importId) {
        ImportFiles.Upload upload = imports.upload(importId);
        return jdbc.sql("select row_number, row_values, errors, resolved_at is not null from import_rejection"
                        + " where import_id = ? order by resolved_at is not null, row_number")
                .param(importId)
                .query((rs, n) -> new RejectedRow(
                        importId,
                        upload.postId(),
                        rs.getInt(1),
                        imports.mapping(rs.getString(2)),
                        imports.problems(rs.getString(3)),
                        rs.getBoolean(4)))
                .list();
    }

    public RejectedRow rejection(long importId, int row) {
        return rejections(importId).stream()
                .filter(r -> r.row() == row)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Import #" + importId + " refused no row " + row));
    }

    /**
     * Checks corrected values for a refused row. When they pass, the person is written with the
     * original file and row as provenance and the row is resolved; otherwise nothing changes and the
     * problems are returned (empty means accepted).
     */
    @Transactional
    public List<RowProblem> resubmit(long importId, int row, Map<ImportField, String> values) {
        ImportFiles.Upload upload = imports.upload(importId);
        boolean open = jdbc.sql("select row_number from import_rejection where import_id = ? and row_number = ?"
                        + " and resolved_at is null for update")
                .params(importId, row)
                .query(Integer.class)
                .optional()
                .isPresent();
        if (!open) {
            throw new InvalidInputException(
                    "row", "row " + row + " of import #" + importId + " is not an open rejection");
        }
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        List<String> headings = new ArrayList<>();
        String[] cells = new String[ImportField.values().length];
        for (ImportField f : ImportField.values()) {
            columns.put(f, f.ordinal());
            headings.add(upload.savedMapping().getOrDefault(f, f.label()));
            cells[f.ordinal()] = values.get(f);
        }
        RowParser parser =
                new RowParser(columns, headings, imports.today(upload.postId()), imports.zone(upload.postId()));
        RowParser.Parsed parsed = parser.parse(row, cells);
        if (!parsed.accepted()) {
            return parsed.problems();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        writer.write(
                upload.postId(),
                upload.sourceId(),
                importId,
                List.of(parsed.person()),
                now,
                imports.today(upload.postId()));
        Long personId = jdbc.sql("select person_id from person_source where import_id = ? and row_number = ?")
                .params(importId, row)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "update import_rejection set resolved_at = ?, resolved_by = ?, person_id = ? where import_id = ? and row_number = ?")
                .params(now, imports.actor(), personId, importId, row)
                .update();
        audit.record(
                "people.import-row-corrected",
                upload.postId(),
                "Row " + row + " of '" + upload.filename() + "' corrected and imported as person #" + personId);
        return List.of();
    }
}
