package org.muster.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.people.NewPerson;
import org.muster.people.PeopleRegistry;
import org.muster.posts.Post;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A small register for the message tests. */
@Component
class MessageFixture {
    private final TestData data;
    private final PeopleRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;

    MessageFixture(TestData data, PeopleRegistry registry, JdbcClient jdbc, Clock clock) {
        this.data = data;
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /**
     * A post with four people: Adams (U.S. direct hire, Chancery, household "Adams", two e-mail
     * addresses verified at different dates and a phone), Baker (private U.S. citizen, Karte Se,
     * household "Adams", reads Dari, a phone only), Cyrus (locally employed staff, Karte Se, reads
     * Pashto, no contact point) and Dost (SIV applicant, Taimani, an unverified e-mail).
     */
    Register register() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                List.of(
                        new NewPerson("Ann", "Adams", Category.US_DIRECT_HIRE, "US", null, "Adams", "Chancery"),
                        new NewPerson("Bob", "Baker", Category.PRIVATE_US_CITIZEN, "US", null, "Adams", "Karte Se"),
                        new NewPerson("Cyrus", "Cyrus", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null, "Karte Se"),
                        new NewPerson("Dawood", "Dost", Category.SIV_APPLICANT, "AF", null, null, "Taimani")),
                "a test");
        Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("select family_name, id from person where post_id = ?")
                .param(post.id())
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        contact(ids.get("Adams"), "EMAIL", "ann.old@example.org", LocalDate.of(2021, 1, 5));
        contact(ids.get("Adams"), "EMAIL", "ann@example.org", LocalDate.of(2021, 7, 1));
        contact(ids.get("Adams"), "EMAIL", "ann.unverified@example.org", null);
        contact(ids.get("Adams"), "PHONE", "+93 700 000 001", LocalDate.of(2021, 6, 1));
        contact(ids.get("Baker"), "PHONE", "+93 700 000 002", LocalDate.of(2021, 6, 1));
        contact(ids.get("Dost"), "EMAIL", "dost@example.org", null);
        jdbc.sql("update person set language = 'fa-AF' where id = ?")
                .param(ids.get("Baker"))
                .update();
        jdbc.sql("update person set language = 'ps-AF' where id = ?")
                .param(ids.get("Cyrus"))
                .update();
        long household = jdbc.sql("select household_id from person where id = ?")
                .param(ids.get("Adams"))
                .query(Long.class)
                .single();
        return new Register(post, ids.get("Adams"), ids.get("Baker"), ids.get("Cyrus"), ids.get("Dost"), household);
    }

    record Register(Post post, long adams, long baker, long cyrus, long dost, long household) {}

    String user(org.muster.security.Role role, Classification clearance, Post post) {
        return data.user(role, clearance, post);
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    /** An unclassified draft in English only. */
    static Draft draft(Audience audience, Set<Channel> channels) {
        return new Draft(
                null,
                Map.of(Language.ENGLISH, new MessageText("Test message", "Please read this. {link}")),
                Classification.UNCLASSIFIED,
                channels,
                audience,
                false,
                null);
    }

    /** Messages, texts, deliveries and message audit entries of the post, to show nothing was written. */
    long written(Post post) {
        return jdbc.sql("select (select count(*) from message where post_id = ?)"
                        + " + (select count(*) from delivery where post_id = ?)"
                        + " + (select count(*) from message_reach where post_id = ?)"
                        + " + (select count(*) from message_review_task where post_id = ?)"
                        + " + (select count(*) from audit_entry where post_id = ? and action like 'message%')")
                .params(post.id(), post.id(), post.id(), post.id(), post.id())
                .query(Long.class)
                .single();
    }

    private void contact(long person, String kind, String value, LocalDate verified) {
        jdbc.sql("insert into contact_point (person_id, kind, value, last_verified) values (?, ?, ?, ?)")
                .params(person, kind, value, verified)
                .update();
    }
}
