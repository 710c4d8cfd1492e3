package org.muster.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.people.NewPerson;
import org.muster.people.PeopleRegistry;
import org.muster.people.RollCall;
import org.muster.people.RollCalls;
import org.muster.posts.Post;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** People, messages queued through the outbox, their deliveries and links, and roll-calls, for the answer tests. */
@Component
class AnswerFixtures {
    private final PeopleRegistry registry;
    private final RollCalls rollCalls;
    private final Outbox outbox;
    private final ResponseLinks links;
    private final TestData data;
    private final JdbcClient jdbc;

    AnswerFixtures(
            PeopleRegistry registry,
            RollCalls rollCalls,
            Outbox outbox,
            ResponseLinks links,
            TestData data,
            JdbcClient jdbc) {
        this.registry = registry;
        this.rollCalls = rollCalls;
        this.outbox = outbox;
        this.links = links;
        this.data = data;
        this.jdbc = jdbc;
    }

    /** A person of the post who reads the language. */
    long person(Post post, String given, String family, Language language) {
        registry.addAll(
                post.id(),
                List.of(new NewPerson(given, family, Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null, "Annex")),
                "a test");
        long id = jdbc.sql("select id from person where post_id = ? and family_name = ?")
                .params(post.id(), family)
                .query(Long.class)
                .single();
        jdbc.sql("update person set language = ? where id = ?")
                .params(language.tag(), id)
                .update();
        return id;
    }

    /** An unclassified e-mail in English, Dari and Pashto to the recipients; returns the message id. */
    long email(Post post, List<Recipient> recipients) {
        return outbox.enqueue(
                new OutgoingMessage(
                        post.id(),
                        Classification.UNCLASSIFIED,
                        Map.of(
                                Language.ENGLISH,
                                new MessageText(
                                        "Shelter in place", "Stay indoors until further notice.\nAnswer here: {link}"),
                                Language.DARI,
                                new MessageText("در جای خود پناه بگیرید", "تا اطلاع بعدی در خانه بمانید.\n{link}"),
                                Language.PASHTO,
                                new MessageText(
                                        "په خپل ځای کې پناه واخلئ", "تر بل خبر پورې په کور کې پاتې شئ.\n{link}")),
                        EnumSet.of(Channel.EMAIL),
                        "{}",
                        "test audience",
                        false,
                        true,
                        "a test"),
                recipients);
    }

    /** An in-app notice in English to one person at the marking; returns the message id. */
    long notice(Post post, long personId, Classification marking, String subject) {
        return outbox.enqueue(
                new OutgoingMessage(
                        post.id(),
                        marking,
                        Map.of(Language.ENGLISH, new MessageText(subject, subject + ": the body.")),
                        EnumSet.of(Channel.IN_APP),
                        "{}",
                        "one person",
                        false,
                        false,
                        "a test"),
                List.of(new Recipient(personId, Channel.IN_APP, null, Language.ENGLISH)));
    }

    UUID delivery(long messageId) {
        return jdbc.sql("select id from delivery where message_id = ?")
                .param(messageId)
                .query(UUID.class)
                .single();
    }

    /** A valid link to the message's delivery to the person. */
    String token(long messageId, long personId) {
        UUID delivery = jdbc.sql("select id from delivery where message_id = ? and person_id = ?")
                .params(messageId, personId)
                .query(UUID.class)
                .single();
        return links.token(delivery, links.expiryFromNow());
    }

    /** A valid link to the message's only delivery. */
    String token(long messageId) {
        return links.token(delivery(messageId), links.expiryFromNow());
    }

    RollCall startRollCall(String username, Post post, String title) {
        return data.as(username, () -> rollCalls.start(post.id(), title, null, null, null));
    }

    RollCall closeRollCall(String username, Post post, RollCall rollCall) {
        return data.as(username, () -> rollCalls.close(post.id(), rollCall.id()));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    String text(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).single();
    }
}
