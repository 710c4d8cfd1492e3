package org.muster.people;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import org.muster.audit.AuditLog;
import org.muster.people.internal.ListReading;
import org.muster.people.internal.ParsedList;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploaded lists as stored in the database, and what imports need to read them again: the post's
 * time zone and today's date there, the source's saved mapping, who may import. Every method that
 * reaches a post's upload checks the reader against {@link PeopleImport#IMPORTERS} first.
 */
@Component
class ImportFiles {
    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportFiles(JdbcClient jdbc, NeedToKnow needToKnow, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores an upload for a source (created on first use); returns the import's id. */
    long store(long postId, String sourceName, String filename, byte[] content) {
        authorise(postId);
        String name = validSourceName(sourceName);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "is empty: choose a CSV or XLSX file");
        }
        String safeName = safeName(filename);
        String format =
                org.muster.people.internal.TableReader.format(safeName, content).name();
        long sourceId = sourceId(postId, name);
        long importId = jdbc.sql(
                        "insert into import_file (post_id, source_id, filename, sha256, format, content, content_deflated,"
                                + " uploaded_by, uploaded_at, status) values (?, ?, ?, ?, ?, ?, true, ?, ?, 'PREVIEWED')"
                                + " returning id")
                .params(
                        postId,
                        sourceId,
                        safeName,
                        sha256(content),
                        format,
                        deflated(content),
                        actor(),
                        OffsetDateTime.now(clock))
                .query(Long.class)
                .single();
        audit.record("people.import-uploaded", postId, "Uploaded '" + safeName + "' for source '" + name + "'");
        return importId;
    }

    Upload upload(long importId) {
        Upload upload = jdbc.sql(
                        "select f.id, f.post_id, f.source_id, s.name, s.mapping, f.filename, f.format, f.status"
                                + " from import_file f join import_source s on s.id = f.source_id where f.id = ?")
                .param(importId)
                .query((rs, n) -> new Upload(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        mapping(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .optional()
                .orElseThrow(() -> new NotFoundException("No import #" + importId));
        authorise(upload.postId());
        return upload;
    }

    record Upload(
            long id,
            long postId,
            long sourceId,
            String source,
            Map<ImportField, String> savedMapping,
            String filename,
            String format,
            String status) {}

    ParsedList parse(Upload upload, Map<ImportField, String> mapping) {
        return ParsedList.read(
                upload.filename(),
                content(upload),
                wanted(upload, mapping),
                today(upload.postId()),
                zone(upload.postId()));
    }

    /** Starts reading a stored upload on {@code executor}, with {@code mapping} or else the saved one. */
    ListReading startReading(Upload upload, Map<ImportField, String> mapping, Executor executor) {
        return ListReading.start(
                executor,
                upload.filename(),
                content(upload),
                wanted(upload, mapping),
                today(upload.postId()),
                zone(upload.postId()));
    }

    private static Map<ImportField, String> wanted(Upload upload, Map<ImportField, String> mapping) {
        return mapping == null ? upload.savedMapping() : mapping;
    }

    /**
     * Starts reading a file not stored yet, with the saved mapping of the post's source of that name
     * (none for a new source), as {@link #store} will name it.
     */
    ListReading startReading(long postId, String sourceName, String filename, byte[] content, Executor executor) {
        authorise(postId);
        String mapping = jdbc.sql("select mapping from import_source where post_id = ? and name = ?")
                .params(postId, validSourceName(sourceName))
                .query(String.class)
                .optional()
                .orElse(null);
        return ListReading.start(
                executor,
                safeName(filename),
                content == null ? new byte[0] : content,
                mapping(mapping),
                today(postId),
                zone(postId));
    }

    /** The upload's bytes as they were uploaded. */
    byte[] content(Upload upload) {
        return jdbc.sql("select content, content_deflated from import_file where id = ?")
                .param(upload.id())
                .query((rs, n) -> rs.getBoolean(2) ? inflated(rs.getBytes(1)) : rs.getBytes(1))
                .single();
    }

    /** Deflated at the fastest level (V20): a list of names and numbers shrinks to about a third. */
    static byte[] deflated(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 64);
            try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater, 1 << 16)) {
                stream.write(content);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
    }

    static byte[] inflated(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out =
                    new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, stored.length * 4L));
            byte[] buffer = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored upload ends before its deflated data does");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored upload could not be inflated: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static String safeName(String filename) {
        return filename == null || filename.isBlank() ? "upload" : filename.strip();
    }

    void authorise(long postId) {
        needToKnow.currentReader().ifPresent(r -> needToKnow.requireRole(postId, PeopleImport.IMPORTERS));
    }

    String actor() {
        return needToKnow.currentReader().map(Reader::username).orElse("system");
    }

    private long sourceId(long postId, String name) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql(
                        "insert into import_source (post_id, name, created_at, updated_at) values (?, ?, ?, ?)"
                                + " on conflict (post_id, name) do update set updated_at = import_source.updated_at returning id")
                .params(postId, name, now, now)
                .query(Long.class)
                .single();
    }

    static String validSourceName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(
                    "source", "is required: name the list, e.g. 'HR staff list' or 'Consular registrations'");
        }
        if (name.strip().length() > 100) {
            throw new InvalidInputException("source", "must be at most 100 characters");
        }
        return name.strip();
    }

    ZoneId zone(long postId) {
        return jdbc.sql("select time_zone from post where id = ?")
                .param(postId)
                .query(String.class)
                .optional()
                .map(ZoneId::of)
                .orElseThrow(() -> new NotFoundException("No post " + postId));
    }

    LocalDate today(long postId) {
        return LocalDate.now(clock.withZone(zone(postId)));
    }

    Map<ImportField, String> mapping(String text) {
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        if (text != null) {
            json.readValue(text, new TypeReference<Map<String, String>>() {}).forEach((k, v) -> {
                try {
                    mapping.put(ImportField.valueOf(k), v);
                } catch (IllegalArgumentException e) {
                    // a field no longer known is ignored
                }
            });
        }
        return mapping;
    }

    List<RowProblem> problems(String text) {
        return List.of(json.readValue(text, RowProblem[].class));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String json(Object value) {
        return json.writeValueAsString(value);
    }
}
