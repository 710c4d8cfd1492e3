package org.muster.notification.sending;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.muster.TestData;
import org.muster.notification.Channel;
import org.muster.notification.DeliveryStatus;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.notification.Outbox;
import org.muster.notification.OutgoingMessage;
import org.muster.notification.Recipient;
import org.muster.posts.Post;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Queues messages through the outbox and reads their deliveries back, for the sending tests. */
@Component
class Queued {
    static final MessageText ENGLISH = new MessageText("Shelter in place", "Stay indoors. Answer here: {link}");
    static final MessageText DARI = new MessageText("در جای امن بمانید", "در خانه بمانید. پاسخ دهید: {link} با تشکر");

    private final Outbox outbox;
    private final TestData data;
    private final JdbcClient jdbc;
    private final org.muster.people.PeopleRegistry registry;

    Queued(Outbox outbox, TestData data, JdbcClient jdbc, org.muster.people.PeopleRegistry registry) {
        this.outbox = outbox;
        this.data = data;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** A person newly registered at the post (a delivery with a person carries an answer link). */
    long person(long postId) {
        registry.addAll(
                postId,
                List.of(new org.muster.people.NewPerson(
                        "Ahmad", "Karimi", org.muster.people.Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null)),
                "a sending test");
        return jdbc.sql("select max(id) from person where post_id = ?")
                .param(postId)
                .query(Long.class)
                .single();
    }

    /** A message in English and Dari on a fresh post, queued to the recipients. */
    long message(Set<Channel> channels, List<Recipient> recipients) {
        Post post = data.post();
        return message(post.id(), channels, recipients);
    }

    long message(long postId, Set<Channel> channels, List<Recipient> recipients) {
        return outbox.enqueue(
                new OutgoingMessage(
                        postId,
                        Classification.UNCLASSIFIED,
                        Map.of(Language.ENGLISH, ENGLISH, Language.DARI, DARI),
                        channels,
                        "{}",
                        "test audience",
                        true,
                        false,
                        "test"),
                recipients);
    }

    /** {@code n} e-mail recipients {@code prefix-i@example.org} reading English. */
    static List<Recipient> emails(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Recipient(null, Channel.EMAIL, prefix + "-" + i + "@example.org", Language.ENGLISH))
                .toList();
    }

    record Row(UUID id, String address, DeliveryStatus status, int attempts, String failure, int resentInFlight) {}

    List<Row> deliveries(long messageId) {
        return jdbc.sql("select id, address, status, attempts, failure, resent_in_flight from delivery"
                        + " where message_id = ? order by address")
                .param(messageId)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("address"),
                        DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("failure"),
                        rs.getInt("resent_in_flight")))
                .list();
    }

    long open(long messageId) {
        return jdbc.sql("select count(*) from delivery where message_id = ? and status in ('QUEUED', 'SENDING')")
                .param(messageId)
                .query(Long.class)
                .single();
    }
}
