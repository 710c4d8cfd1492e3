package org.muster.posture;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.audit.AuditLog;
import org.muster.people.PeopleDirectory;
import org.muster.people.PeopleGroups;
import org.muster.people.PersonGroup;
import org.muster.people.PersonSummary;
import org.muster.people.RegisterPage;
import org.muster.posts.Posts;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drawdown of a post to its core presence. Under an ordered departure, the people who must
 * leave are those of its subset who are under chief-of-mission authority, still at post (no
 * departure recorded) and not emergency staff; under a suspension, emergency staff leave too; under
 * any other posture nobody must leave. Management, consular and the chief of mission record
 * departures (anyone of the post's register, once each); any member reads the lists and the
 * progress. Dates are the post's local dates from the injected {@link Clock}. Thread-safe.
 */
@Service
public class Drawdown {
    public static final int PAGE_SIZE = 50;
    static final int MAX_DAYS = 120;

    private final JdbcClient jdbc;
    private final PostureAccess access;
    private final PostureRows rows;
    private final PeopleDirectory directory;
    private final PeopleGroups groups;
    private final Posts posts;
    private final AuditLog audit;
    private final Clock clock;

    Drawdown(
            JdbcClient jdbc,
            PostureAccess access,
            PostureRows rows,
            PeopleDirectory directory,
            PeopleGroups groups,
            Posts posts,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.directory = directory;
        this.groups = groups;
        this.posts = posts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everyone who must still leave under the posture in force, in register order (empty if nobody must). */
    public List<PersonSummary> mustLeave(long postId) {
        access.reader(postId);
        PersonGroup group = group(postId, rows.status(postId));
        return group == null ? List.of() : groups.list(postId, group);
    }

    /** One page ({@value #PAGE_SIZE} people, page 0 first) of {@link #mustLeave(long)}. */
    public MustLeavePage mustLeave(long postId, int page) {
        access.reader(postId);
        PostureStatus status = rows.status(postId);
        PersonGroup group = group(postId, status);
        int p = Math.max(0, page);
        if (group == null) {
            return new MustLeavePage(postId, status, List.of(), 0, p, PAGE_SIZE);
        }
        RegisterPage people = groups.page(postId, group, p, PAGE_SIZE);
        return new MustLeavePage(postId, status, people.people(), people.total(), p, PAGE_SIZE);
    }

    /** How many must still leave under the posture in force. */
    public long mustLeaveCount(long postId) {
        access.reader(postId);
        PersonGroup group = group(postId, rows.status(postId));
        return group == null ? 0 : groups.count(postId, group);
    }

    /** The people who must still leave under {@code status}; null when nobody must. */
    private PersonGroup group(long postId, PostureStatus status) {
        if (!status.posture().mandatory()) {
            return null;
        }
        Subset subset = status.subset();
        return new PersonGroup(
                subset.categories(),
                true,
                subset.underAge(),
                today(postId),
                status.posture() == Posture.ORDERED_DEPARTURE,
                departedIds(postId));
    }

    /**
     * Records that a person of the post left at {@code departedAt} (null: now). Refused, naming the
     * field, for a time in the future or a person already recorded as departed.
     */
    @Transactional
    public Departure recordDeparture(long postId, long personId, OffsetDateTime departedAt) {
        Reader reader = access.departureRecorder(postId);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime when = departedAt == null ? now : departedAt.truncatedTo(ChronoUnit.MICROS);
        if (when.isAfter(now)) {
            throw new InvalidInputException("departedAt", "is in the future");
        }
        PersonSummary person = directory.person(postId, personId, today(postId)).person();
        int added = jdbc.sql("insert into departure (person_id, post_id, chief_of_mission, departed_at, recorded_at,"
                        + " recorded_by) values (?, ?, ?, ?, ?, ?) on conflict (person_id) do nothing")
                .params(personId, postId, person.chiefOfMission(), when, now, reader.username())
                .update();
        if (added == 0) {
            OffsetDateTime at = jdbc.sql("select departed_at from departure where person_id = ?")
                    .param(personId)
                    .query(OffsetDateTime.class)
                    .single();
            throw new InvalidInputException("personId", person.name() + " was already recorded as departed at " + at);
        }
        audit.record(
                "drawdown.departed",
                postId,
                person.name() + " (#" + personId + ", " + person.category().label() + ") departed at "
                        + when.withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
        return new Departure(postId, personId, person.name(), person.chiefOfMission(), when, now, reader.username());
    }

    /** How many people of the post have been recorded as departed. */
    public long departedCount(long postId) {
        access.reader(postId);
        return departedIds(postId).size();
    }

    /** Chief-of-mission personnel remaining at post day by day, against the core-presence target. */
    public DrawdownProgress progress(long postId) {
        access.reader(postId);
        ZoneId zone = posts.get(postId).timeZone();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        var crisis = Crises.open(jdbc, postId);
        LocalDate start = today;
        if (crisis.isPresent()) {
            start = crisis.get().openedAt().atZoneSameInstant(zone).toLocalDate();
        }
        Map<LocalDate, long[]> byDay = new HashMap<>();
        List<OffsetDateTime> comDepartures = new ArrayList<>();
        jdbc.sql("select departed_at, chief_of_mission from departure where post_id = ? order by departed_at")
                .param(postId)
                .query(rs -> {
                    OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                    byDay.computeIfAbsent(at.atZoneSameInstant(zone).toLocalDate(), d -> new long[1])[0]++;
                    if (rs.getBoolean(2)) {
                        comDepartures.add(at);
                    }
                });
        for (LocalDate d : byDay.keySet()) {
            start = d.isBefore(start) ? d : start;
        }
        if (start.isBefore(today.minusDays(MAX_DAYS - 1))) {
            start = today.minusDays(MAX_DAYS - 1);
        }
        List<LocalDate> days = new ArrayList<>();
        List<OffsetDateTime> ends = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
            days.add(d);
            ends.add(d.equals(today) ? now : d.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        List<Long> present = groups.chiefOfMissionAt(postId, ends);
        List<DrawdownProgress.Point> points = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            OffsetDateTime end = ends.get(i);
            long left = comDepartures.stream().filter(at -> !at.isAfter(end)).count();
            long departedThatDay = byDay.getOrDefault(days.get(i), new long[1])[0];
            points.add(new DrawdownProgress.Point(days.get(i), Math.max(0, present.get(i) - left), departedThatDay));
        }
        return new DrawdownProgress(
                postId, crisis.map(Crisis::corePresenceTarget).orElse(null), List.copyOf(points));
    }

    LocalDate today(long postId) {
        return OffsetDateTime.now(clock)
                .atZoneSameInstant(posts.get(postId).timeZone())
                .toLocalDate();
    }

    Set<Long> departedIds(long postId) {
        return new HashSet<>(jdbc.sql("select person_id from departure where post_id = ?")
                .param(postId)
                .query(Long.class)
                .list());
    }
}
