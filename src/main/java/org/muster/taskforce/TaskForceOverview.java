package org.muster.taskforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.muster.decisionpoints.Crossing;
import org.muster.decisionpoints.ReportedPosture;
import org.muster.posture.PostureRequest;
import org.muster.security.Releasable;

/**
 * Everything the task force page shows at {@code at}: the posts (most urgent first), the overdue
 * deadlines across them (the first {@link TaskForceBoard#OVERDUE_SHOWN}, with the total), the approvals
 * queue (with the requests this reader is the configured approver of), and per country the postures other missions are reported to have taken (the domino picture).
 */
public record TaskForceOverview(
        Instant at,
        List<PostOverview> posts,
        List<Crossing> overdue,
        int overdueTotal,
        List<PostureRequest> pending,
        java.util.Set<Long> decidable,
        Map<String, List<ReportedPosture>> otherMissions)
        implements Releasable {

    /** One of the posts on the page, by id. */
    public org.muster.posts.Post post(long postId) {
        return posts.stream()
                .map(PostOverview::post)
                .filter(p -> p.id() == postId)
                .findFirst()
                .orElseThrow();
    }

    /** Whether the reader is the approving authority configured for this request's crisis. */
    public boolean mayDecide(PostureRequest request) {
        return decidable.contains(request.id());
    }

    /** How long past its deadline a crossing is at {@link #at}, in words (for example 2 d 5 h, 40 min). */
    public String overdueBy(Crossing crossing) {
        java.time.Duration d = java.time.Duration.between(crossing.decideBy(), at);
        if (d.isNegative()) {
            return "";
        }
        return d.toDays() > 0
                ? d.toDays() + " d " + d.toHoursPart() + " h"
                : d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }

    private static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM yyyy HH:mm", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM yyyy", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);
    private static final java.time.format.DateTimeFormatter DAY_TIME = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM HH:mm", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);

    /**
     * An instant in UTC as {@code 14 Aug 2021 09:30}. The page formats a few thousand instants per view;
     * formatters built once here instead of a pattern parsed per call in the template.
     */
    public String dateTime(java.time.temporal.TemporalAccessor instant) {
        return DATE_TIME.format(instant);
    }

    /** An instant's UTC day, as {@code 14 Aug 2021}. */
    public String day(java.time.temporal.TemporalAccessor instant) {
        return DAY.format(instant);
    }

    /** An instant in UTC without the year, as {@code 14 Aug 09:30}. */
    public String dayTime(java.time.temporal.TemporalAccessor instant) {
        return DAY_TIME.format(instant);
    }

    public long people() {
        return posts.stream().mapToLong(p -> p.totals().people()).sum();
    }

    public long chiefOfMission() {
        return posts.stream().mapToLong(p -> p.totals().chiefOfMission()).sum();
    }

    @Override
    public List<?> releasableContent() {
        List<Object> content = new ArrayList<>(posts);
        content.addAll(overdue);
        content.addAll(pending);
        otherMissions.values().forEach(content::addAll);
        return content;
    }
}
