package org.muster.decisionpoints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code observation} table, append-only. No access checks here: the services call NeedToKnow first. */
@Component
class ObservationStore {
    private final JdbcClient jdbc;

    ObservationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the observations in order, in one statement; returns their ids in the same order. */
    List<Long> insert(long postId, List<NewObservation> observations, List<String> origins, String by, Instant at) {
        if (observations.isEmpty()) {
            return List.of();
        }
        int n = observations.size();
        String[] observed = new String[n];
        String[] subjects = new String[n];
        String[] events = new String[n];
        String[] values = new String[n];
        String[] sources = new String[n];
        String[] confidences = new String[n];
        String[] markings = new String[n];
        String[] handles = new String[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            NewObservation o = observations.get(i);
            observed[i] = o.observedAt().toString();
            subjects[i] = o.subject();
            events[i] = o.event();
            values[i] = o.value() == null ? null : o.value().toPlainString();
            sources[i] = o.source();
            confidences[i] = o.confidence().name();
            markings[i] = o.classification().name();
            handles[i] = o.handle();
            notes[i] = o.note();
        }
        return jdbc.sql("""
                insert into observation (post_id, observed_at, subject, event, value, source, confidence,
                                         classification, handle, note, origin, recorded_by, recorded_at)
                select ?, t.observed_at, t.subject, t.event, t.value, t.source, t.confidence, t.classification,
                       t.handle, t.note, t.origin, ?, ?
                from unnest(?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[]::numeric[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[]) with ordinality
                    as t(observed_at, subject, event, value, source, confidence, classification, handle, note, origin, n)
                order by t.n
                returning id""")
                .params(postId, by, utc(at))
                .params(observed, subjects, events, values, sources, confidences, markings, handles, notes)
                .param(origins.toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    /** Every observation of the post, in time order (then in the order recorded): for evaluation. */
    List<Observation> all(long postId) {
        return jdbc.sql("select * from observation where post_id = ? order by observed_at, id")
                .param(postId)
                .query(ObservationStore::observation)
                .list();
    }

    Observation get(long id) {
        return jdbc.sql("select * from observation where id = ?")
                .param(id)
                .query(ObservationStore::observation)
                .single();
    }

    /** A page of the post's observations within the markings given, newest observed first. */
    List<Observation> page(long postId, List<Classification> markings, int limit, long offset) {
        return jdbc.sql("select * from observation where post_id = ? and classification = any(?)"
                        + " order by observed_at desc, id desc limit ? offset ?")
                .params(postId, markings.stream().map(Enum::name).toArray(String[]::new), limit, offset)
                .query(ObservationStore::observation)
                .list();
    }

    static Observation observation(ResultSet rs, int n) throws SQLException {
        return new Observation(
                rs.getLong("post_id"),
                rs.getLong("id"),
                rs.getObject("observed_at", OffsetDateTime.class).toInstant(),
                rs.getString("subject"),
                rs.getString("event"),
                rs.getBigDecimal("value"),
                rs.getString("source"),
                Confidence.valueOf(rs.getString("confidence")),
                Classification.valueOf(rs.getString("classification")),
                rs.getString("handle"),
                rs.getString("note"),
                rs.getString("origin"),
                rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static List<String> noOrigins(int n) {
        List<String> none = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            none.add(null);
        }
        return none;
    }
}
