package org.muster.committee;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.muster.audit.AuditLog;
import org.muster.committee.CommitteeAccess.Actor;
import org.muster.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records the chief of mission's decisions for {@link Committee#decide}; see there for the rules. */
@Component
class DecisionRecorder {
    private final JdbcClient jdbc;
    private final CommitteeAccess access;
    private final CommitteeRows rows;
    private final AgendaLinks links;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DecisionRecorder(
            JdbcClient jdbc,
            CommitteeAccess access,
            CommitteeRows rows,
            AgendaLinks links,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Runs in the caller's transaction. */
    Decision decide(long postId, long meetingId, Long recommendationId, List<Long> agendaItemIds, String summary) {
        Actor actor = access.requireChiefOfMission(postId);
        String text = Names.required("summary", summary, 2000);
        List<Long> items = new ArrayList<>(new LinkedHashSet<>(agendaItemIds == null ? List.of() : agendaItemIds));
        if (recommendationId == null && items.isEmpty()) {
            throw new InvalidInputException(
                    "agendaItemIds", "name the agenda items or the recommendation this decision settles");
        }
        rows.meeting(postId, meetingId, true);
        if (recommendationId != null) {
            requireFinalUndecided(meetingId, recommendationId);
        }
        Map<Long, AgendaEntry> agenda =
                rows.agenda(postId, meetingId).stream().collect(Collectors.toMap(AgendaEntry::id, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            AgendaEntry entry = agenda.get(items.get(i));
            if (entry == null) {
                throw new InvalidInputException(
                        "agendaItemIds[" + i + "]", "item " + items.get(i) + " is not on this meeting's agenda");
            }
            if (entry.decided()) {
                throw new InvalidInputException(
                        "agendaItemIds[" + i + "]",
                        "'" + entry.title() + "' was already decided (decision #" + entry.decisionId() + ")");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("insert into committee_decision (post_id, meeting_id, recommendation_id, summary,"
                        + " decided_at, decided_by) values (?, ?, ?, ?, ?, ?) returning id")
                .params(postId, meetingId, recommendationId, text, now, actor.username())
                .query(Long.class)
                .single();
        int settled = jdbc.sql("update agenda_item set decision_id = ? where meeting_id = ? and id = any(?)"
                        + " and decision_id is null")
                .params(id, meetingId, items.toArray(Long[]::new))
                .update();
        if (settled != items.size()) {
            throw new IllegalStateException("agenda items changed while deciding: " + items);
        }
        links.settle(postId, items.stream().map(agenda::get).toList(), actor.username(), text);
        audit.record(
                "committee.decision-recorded",
                postId,
                "Meeting #" + meetingId + ": decision #" + id
                        + (recommendationId == null ? "" : " on recommendation #" + recommendationId)
                        + (items.isEmpty() ? "" : " settling agenda items " + items) + ": "
                        + (text.length() > 300 ? text.substring(0, 299) + "…" : text));
        events.publishEvent(
                new DecisionRecorded(postId, meetingId, id, items, text, actor.username(), now.toInstant()));
        return rows.decisions(postId, meetingId).stream()
                .filter(d -> d.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private void requireFinalUndecided(long meetingId, long recommendationId) {
        String status = jdbc.sql("select status from recommendation where id = ? and meeting_id = ?")
                .params(recommendationId, meetingId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new InvalidInputException(
                        "recommendationId", "recommendation " + recommendationId + " is not one of this meeting's"));
        if (!RecommendationStatus.FINAL.name().equals(status)) {
            throw new InvalidInputException(
                    "recommendationId",
                    "recommendation " + recommendationId + " is still a draft: the committee"
                            + " finalises a recommendation before the chief of mission decides on it");
        }
        Optional<Long> earlier = jdbc.sql("select id from committee_decision where recommendation_id = ? limit 1")
                .param(recommendationId)
                .query(Long.class)
                .optional();
        if (earlier.isPresent()) {
            throw new InvalidInputException(
                    "recommendationId",
                    "recommendation " + recommendationId + " was already decided (decision #" + earlier.get() + ")");
        }
    }
}
