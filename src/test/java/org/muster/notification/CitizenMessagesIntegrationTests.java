package org.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every message to citizens is counted on the dashboard: how many, to how many citizens, when. */
@MusterIntegrationTest
class CitizenMessagesIntegrationTests {
    @Autowired
    TestData data;

    @Autowired
    MessageFixture fixture;

    @Autowired
    Messages messages;

    @Autowired
    CitizenMessages citizens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void messagesThatReachCitizensAreCountedByDayWithTheCitizensTheyReached() {
        var r = fixture.register();
        long post = r.post().id();
        String consular = fixture.user(Role.CONSULAR, Classification.SBU, r.post());
        String viewer = fixture.user(Role.VIEWER, Classification.UNCLASSIFIED, r.post());
        Set<Channel> inApp = Set.of(Channel.IN_APP);

        CitizenMessageCounts none = data.as(viewer, () -> citizens.counts(post));
        long old = data.as(consular, () -> messages.send(post, MessageFixture.draft(Audience.wholePost(), inApp)));
        jdbc.sql("update message_reach set sent_at = sent_at - interval '3 days' where message_id = ?")
                .param(old)
                .update();
        data.as(
                consular,
                () -> messages.send(post, MessageFixture.draft(Audience.locations(Set.of("Karte Se")), inApp)));
        data.as(
                consular,
                () -> messages.send(
                        post, MessageFixture.draft(Audience.categories(Set.of(Category.US_DIRECT_HIRE)), inApp)));
        long marked = data.as(
                consular,
                () -> messages.send(
                        post,
                        new Draft(
                                null,
                                Map.of(Language.ENGLISH, new MessageText("Sensitive subject", "Text")),
                                Classification.SBU,
                                inApp,
                                Audience.categories(Set.of(Category.PRIVATE_US_CITIZEN)),
                                false,
                                null)));
        CitizenMessageCounts counts = data.as(viewer, () -> citizens.counts(post));
        CitizenMessageCounts asConsular = data.as(consular, () -> citizens.counts(post));

        assertThat(none.messages()).isZero();
        assertThat(none.last()).isNull();
        assertThat(none.days()).hasSize(14).allMatch(d -> d.messages() == 0);
        assertThat(counts.messages())
                .as("the message to staff only is not counted")
                .isEqualTo(3);
        assertThat(counts.citizenRecipients())
                .as("everyone: Baker and Dost; Karte Se: Baker; the marked one: Baker")
                .isEqualTo(4);
        assertThat(counts.last().messageId()).isEqualTo(marked);
        assertThat(counts.last().subject()).as("above the viewer's clearance").isNull();
        assertThat(asConsular.last().subject()).isEqualTo("Sensitive subject");
        LocalDate today = OffsetDateTime.now(fixture.clock())
                .atZoneSameInstant(r.post().timeZone())
                .toLocalDate();
        assertThat(counts.days().get(13).date()).isEqualTo(today);
        assertThat(counts.days().get(13).messages()).isEqualTo(2);
        assertThat(counts.days().get(13).citizens()).isEqualTo(2);
        assertThat(counts.days().get(10).messages()).isEqualTo(1);
        assertThat(counts.days().get(10).citizens()).isEqualTo(2);
    }
}
