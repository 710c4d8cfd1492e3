package org.muster.decisionpoints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.muster.audit.AuditLog;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dated observations that move a post's indicators. They are only ever added: conflicting reports of
 * the same event are all kept, and the evaluation decides what they add up to. The security officer,
 * the chief of mission and committee members of the post record them; recording (one, or a timeline
 * of many) re-evaluates the post's decision points in the same transaction. Members read them,
 * without those marked above their clearance. Times come from the injected {@link Clock}.
 */
@Service
public class Observations {
    public static final int PAGE_SIZE = 50;
    static final Role[] RECORDERS = {Role.SECURITY_OFFICER, Role.CHIEF_OF_MISSION, Role.COMMITTEE_MEMBER};
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final ObservationStore store;
    private final PostEvaluation evaluation;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Posts posts;
    private final Clock clock;

    Observations(
            ObservationStore store,
            PostEvaluation evaluation,
            NeedToKnow needToKnow,
            AuditLog audit,
            Posts posts,
            Clock clock) {
        this.store = store;
        this.evaluation = evaluation;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.posts = posts;
        this.clock = clock;
    }

    /**
     * Records one observation and re-evaluates the post; refuses one observed in the future or marked
     * above the recorder's clearance. Work without a signed-in user (demo data) runs as system.
     */
    @Transactional
    public Observation record(long postId, NewObservation observation) {
        Actor reader = Actor.of(needToKnow, postId, RECORDERS);
        if (observation == null) {
            throw new InvalidInputException("observation", "is required");
        }
        Instant now = now();
        if (observation.observedAt().isAfter(now.plus(TOLERANCE))) {
            throw new InvalidInputException("observedAt", "is in the future (server time " + now + ")");
        }
        if (!reader.clearance().dominates(observation.classification())) {
            throw new InvalidInputException("classification", "is above your clearance");
        }
        NewObservation truncated = truncate(observation);
        long id = store.insert(postId, List.of(truncated), ObservationStore.noOrigins(1), reader.username(), now)
                .get(0);
        audit.record("observation.recorded", postId, "Observation #" + id + ": " + describe(truncated));
        evaluation.reevaluate(postId);
        return store.get(id);
    }

    /** A page of the post's observations that the reader may see, newest observed first (page 0 first). */
    public List<Observation> list(long postId, int page) {
        Reader reader = needToKnow.requireMember(postId);
        List<Classification> markings = Arrays.stream(Classification.values())
                .filter(c -> reader.clearance().dominates(c))
                .toList();
        return needToKnow.filter(store.page(postId, markings, PAGE_SIZE, (long) Math.max(0, page) * PAGE_SIZE));
    }

    /**
     * Imports a timeline (CSV, see {@code docs/decision-points.md}) into the post: every accepted
     * row is recorded, every refused value reported with its row, field and reason; the post is
     * re-evaluated once. A file refused as a whole (not UTF-8, no heading for a required field, an
     * unknown mapping) records nothing and raises {@link InvalidInputException} naming {@code file}
     * or {@code mapping}.
     */
    @Transactional
    public TimelineReport importTimeline(long postId, byte[] bytes, TimelineMapping mapping) {
        Reader reader = needToKnow.requireRole(postId, RECORDERS);
        Instant now = now();
        Timeline timeline = TimelineReader.read(
                bytes,
                mapping == null ? TimelineMapping.DEFAULT : mapping,
                posts.get(postId).timeZone(),
                now);
        List<TimelineRow> rows = new java.util.ArrayList<>();
        List<RefusedRow> refused = new java.util.ArrayList<>(timeline.refused());
        for (TimelineRow r : timeline.accepted()) {
            if (reader.clearance().dominates(r.observation().classification())) {
                rows.add(r);
            } else {
                refused.add(new RefusedRow(r.row(), "classification", "is above your clearance"));
            }
        }
        refused.sort(java.util.Comparator.comparingInt(RefusedRow::row));
        store.insert(
                postId,
                rows.stream().map(r -> truncate(r.observation())).toList(),
                rows.stream().map(r -> "timeline row " + r.row()).toList(),
                reader.username(),
                now);
        audit.record(
                "observation.timeline-imported",
                postId,
                "Timeline imported: " + timeline.rows() + " rows, " + rows.size() + " observations recorded, "
                        + refused.stream().mapToInt(RefusedRow::row).distinct().count() + " rows refused, "
                        + timeline.emptyRows().size() + " empty");
        int raised = evaluation.reevaluate(postId).size();
        return new TimelineReport(
                timeline.rows(), rows.size(), refused, timeline.emptyRows(), timeline.unmappedHeadings(), raised);
    }

    /**
     * Reads a timeline without recording anything (for a replay): dates without an offset are in
     * {@code zone}. Needs no reader; refuses the file as a whole as {@link #importTimeline} does.
     */
    public Timeline readTimeline(byte[] bytes, TimelineMapping mapping, ZoneId zone) {
        return TimelineReader.read(bytes, mapping == null ? TimelineMapping.DEFAULT : mapping, zone, now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static NewObservation truncate(NewObservation o) {
        return new NewObservation(
                o.observedAt().truncatedTo(ChronoUnit.MICROS),
                o.subject(),
                o.event(),
                o.value(),
                o.source(),
                o.confidence(),
                o.classification(),
                o.handle(),
                o.note());
    }

    /** What the audit log may say of an observation: its content only when it is at most SBU. */
    static String describe(NewObservation o) {
        String what = o.classification().compareTo(Classification.SBU) <= 0
                ? o.subject() + " '" + o.event() + "'"
                        + (o.value() == null ? "" : " " + o.value().toPlainString())
                : "held elsewhere as " + o.handle();
        return what + " observed " + o.observedAt() + " (" + o.classification() + ", confidence " + o.confidence()
                + ")";
    }
}
