package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.TestData;
import org.muster.notification.Channel;
import org.muster.notification.Deliveries;
import org.muster.notification.DeliveryPage;
import org.muster.notification.DeliveryStatus;
import org.muster.notification.DeliverySummary;
import org.muster.notification.Language;
import org.muster.notification.Outbox;
import org.muster.notification.OutgoingMessage;
import org.muster.notification.Recipient;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A message's delivery figures and recipients, for members of its post cleared for its marking. */
@SendingIntegrationTest
class DeliveriesIntegrationTests {
    @Autowired
    Deliveries deliveries;

    @Autowired
    Queued queued;

    @Autowired
    Sender sender;

    @Autowired
    Outbox outbox;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberSeesTheCountsByStatusAndChannelAndEachRecipientsState() {
        Post post = data.post();
        String officer = data.user(Role.CONSULAR, Classification.UNCLASSIFIED, post);
        String tag = "fig-" + UUID.randomUUID().toString().substring(0, 8);
        long message = queued.message(
                post.id(),
                Set.of(Channel.EMAIL, Channel.SMS),
                List.of(
                        new Recipient(null, Channel.EMAIL, tag + "-a@example.org", Language.ENGLISH),
                        new Recipient(null, Channel.EMAIL, tag + "-b@example.org", Language.DARI),
                        new Recipient(null, Channel.EMAIL, tag + " no address", Language.ENGLISH),
                        new Recipient(null, Channel.SMS, "+93700000042", Language.ENGLISH)));
        while (sender.sendOnce(Channel.EMAIL, "test/0") > 0) {
            // the e-mails only; the SMS stays queued
        }
        jdbc.sql("update delivery set resent_in_flight = 2 where message_id = ? and address = ?")
                .params(message, tag + "-b@example.org")
                .update();

        DeliverySummary summary = data.as(officer, () -> deliveries.summary(message));
        DeliveryPage failed = data.as(officer, () -> deliveries.page(message, DeliveryStatus.FAILED, 0, 10));
        DeliveryPage second = data.as(officer, () -> deliveries.page(message, null, 1, 2));

        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.count(DeliveryStatus.SENT)).isEqualTo(2);
        assertThat(summary.count(DeliveryStatus.FAILED)).isEqualTo(1);
        assertThat(summary.count(DeliveryStatus.QUEUED)).isEqualTo(1);
        assertThat(summary.byChannel().get(Channel.EMAIL))
                .containsEntry(DeliveryStatus.SENT, 2L)
                .containsEntry(DeliveryStatus.FAILED, 1L);
        assertThat(summary.byChannel().get(Channel.SMS)).containsEntry(DeliveryStatus.QUEUED, 1L);
        assertThat(summary.possiblySentTwice()).isEqualTo(1);
        assertThat(summary.resentInFlight()).isEqualTo(2);
        assertThat(summary.finishedAt()).isNull();
        assertThat(failed.total()).isEqualTo(1);
        assertThat(failed.rows().get(0).address()).isEqualTo(tag + " no address");
        assertThat(failed.rows().get(0).failure()).startsWith("not an e-mail address");
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.rows())
                .extracting(r -> r.channel() + " " + r.address())
                .containsExactly("EMAIL " + tag + "-b@example.org", "SMS +93700000042");
        assertThat(second.rows().get(0).resentInFlight()).isEqualTo(2);
        assertThat(second.rows().get(0).sentAt()).isNotNull();
        assertThat(second.rows().get(0).language()).isEqualTo(Language.DARI);
        assertThatThrownBy(() -> data.as(officer, () -> deliveries.page(message, null, 0, 501)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nonMembersAndReadersNotClearedForTheMarkingAreRefused() {
        Post post = data.post();
        Post other = data.post();
        String outsider = data.user(Role.CONSULAR, Classification.SECRET, other);
        String uncleared = data.user(Role.CONSULAR, Classification.UNCLASSIFIED, post);
        String cleared = data.user(Role.CONSULAR, Classification.SBU, post);
        long open = queued.message(post.id(), Set.of(Channel.EMAIL), Queued.emails("open", 1));
        long marked = outbox.enqueue(
                new OutgoingMessage(
                        post.id(),
                        Classification.SBU,
                        Map.of(Language.ENGLISH, Queued.ENGLISH),
                        Set.of(Channel.IN_APP),
                        "{}",
                        "staff",
                        false,
                        false,
                        "test"),
                List.of());

        assertThatThrownBy(() -> data.as(outsider, () -> deliveries.summary(open)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as(uncleared, () -> deliveries.summary(marked)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as(uncleared, () -> deliveries.page(marked, null, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.as(cleared, () -> deliveries.summary(marked)).total()).isZero();
        assertThat(data.as(uncleared, () -> deliveries.summary(open)).total()).isEqualTo(1);
    }
}
