package org.muster.people;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.muster.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person says about themselves without an account, through a channel that has already
 * verified who they are (a signed personal response link, checked by notification). Nobody is
 * signed in on this path, so nothing here consults the reader: callers must take the person's id
 * from the verified channel, never from the request. Callers audit. Thread-safe.
 */
@Service
public class SelfReports {
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SelfReports(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks the person in (channel {@link CheckInChannel#SELF}) to every open roll-call of the post
     * they are a member of, as reported now by {@code reportedBy}. Each check-in's id is derived from
     * {@code key} and the roll-call, so calling again with the same key changes nothing and returns the
     * stored check-ins as replays. Closed roll-calls are never touched. A check-in that becomes the
     * member's status publishes {@link PersonCheckedIn}, as {@link CheckIns#checkIn} does.
     *
     * @param key identifies the report (for instance {@code "response 42"}); the same key means the same report
     * @return one result per open roll-call of the person, oldest roll-call first (empty when there is none)
     */
    @Transactional
    public List<CheckInResult> checkInOpenRollCalls(
            long postId, long personId, CheckInStatus status, String note, String reportedBy, String key) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Long> open = jdbc.sql("select r.id from roll_call r join roll_call_member m on m.roll_call_id = r.id"
                        + " where r.post_id = ? and r.closed_at is null and m.person_id = ? order by r.id")
                .params(postId, personId)
                .query(Long.class)
                .list();
        List<CheckInResult> results = new ArrayList<>();
        for (long rollCallId : open) {
            CheckIn checkIn = new CheckIn(checkInId(key, rollCallId), personId, status, CheckInChannel.SELF, now, note);
            var stored = jdbc.sql(CheckInStatements.APPLY_ONE)
                    .params(
                            checkIn.id(),
                            status.name(),
                            CheckInChannel.SELF.name(),
                            reportedBy,
                            now,
                            now,
                            checkIn.note())
                    .params(rollCallId, postId, personId, now, true, postId, 0L)
                    .query((rs, n) -> new CheckInResult(CheckIns.record(rs, postId), false, rs.getBoolean("applied")))
                    .optional();
            if (stored.isPresent()) {
                results.add(stored.get());
                if (stored.get().applied()) {
                    events.publishEvent(
                            new PersonCheckedIn(postId, rollCallId, personId, status, CheckInChannel.SELF, now));
                }
            } else {
                CheckIns.find(jdbc, new String[] {checkIn.id().toString()}).stream()
                        .findFirst()
                        .ifPresent(replayed -> results.add(new CheckInResult(replayed, true, false)));
            }
        }
        return results;
    }

    /**
     * Records that the person was heard from now ({@code last_contact_at}) and, unless {@code intent}
     * is null, their intent. Returns the intent the person has afterwards.
     */
    @Transactional
    public Intent heardFrom(long personId, Intent intent) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("update person set last_contact_at = ?, intent = coalesce(?::text, intent), updated_at = ?"
                        + " where id = ? returning intent")
                .params(now, intent == null ? null : intent.name(), now, personId)
                .query((rs, n) -> Intent.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new NotFoundException("Person " + personId + " does not exist."));
    }

    /** The check-in id of one report in one roll-call: a name-based UUID, the same for the same key. */
    static UUID checkInId(String key, long rollCallId) {
        return UUID.nameUUIDFromBytes(
                ("self-report " + key + " roll-call " + rollCallId).getBytes(StandardCharsets.UTF_8));
    }
}
