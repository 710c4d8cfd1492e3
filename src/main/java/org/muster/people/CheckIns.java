package org.muster.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.muster.audit.AuditLog;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-ins: reports of a person's status in an open roll-call, from the person, a warden, gate
 * staff, an officer answering for them, or another system.
 *
 * <p>Idempotent: the client chooses each check-in's id, and a retried id returns the stored
 * check-in and changes nothing; the same id with different content is a {@link
 * CheckInConflictException}. A person's status is that of their latest report ({@code reportedAt},
 * ties broken by id), whatever order the reports arrive or commit in; every report is kept. Bad
 * input is refused before anything is written, naming its field. A closed roll-call refuses
 * everything with {@link RollCallClosedException}.
 *
 * <p>Who: gate staff and the leads ({@link RollCallAccess#LEADS}) check anyone in; a warden only
 * the people in the locations assigned to them. Channel {@code WARDEN} needs the warden role,
 * {@code GATE} the gate role, {@code OFFICER} a lead role; an officer's answers are audited, other
 * check-ins are their own record. {@code reportedAt} may be at most {@value #TOLERANCE_MINUTES}
 * minutes in the future or before the start, by the injected clock. Thread-safe.
 */
@Service
public class CheckIns {
    public static final int BATCH_LIMIT = 500;
    static final int TOLERANCE_MINUTES = 5;
    static final Duration TOLERANCE = Duration.ofMinutes(TOLERANCE_MINUTES);

    private final JdbcClient jdbc;
    private final RollCallAccess access;
    private final CheckInBatches batches;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckIns(
            JdbcClient jdbc,
            RollCallAccess access,
            CheckInBatches batches,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.batches = batches;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records one check-in and, if it is the person's latest report, makes it their status and
     * publishes {@link PersonCheckedIn}. One statement on the way in; a refusal costs one more query
     * to say why.
     */
    @Transactional
    public CheckInResult checkIn(long postId, long rollCallId, CheckIn checkIn) {
        Reader reader = access.requireChecker(postId);
        RollCallAccess.requireChannel(reader, checkIn.channel());
        OffsetDateTime now = now();
        OffsetDateTime reportedAt = reportedAt(checkIn, now, "reportedAt");
        boolean everyone = !RollCallAccess.limitedToAssignedLocations(reader);
        var stored = jdbc.sql(CheckInStatements.APPLY_ONE)
                .params(
                        checkIn.id(),
                        checkIn.status().name(),
                        checkIn.channel().name(),
                        reader.username(),
                        reportedAt,
                        now,
                        checkIn.note())
                .params(rollCallId, postId, checkIn.personId(), reportedAt, everyone, postId, reader.userId())
                .query((rs, n) -> new CheckInResult(record(rs, postId), false, rs.getBoolean("applied")))
                .optional();
        if (stored.isEmpty()) {
            return refused(postId, rollCallId, checkIn, reader, everyone);
        }
        CheckInResult result = stored.get();
        if (result.applied()) {
            events.publishEvent(new PersonCheckedIn(
                    postId, rollCallId, checkIn.personId(), checkIn.status(), checkIn.channel(), reportedAt));
        }
        if (checkIn.channel() == CheckInChannel.OFFICER) {
            audit.record(
                    "roll-call.answered",
                    postId,
                    "Roll-call #" + rollCallId + ": person #" + checkIn.personId() + " reported " + checkIn.status()
                            + " by an officer");
        }
        return result;
    }

    /**
     * Records up to {@value #BATCH_LIMIT} check-ins in one transaction: all are checked first and
     * a single bad one refuses the batch ({@link CheckInsRejectedException} lists every problem);
     * then they are written in one statement. Within the batch, a person's latest report wins.
     * Publishes one {@link CheckInsApplied} for the batch.
     */
    @Transactional
    public CheckInBatchResult checkInAll(long postId, long rollCallId, List<CheckIn> checkIns) {
        Reader reader = access.requireChecker(postId);
        if (checkIns == null || checkIns.isEmpty() || checkIns.size() > BATCH_LIMIT) {
            throw new InvalidInputException("checkIns", "send 1 to " + BATCH_LIMIT + " check-ins");
        }
        checkIns.forEach(c -> RollCallAccess.requireChannel(reader, c.channel()));
        var applied = batches.apply(postId, rollCallId, checkIns, reader, now());
        if (!applied.personIds().isEmpty()) {
            events.publishEvent(new CheckInsApplied(postId, rollCallId, applied.personIds()));
        }
        long answered = checkIns.stream()
                .filter(c -> c.channel() == CheckInChannel.OFFICER)
                .count();
        if (answered > 0 && applied.result().recorded() > 0) {
            audit.record(
                    "roll-call.answered",
                    postId,
                    "Roll-call #" + rollCallId + ": " + answered + " people reported by an officer in a batch");
        }
        return applied.result();
    }

    /** Every check-in of one member, oldest report first; a warden only for their locations. */
    public List<CheckInRecord> history(long postId, long rollCallId, long personId) {
        var view = access.view(postId);
        return jdbc.sql("select c.* from check_in c join roll_call r on r.id = c.roll_call_id"
                        + " join roll_call_member m on m.roll_call_id = c.roll_call_id and m.person_id = c.person_id"
                        + " where r.post_id = ? and c.roll_call_id = ? and c.person_id = ?"
                        + " and (? or m.location = any(?)) order by c.reported_at, c.id")
                .params(postId, rollCallId, personId)
                .params(view.locationParams())
                .query((rs, n) -> record(rs, postId))
                .list();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime reportedAt(CheckIn checkIn, OffsetDateTime now, String field) {
        if (checkIn.reportedAt() == null) {
            return now;
        }
        OffsetDateTime at = checkIn.reportedAt().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(TOLERANCE))) {
            throw new InvalidInputException(
                    field, "is more than " + TOLERANCE_MINUTES + " minutes in the future (server time " + now + ")");
        }
        return at;
    }

    /** Says why a check-in was not inserted, or returns the stored one for a retry. */
    private CheckInResult refused(long postId, long rollCallId, CheckIn checkIn, Reader reader, boolean everyone) {
        var existing = find(jdbc, new String[] {checkIn.id().toString()});
        if (!existing.isEmpty()) {
            CheckInRecord stored = existing.get(0);
            if (stored.postId() == postId && stored.sameRequest(checkIn, rollCallId, reader.username())) {
                return new CheckInResult(stored, true, false);
            }
            throw new CheckInConflictException(
                    "id", "Check-in " + checkIn.id() + " was already recorded with different content.");
        }
        record State(OffsetDateTime startedAt, OffsetDateTime closedAt, boolean member, String location) {}
        State state = jdbc.sql(CheckInStatements.DIAGNOSE)
                .params(checkIn.personId(), rollCallId, postId)
                .query((rs, n) -> new State(
                        rs.getObject(1, OffsetDateTime.class),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getBoolean(3),
                        rs.getString(4)))
                .optional()
                .orElseThrow(() -> RollCalls.notFound(rollCallId));
        if (state.closedAt() != null) {
            throw new RollCallClosedException(rollCallId);
        }
        if (!state.member()) {
            throw new InvalidInputException(
                    "personId", "person " + checkIn.personId() + " is not in roll-call " + rollCallId);
        }
        if (!everyone && !access.wardenLocations(postId, reader.userId()).contains(state.location())) {
            throw new AccessDeniedException(
                    "Person " + checkIn.personId() + " is not in the locations assigned to you as warden.");
        }
        if (checkIn.reportedAt() != null
                && checkIn.reportedAt().isBefore(state.startedAt().minus(TOLERANCE))) {
            throw new InvalidInputException(
                    "reportedAt", "is before the roll-call started (" + state.startedAt() + ")");
        }
        throw new IllegalStateException("Check-in " + checkIn.id() + " was not recorded; send it again.");
    }

    static List<CheckInRecord> find(JdbcClient jdbc, String[] ids) {
        return jdbc.sql(CheckInStatements.FIND)
                .param(ids)
                .query((rs, n) -> record(rs, rs.getLong("post_id")))
                .list();
    }

    static CheckInRecord record(ResultSet rs, long postId) throws SQLException {
        return new CheckInRecord(
                postId,
                rs.getObject("id", UUID.class),
                rs.getLong("roll_call_id"),
                rs.getLong("person_id"),
                CheckInStatus.valueOf(rs.getString("status")),
                CheckInChannel.valueOf(rs.getString("channel")),
                rs.getString("reported_by"),
                rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("note"));
    }
}
