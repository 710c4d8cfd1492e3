package org.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** No double standard: a threat told to official staff only asks the consular section for a public message. */
@MusterIntegrationTest
class ReviewTaskIntegrationTests {
    private static final Audience STAFF = Audience.categories(Set.of(Category.US_DIRECT_HIRE));

    @Autowired
    TestData data;

    @Autowired
    MessageFixture fixture;

    @Autowired
    Messages messages;

    @Autowired
    ReviewTasks reviews;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aThreatToOfficialStaffOnlyOpensATaskThatALinkedPublicMessageCloses() {
        var r = fixture.register();
        long post = r.post().id();
        String rso = fixture.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, r.post());
        String consular = fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post());

        long threat = data.as(rso, () -> messages.send(post, threat(STAFF, null)));
        long notAThreat = data.as(rso, () -> messages.send(post, MessageFixture.draft(STAFF, Set.of(Channel.IN_APP))));
        long toEveryone = data.as(consular, () -> messages.send(post, threat(Audience.wholePost(), null)));
        var open = data.as(consular, () -> reviews.open(post));

        assertThat(open).hasSize(1);
        ReviewTask task = open.get(0);
        assertThat(task.messageId()).as("only the threat to staff").isEqualTo(threat);
        assertThat(task.subject()).isEqualTo("Armed clashes near the airport");
        assertThat(task.sentBy()).isEqualTo(rso);
        assertThat(java.util.List.of(notAThreat, toEveryone)).doesNotContain(task.messageId());
        assertThat(audit(post, "message-review.opened")).isEqualTo(1);

        Draft staffAnswer = threat(Audience.categories(Set.of(Category.LOCALLY_EMPLOYED_STAFF)), task.id());
        assertThatThrownBy(() -> data.as(consular, () -> messages.send(post, staffAnswer)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("reviewTaskId: only a message that can reach private citizens");
        long answer = data.as(
                consular,
                () -> messages.send(
                        post,
                        threat(
                                Audience.categories(Set.of(Category.PRIVATE_US_CITIZEN, Category.SIV_APPLICANT)),
                                task.id())));

        ReviewTask closed = data.as(consular, () -> reviews.get(post, task.id()));
        assertThat(closed.open()).isFalse();
        assertThat(closed.closingMessageId()).isEqualTo(answer);
        assertThat(closed.closedBy()).isEqualTo(consular);
        assertThat(data.as(consular, () -> reviews.open(post))).isEmpty();
        assertThat(jdbc.sql("select review_task_id from message_reach where message_id = ?")
                        .param(answer)
                        .query(Long.class)
                        .single())
                .isEqualTo(task.id());
        assertThatThrownBy(() -> data.as(consular, () -> messages.send(post, threat(Audience.wholePost(), task.id()))))
                .as("a closed task is not answered twice")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("reviewTaskId: no open review task");
    }

    @Test
    void theConsularSectionMayCloseATaskWithAReasonOthersMayNot() {
        var r = fixture.register();
        long post = r.post().id();
        String com = fixture.user(Role.CHIEF_OF_MISSION, Classification.UNCLASSIFIED, r.post());
        String rso = fixture.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, r.post());
        String consular = fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post());
        data.as(com, () -> messages.send(post, threat(STAFF, null)));
        long task = data.as(consular, () -> reviews.open(post)).get(0).id();

        assertThatThrownBy(() -> data.as(rso, () -> reviews.closeWithReason(post, task, "not needed")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as(consular, () -> reviews.closeWithReason(post, task, "  ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("reason:");
        assertThat(data.as(consular, () -> reviews.open(post))).hasSize(1);
        ReviewTask closed =
                data.as(consular, () -> reviews.closeWithReason(post, task, "The threat is inside the compound only."));

        assertThat(closed.open()).isFalse();
        assertThat(closed.reason()).isEqualTo("The threat is inside the compound only.");
        assertThat(closed.closingMessageId()).isNull();
        assertThat(audit(post, "message-review.closed")).isEqualTo(1);
    }

    private long audit(long post, String action) {
        return jdbc.sql("select count(*) from audit_entry where post_id = ? and action = ?")
                .params(post, action)
                .query(Long.class)
                .single();
    }

    private static Draft threat(Audience audience, Long reviewTask) {
        return new Draft(
                null,
                Map.of(
                        Language.ENGLISH,
                        new MessageText("Armed clashes near the airport", "Avoid the airport road. {link}")),
                Classification.UNCLASSIFIED,
                Set.of(Channel.IN_APP),
                audience,
                true,
                reviewTask);
    }
}
