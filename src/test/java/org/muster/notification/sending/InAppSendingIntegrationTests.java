package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.TestData;
import org.muster.audit.AuditEntry;
import org.muster.audit.AuditLog;
import org.muster.notification.Channel;
import org.muster.notification.DeliveryStatus;
import org.muster.notification.Language;
import org.muster.notification.Recipient;
import org.muster.people.Category;
import org.muster.people.NewPerson;
import org.muster.people.PeopleRegistry;
import org.muster.posts.Post;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In-app notices: written with their delivery marked delivered; the finished message audited once. */
@SendingIntegrationTest
class InAppSendingIntegrationTests {
    @Autowired
    Queued queued;

    @Autowired
    Sender sender;

    @Autowired
    TestData data;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInAppNoticeIsWrittenForEachPersonAndItsDeliveryIsDelivered() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                List.of(
                        new NewPerson("Ahmad", "Karimi", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null),
                        new NewPerson("Jane", "Doe", Category.US_DIRECT_HIRE, "US", null, null)),
                "a test");
        List<Long> people = jdbc.sql("select id from person where post_id = ? order by id")
                .param(post.id())
                .query(Long.class)
                .list();
        long message = queued.message(
                post.id(),
                Set.of(Channel.IN_APP),
                List.of(
                        new Recipient(people.get(0), Channel.IN_APP, null, Language.DARI),
                        new Recipient(people.get(1), Channel.IN_APP, null, Language.ENGLISH)));

        Drain.channel(sender, queued, message, Channel.IN_APP);

        assertThat(queued.deliveries(message)).extracting(Queued.Row::status).containsOnly(DeliveryStatus.DELIVERED);
        assertThat(jdbc.sql("select person_id from in_app_notice where message_id = ? and post_id = ?"
                                + " and read_at is null and posted_at is not null order by person_id")
                        .params(message, post.id())
                        .query(Long.class)
                        .list())
                .isEqualTo(people);
        assertThat(jdbc.sql("select count(*) from delivery where message_id = ? and delivered_at is not null")
                        .param(message)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        List<AuditEntry> finished = audit.recent(post.id(), 20).stream()
                .filter(e -> e.action().equals("notification.finished"))
                .toList();
        assertThat(finished).hasSize(1);
        assertThat(finished.get(0).summary())
                .isEqualTo("message " + message + ", 2 deliveries: 2 sent, 0 failed, 0 possibly sent twice");
    }
}
