package org.muster.decisionpoints;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decision points as data, versioned per post under the Washington baseline. Members of a post read
 * its effective set (baseline merged with the post's latest version), without the decision points
 * marked above their clearance. The chief of mission and the security officer save new versions;
 * the task force and administrators save the baseline. A post may add points and tighten the
 * baseline's but never remove or weaken one: such a save is refused, naming the key and field, and
 * writes nothing. Points the editor may not see are carried over unchanged. Every save leaves an
 * audit entry and re-evaluates the post (the baseline: every post with observations).
 */
@Service
public class DecisionPoints {
    static final Role[] EDITORS = {Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER};
    static final Role[] BASELINE_EDITORS = {Role.TASK_FORCE, Role.ADMINISTRATOR};

    private final SetStore sets;
    private final PostEvaluation evaluation;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcClient jdbc;

    DecisionPoints(
            SetStore sets,
            PostEvaluation evaluation,
            NeedToKnow needToKnow,
            AuditLog audit,
            Clock clock,
            JdbcClient jdbc) {
        this.sets = sets;
        this.evaluation = evaluation;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The set in force at the post, as the reader may see it. */
    public EffectiveSet current(long postId) {
        Reader reader = needToKnow.requireMember(postId);
        EffectiveSet all = sets.effective(postId);
        return new EffectiveSet(
                postId,
                all.version(),
                all.baselineVersion(),
                all.savedBy(),
                all.savedAt(),
                all.assumptions(),
                all.decisionPoints().stream()
                        .filter(p -> reader.clearance().dominates(p.classification()))
                        .toList());
    }

    /** The post's saved versions, newest first. */
    public List<SetVersion> versions(long postId) {
        needToKnow.requireMember(postId);
        return sets.versions(postId);
    }

    /** One saved version of the post's own document, as the reader may see it. */
    public DecisionPointSet version(long postId, int version) {
        Reader reader = needToKnow.requireMember(postId);
        var stored = sets.version(postId, version)
                .orElseThrow(() -> new NotFoundException("No version " + version + " of this post's decision points"));
        return visible(stored.set(), reader.clearance());
    }

    /**
     * Saves the post's next version. The document lists the post's full set: every baseline point
     * (as is or tightened) and the post's own. Returns the new effective set. Work without a
     * signed-in user (demo data) runs as system.
     */
    @Transactional
    public EffectiveSet save(long postId, DecisionPointSet set) {
        Actor actor = Actor.of(needToKnow, postId, EDITORS);
        if (set == null) {
            throw new InvalidInputException("decisionPoints", "send a set of decision points");
        }
        evaluation.lock(postId);
        DecisionPointSet baseline = sets.latest(null).map(SetStore.Stored::set).orElse(DecisionPointSet.EMPTY);
        DecisionPointSet previous =
                sets.latest(postId).map(SetStore.Stored::set).orElse(DecisionPointSet.EMPTY);
        DecisionPointSet complete = withHidden(set, actor.clearance(), previous, baseline);
        BaselineRule.check(baseline, complete);
        int version = sets.insert(postId, complete, actor.username(), clock.instant());
        audit.record(
                "decision-points.saved",
                postId,
                "Decision points version " + version + " saved: "
                        + complete.decisionPoints().size() + " decision points, "
                        + complete.assumptions().size() + " assumptions");
        evaluation.reevaluate(postId);
        return needToKnow.currentReader().isPresent() ? current(postId) : sets.effective(postId);
    }

    /** The Washington baseline, without the points above the reader's clearance. */
    public DecisionPointSet baseline() {
        Reader reader = needToKnow.reader();
        return visible(sets.latest(null).map(SetStore.Stored::set).orElse(DecisionPointSet.EMPTY), reader.clearance());
    }

    /** The baseline's versions, newest first: for anyone signed in, and for work without a user. */
    public List<SetVersion> baselineVersions() {
        needToKnow.requireRoleIfSignedIn(Role.values());
        return sets.versions(null);
    }

    /**
     * Saves the next baseline version (task force or administrator; work without a signed-in user,
     * such as the demo loader, runs as system). Posts whose saved version is weaker than the new
     * baseline get the baseline's point until they save again. Re-evaluates every post with observations.
     */
    @Transactional
    public DecisionPointSet saveBaseline(DecisionPointSet set) {
        needToKnow.requireRoleIfSignedIn(BASELINE_EDITORS);
        if (set == null) {
            throw new InvalidInputException("decisionPoints", "send a set of decision points");
        }
        Classification clearance =
                needToKnow.currentReader().map(Reader::clearance).orElse(Classification.SECRET);
        evaluation.lock(0);
        DecisionPointSet previous = sets.latest(null).map(SetStore.Stored::set).orElse(DecisionPointSet.EMPTY);
        DecisionPointSet complete = withHidden(set, clearance, previous, DecisionPointSet.EMPTY);
        String by = needToKnow.currentReader().map(Reader::username).orElse("system");
        int version = sets.insert(null, complete, by, clock.instant());
        audit.record(
                "decision-points.baseline-saved",
                null,
                "Washington baseline version " + version + " saved: "
                        + complete.decisionPoints().size() + " decision points");
        jdbc.sql("select distinct post_id from observation order by post_id")
                .query(Long.class)
                .list()
                .forEach(evaluation::reevaluate);
        return complete;
    }

    /** The effective set as the documented file (UTF-8 JSON); the export is audited. */
    @Transactional
    public byte[] exportJson(long postId) {
        EffectiveSet set = current(postId);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", set.version());
        header.put("baselineVersion", set.baselineVersion());
        header.put("exportedAt", clock.instant());
        audit.record(
                "decision-points.exported",
                postId,
                "Decision points exported: version " + set.version() + ", "
                        + set.decisionPoints().size() + " decision points");
        return DecisionPointJson.write(set.toDocument(), header).getBytes(StandardCharsets.UTF_8);
    }

    /** Saves a file in the documented format as the post's next version (as {@link #save}). */
    @Transactional
    public EffectiveSet importJson(long postId, byte[] bytes) {
        Actor.of(needToKnow, postId, EDITORS);
        return save(postId, read(bytes));
    }

    /** Reads a file in the documented format without saving it; refuses it naming the field. */
    public DecisionPointSet read(byte[] bytes) {
        return DecisionPointJson.read(bytes);
    }

    /** The file format of a set in force, with its version and the baseline's version first. */
    public static String toJson(EffectiveSet set) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", set.version());
        header.put("baselineVersion", set.baselineVersion());
        return DecisionPointJson.write(set.toDocument(), header);
    }

    /** The file format of a set, for a set that is not saved (the replay's input, tests). */
    public static String toJson(DecisionPointSet set) {
        return DecisionPointJson.write(set, Map.of());
    }

    /**
     * The submitted set plus what the editor could not see: points of the previous version (and of
     * the baseline) marked above their clearance, unchanged. Refuses a point the editor marks above
     * their own clearance, or a key they cannot see.
     */
    private static DecisionPointSet withHidden(
            DecisionPointSet set, Classification clearance, DecisionPointSet previous, DecisionPointSet baseline) {
        List<DecisionPoint> points = new ArrayList<>(set.decisionPoints());
        for (DecisionPoint p : points) {
            if (!clearance.dominates(p.classification())) {
                throw new InvalidInputException(
                        "decisionPoints[" + p.key() + "].classification", "is above your clearance");
            }
        }
        for (DecisionPointSet source : List.of(previous, baseline)) {
            for (DecisionPoint hidden : source.decisionPoints()) {
                if (!clearance.dominates(hidden.classification())) {
                    if (set.point(hidden.key()).isPresent()) {
                        throw new InvalidInputException("decisionPoints[" + hidden.key() + "].key", "is already used");
                    }
                    if (points.stream().noneMatch(p -> p.key().equals(hidden.key()))) {
                        points.add(hidden);
                    }
                }
            }
        }
        return new DecisionPointSet(set.assumptions(), points);
    }

    private static DecisionPointSet visible(DecisionPointSet set, Classification clearance) {
        return new DecisionPointSet(
                set.assumptions(),
                set.decisionPoints().stream()
                        .filter(p -> clearance.dominates(p.classification()))
                        .toList());
    }
}
