package org.muster.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.muster.audit.AuditLog;
import org.muster.notification.AnswerRefusedException.Reason;
import org.muster.people.CheckInResult;
import org.muster.people.Intent;
import org.muster.people.SelfReports;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers through personal response links. Opening a link needs no account: the signed token is the
 * person's credential ({@link ResponseLinks}), so what it shows is limited to that delivery's person
 * (their first name, the message, their in-app notices from the post) and never content marked above
 * unclassified. Recording an answer keeps it in {@code response} (append-only; every answer is kept,
 * the latest counts) and, in the same transaction, checks the person in to the post's open roll-calls
 * as self-reported, records their intent ({@link Answer}) and last contact, and writes the audit entry
 * {@code response.recorded} as actor {@value #ACTOR}. At most {@value #ANSWERS_PER_HOUR} answers per
 * link per hour, counted in the database. Times from the injected clock. Thread-safe.
 */
@Service
public class Responses {
    /** The audit actor of answers: nobody is signed in. */
    public static final String ACTOR = "response link";

    public static final int ANSWERS_PER_HOUR = 20;
    public static final int NOTE_LENGTH = 500;
    static final int NOTICES = 20;

    private final JdbcClient jdbc;
    private final ResponseLinks links;
    private final SelfReports selfReports;
    private final AuditLog audit;
    private final Clock clock;

    Responses(JdbcClient jdbc, ResponseLinks links, SelfReports selfReports, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.selfReports = selfReports;
        this.audit = audit;
        this.clock = clock;
    }

    private record Delivery(
            UUID id,
            long messageId,
            long postId,
            Long personId,
            Language language,
            String postName,
            ZoneId timeZone,
            String givenName,
            Classification marking,
            String subject,
            String body) {}

    /**
     * What a token opens. Writes nothing of its own, but is not a read-only transaction: the first
     * verification on a node may store the link secret ({@link ResponseLinks}).
     */
    @Transactional
    public AnswerLink open(String token) {
        var claim = links.verify(token);
        Optional<Delivery> delivery = claim.flatMap(c -> delivery(c.deliveryId()));
        if (delivery.isEmpty()) {
            return new AnswerLink.Invalid();
        }
        Delivery d = delivery.get();
        if (claim.get().expired()) {
            return new AnswerLink.Expired(d.language(), d.postName());
        }
        boolean unmarked = d.marking() == Classification.UNCLASSIFIED;
        return new AnswerLink.Open(
                d.id(),
                d.language(),
                d.postName(),
                d.timeZone(),
                d.personId() != null,
                d.personId() == null ? null : d.givenName(),
                d.marking(),
                unmarked ? d.subject() : null,
                unmarked ? withoutLink(d.body()) : null,
                claim.get().expiresAt(),
                d.personId() == null
                        ? null
                        : current(d.messageId(), d.personId()).orElse(null),
                d.personId() == null ? List.of() : notices(d.postId(), d.personId()));
    }

    /**
     * Records an answer through a link, with an optional note (blank is none, at most {@value
     * #NOTE_LENGTH} characters) and the client's address (kept only as a keyed hash; null when unknown).
     * Refuses with {@link AnswerRefusedException} or {@link InvalidInputException} ({@code note})
     * before writing anything.
     */
    @Transactional
    public Recorded answer(String token, Answer answer, String note, String clientAddress) {
        var claim = links.verify(token).orElseThrow(() -> new AnswerRefusedException(Reason.INVALID));
        if (claim.expired()) {
            throw new AnswerRefusedException(Reason.EXPIRED);
        }
        if (answer == null) {
            throw new InvalidInputException("answer", "choose one answer");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_LENGTH) {
            throw new InvalidInputException("note", "may be at most " + NOTE_LENGTH + " characters");
        }
        Delivery d = delivery(claim.deliveryId()).orElseThrow(() -> new AnswerRefusedException(Reason.INVALID));
        if (d.personId() == null) {
            throw new AnswerRefusedException(Reason.NO_PERSON);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('response ' || ?, 0))")
                .param(d.id().toString())
                .query()
                .singleRow();
        int lastHour = jdbc.sql("select count(*) from response where delivery_id = ? and answered_at > ?")
                .params(d.id(), now.minusHours(1))
                .query(Integer.class)
                .single();
        if (lastHour >= ANSWERS_PER_HOUR) {
            throw new AnswerRefusedException(Reason.TOO_MANY);
        }
        long id = jdbc.sql("insert into response (delivery_id, message_id, post_id, person_id, answer, note,"
                        + " answered_at, client_hash) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        d.id(),
                        d.messageId(),
                        d.postId(),
                        d.personId(),
                        answer.name(),
                        text,
                        now,
                        clientAddress == null ? null : links.clientHash(clientAddress))
                .query(Long.class)
                .single();
        List<CheckInResult> checkIns = selfReports.checkInOpenRollCalls(
                d.postId(), d.personId(), answer.status(), text, ACTOR + " " + d.id(), "response " + id);
        Intent intent = selfReports.heardFrom(d.personId(), answer.intent());
        String rollCalls = checkIns.isEmpty()
                ? "no open roll-call"
                : "checked in " + answer.status() + " (self) in roll-call"
                        + (checkIns.size() == 1 ? " #" : "s #")
                        + checkIns.stream()
                                .map(c -> String.valueOf(c.checkIn().rollCallId()))
                                .collect(Collectors.joining(", #"));
        audit.recordAs(
                ACTOR,
                "response.recorded",
                d.postId(),
                "Delivery " + d.id() + " of message #" + d.messageId() + ": person #" + d.personId() + " answered "
                        + answer + (text == null ? "" : " with a note") + "; " + rollCalls + "; intent " + intent);
        return new Recorded(id, answer, now, checkIns.size(), intent);
    }

    /** A recorded answer: its id, when, in how many open roll-calls it checked the person in, their intent now. */
    public record Recorded(long id, Answer answer, OffsetDateTime answeredAt, int rollCalls, Intent intent) {}

    private Optional<Delivery> delivery(UUID id) {
        return jdbc.sql("select d.id, d.message_id, d.post_id, d.person_id, d.language, p.name post_name, p.time_zone,"
                        + " pe.given_name, m.classification, coalesce(t.subject, e.subject) subject,"
                        + " coalesce(t.body, e.body) body"
                        + " from delivery d join message m on m.id = d.message_id join post p on p.id = d.post_id"
                        + " left join person pe on pe.id = d.person_id"
                        + " left join message_text t on t.message_id = d.message_id and t.language = d.language"
                        + " left join message_text e on e.message_id = d.message_id and e.language = 'en-US'"
                        + " where d.id = ? and (d.person_id is null or pe.id is not null)")
                .param(id)
                .query((rs, n) -> new Delivery(
                        rs.getObject("id", UUID.class),
                        rs.getLong("message_id"),
                        rs.getLong("post_id"),
                        rs.getObject("person_id", Long.class),
                        Language.parse("language", rs.getString("language")),
                        rs.getString("post_name"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getString("given_name"),
                        Classification.valueOf(rs.getString("classification")),
                        rs.getString("subject"),
                        rs.getString("body")))
                .optional();
    }

    private Optional<AnswerLink.Current> current(long messageId, long personId) {
        return jdbc.sql("select answer, answered_at from response where message_id = ? and person_id = ?"
                        + " order by answered_at desc, id desc limit 1")
                .params(messageId, personId)
                .query((rs, n) ->
                        new AnswerLink.Current(Answer.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class)))
                .optional();
    }

    private List<AnswerLink.Notice> notices(long postId, long personId) {
        return jdbc.sql(
                        "select m.id, m.created_at, m.classification, d.language, coalesce(t.subject, e.subject) subject,"
                                + " coalesce(t.body, e.body) body"
                                + " from delivery d join message m on m.id = d.message_id"
                                + " left join message_text t on t.message_id = m.id and t.language = d.language"
                                + " left join message_text e on e.message_id = m.id and e.language = 'en-US'"
                                + " where d.person_id = ? and d.post_id = ? and d.channel = 'IN_APP'"
                                + " order by m.created_at desc, m.id desc limit ?")
                .params(personId, postId, NOTICES)
                .query((rs, n) -> notice(rs))
                .list();
    }

    private static AnswerLink.Notice notice(ResultSet rs) throws SQLException {
        Classification marking = Classification.valueOf(rs.getString("classification"));
        boolean unmarked = marking == Classification.UNCLASSIFIED;
        return new AnswerLink.Notice(
                rs.getLong("id"),
                rs.getObject("created_at", OffsetDateTime.class),
                Language.parse("language", rs.getString("language")),
                marking,
                unmarked ? rs.getString("subject") : null,
                unmarked ? withoutLink(rs.getString("body")) : null);
    }

    /** A body as the page shows it: the page is where the link leads, so its placeholder goes. */
    static String withoutLink(String body) {
        return body == null ? null : body.replace("{link}", "").strip();
    }
}
