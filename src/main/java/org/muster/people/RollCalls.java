package org.muster.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Roll-calls (musters) of a post. Starting one fixes its members from the register in one
 * statement; check-ins ({@link CheckIns}) then move them from unknown to accounted; closing it
 * freezes the figures as its result and refuses further check-ins.
 *
 * <p>Any member of the post reads its roll-calls; a reader who is only a warden sees the people
 * of their assigned locations. Starting and closing take one of {@link RollCallAccess#LEADS} and
 * leave an audit entry. Times come from the injected {@link Clock}. Thread-safe.
 */
@Service
public class RollCalls {
    public static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final RollCallAccess access;
    private final RollCallCounts counts;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;

    RollCalls(
            JdbcClient jdbc,
            RollCallAccess access,
            RollCallCounts counts,
            AuditLog audit,
            Clock clock,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.counts = counts;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Starts a roll-call of the people of the post within {@code scope} (null: the whole post). The
     * target defaults to {@value RollCall#DEFAULT_TARGET_PERCENT} % in
     * {@value RollCall#DEFAULT_TARGET_MINUTES} minutes when null. A scope that selects nobody is
     * refused, naming {@code scope}; nothing is written then.
     */
    @Transactional
    public RollCall start(
            long postId, String title, RollCallScope scope, Integer targetPercent, Integer targetMinutes) {
        Reader reader = access.requireLead(postId);
        String name = title == null ? "" : title.trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("title", "is required (at most 200 characters)");
        }
        int percent = targetPercent == null ? RollCall.DEFAULT_TARGET_PERCENT : targetPercent;
        if (percent < 1 || percent > 100) {
            throw new InvalidInputException("targetPercent", "must be 1 to 100");
        }
        int minutes = targetMinutes == null ? RollCall.DEFAULT_TARGET_MINUTES : targetMinutes;
        if (minutes < 1 || minutes > 10080) {
            throw new InvalidInputException("targetMinutes", "must be 1 to 10080 (a week)");
        }
        RollCallScope s = scope == null ? RollCallScope.WHOLE_POST : scope;
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("insert into roll_call (post_id, title, scope, target_percent, target_minutes, started_at,"
                        + " started_by) values (?, ?, ?::jsonb, ?, ?, ?, ?) returning id")
                .params(postId, name, json.writeValueAsString(s), percent, minutes, now, reader.username())
                .query(Long.class)
                .single();
        int members = jdbc.sql("insert into roll_call_member (roll_call_id, person_id, chief_of_mission, location)"
                        + " select ?, p.id, p.chief_of_mission, p.location from person p where p.post_id = ?"
                        + " and (cardinality(?::text[]) = 0 or p.category = any(?::text[]))"
                        + " and (cardinality(?::text[]) = 0 or p.location = any(?::text[]))"
                        + " and (cardinality(?::bigint[]) = 0 or p.household_id = any(?::bigint[]))")
                .params(
                        id,
                        postId,
                        categories(s),
                        categories(s),
                        locations(s),
                        locations(s),
                        households(s),
                        households(s))
                .update();
        if (members == 0) {
            throw new InvalidInputException("scope", "selects nobody at this post (" + s.describe() + ")");
        }
        audit.record(
                "roll-call.started",
                postId,
                "Roll-call #" + id + " '" + name + "' of " + s.describe() + ": " + members + " people; target "
                        + percent + " % of chief-of-mission personnel in " + minutes + " minutes");
        return get(postId, id);
    }

    /**
     * Closes an open roll-call and stores its figures as the frozen result. Waits for check-ins in
     * flight (they hold a share lock on the roll-call) and refuses later ones.
     */
    @Transactional
    public RollCall close(long postId, long rollCallId) {
        Reader reader = access.requireLead(postId);
        record Row(OffsetDateTime startedAt, OffsetDateTime closedAt, String title) {}
        Row row = jdbc.sql("select started_at, closed_at, title from roll_call where id = ? and post_id = ? for update")
                .params(rollCallId, postId)
                .query((rs, n) -> new Row(
                        rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .optional()
                .orElseThrow(() -> notFound(rollCallId));
        if (row.closedAt() != null) {
            throw new RollCallClosedException(rollCallId);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        RollCallFigures figures = counts.figures(rollCallId, row.startedAt(), now, null);
        jdbc.sql("update roll_call set closed_at = ?, closed_by = ?, result = ?::jsonb where id = ?")
                .params(now, reader.username(), json.writeValueAsString(figures), rollCallId)
                .update();
        audit.record(
                "roll-call.closed",
                postId,
                "Roll-call #" + rollCallId + " '" + row.title() + "' closed: " + figures.accounted() + " of "
                        + figures.members() + " accounted (" + figures.accountedPercent() + " %), chief of mission "
                        + figures.chiefOfMissionPercent() + " %");
        return get(postId, rollCallId);
    }

    /** One roll-call of the post, counted as the reader may see it; 404 when the post has no such roll-call. */
    public RollCall get(long postId, long rollCallId) {
        return find(access.view(postId), postId, rollCallId).orElseThrow(() -> notFound(rollCallId));
    }

    /** The post of a roll-call, for a member of that post (for pages that address a roll-call by id alone). */
    public long postOf(long rollCallId) {
        long postId = jdbc.sql("select post_id from roll_call where id = ?")
                .param(rollCallId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> notFound(rollCallId));
        access.view(postId);
        return postId;
    }

    /** The post's roll-calls, newest first, {@value #PAGE_SIZE} a page (page 0 first). */
    public List<RollCall> list(long postId, int page) {
        var view = access.view(postId);
        return jdbc.sql(SELECT + " where r.post_id = ? order by r.id desc limit ? offset ?")
                .params(view.locationParams())
                .param(postId)
                .param(PAGE_SIZE)
                .param((long) Math.max(0, page) * PAGE_SIZE)
                .query(this::rollCall)
                .list();
    }

    public long count(long postId) {
        access.view(postId);
        return jdbc.sql("select count(*) from roll_call where post_id = ?")
                .param(postId)
                .query(Long.class)
                .single();
    }

    /** The live figures, or for a closed roll-call its frozen result (a warden's view is counted anew). */
    public RollCallProgress progress(long postId, long rollCallId) {
        var view = access.view(postId);
        RollCall rc = find(view, postId, rollCallId).orElseThrow(() -> notFound(rollCallId));
        OffsetDateTime until = rc.open() ? OffsetDateTime.now(clock) : rc.closedAt();
        RollCallFigures figures;
        if (!rc.open() && !view.limited()) {
            String result = jdbc.sql("select result::text from roll_call where id = ?")
                    .param(rollCallId)
                    .query(String.class)
                    .single();
            figures = json.readValue(result, RollCallFigures.class);
        } else {
            figures = counts.figures(rollCallId, rc.startedAt(), until, view.onlyLocations());
        }
        double elapsed = Math.max(0, Duration.between(rc.startedAt(), until).toMillis() / 60_000.0);
        return new RollCallProgress(rc, figures, elapsed, view.onlyLocations());
    }

    /** The distinct locations of the post's people, for choosing a scope or a warden's area. */
    public List<String> locations(long postId) {
        access.view(postId);
        return jdbc.sql("select distinct location from person where post_id = ? and location is not null order by 1")
                .param(postId)
                .query(String.class)
                .list();
    }

    private static final String SELECT = "select r.*, c.members, c.accounted from roll_call r cross join lateral"
            + " (select count(*) members, count(*) filter (where m.status <> 'UNKNOWN') accounted"
            + " from roll_call_member m where m.roll_call_id = r.id and (? or m.location = any(?))) c";

    private Optional<RollCall> find(RollCallAccess.View view, long postId, long rollCallId) {
        return jdbc.sql(SELECT + " where r.post_id = ? and r.id = ?")
                .params(view.locationParams())
                .param(postId)
                .param(rollCallId)
                .query(this::rollCall)
                .optional();
    }

    private RollCall rollCall(ResultSet rs, int n) throws SQLException {
        return new RollCall(
                rs.getLong("post_id"),
                rs.getLong("id"),
                rs.getString("title"),
                json.readValue(rs.getString("scope"), RollCallScope.class),
                rs.getInt("target_percent"),
                rs.getInt("target_minutes"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getString("started_by"),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("closed_by"),
                rs.getLong("members"),
                rs.getLong("accounted"));
    }

    static NotFoundException notFound(long rollCallId) {
        return new NotFoundException("No roll-call " + rollCallId + " at this post");
    }

    private static String[] categories(RollCallScope s) {
        return s.categories().stream().map(Enum::name).toArray(String[]::new);
    }

    private static String[] locations(RollCallScope s) {
        return s.locations().toArray(String[]::new);
    }

    private static Long[] households(RollCallScope s) {
        return s.households().toArray(Long[]::new);
    }
}
