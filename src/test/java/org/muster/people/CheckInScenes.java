package org.muster.people;

import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the check-in tests build their scenes from, and read back: people, a started roll-call, its rows. */
@Component
class CheckInScenes {
    private final TestData data;
    private final PeopleRegistry registry;
    private final RollCalls rollCalls;
    private final JdbcClient jdbc;

    CheckInScenes(TestData data, PeopleRegistry registry, RollCalls rollCalls, JdbcClient jdbc) {
        this.data = data;
        this.registry = registry;
        this.rollCalls = rollCalls;
        this.jdbc = jdbc;
    }

    /** Adds n locally employed staff of one fresh family to the post, at the given locations; their ids in order. */
    List<Long> people(Post post, int n, IntFunction<String> location) {
        String family = "C" + UUID.randomUUID().toString().substring(0, 8);
        registry.addAll(
                post.id(),
                IntStream.range(0, n)
                        .mapToObj(i -> new NewPerson(
                                "G" + i, family, Category.LOCALLY_EMPLOYED_STAFF, null, null, null, location.apply(i)))
                        .toList(),
                "a test");
        return jdbc.sql("select id from person where post_id = ? and family_name = ? order by id")
                .params(post.id(), family)
                .query(Long.class)
                .list();
    }

    /** Someone on the register of another post. */
    long stranger() {
        Post other = data.post();
        registry.addAll(
                other.id(),
                List.of(new NewPerson("", "Stranger", Category.PRIVATE_US_CITIZEN, null, null, null)),
                "a test");
        return jdbc.sql("select id from person where post_id = ?")
                .param(other.id())
                .query(Long.class)
                .single();
    }

    /** A security officer of the post (who may start and close roll-calls). */
    String securityOfficer(Post post) {
        return data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
    }

    /** A roll-call of everyone at the post, started by the given officer. */
    RollCall rollCall(Post post, String officer) {
        return data.as(officer, () -> rollCalls.start(post.id(), "Drill", null, null, null));
    }

    /** A check-in as the API takes it, under a fresh id. */
    static String item(long personId, String status) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + personId + ",\"status\":\"" + status + "\"}";
    }

    /** A check-in as the API takes it, under a fresh id, through the given channel. */
    static String item(long personId, String status, String channel) {
        return item(personId, status).replace("}", ",\"channel\":\"" + channel + "\"}");
    }

    long checkIns(RollCall rollCall) {
        return jdbc.sql("select count(*) from check_in where roll_call_id = ?")
                .param(rollCall.id())
                .query(Long.class)
                .single();
    }

    /** Every member's status, in person order, comma-separated. */
    String statuses(RollCall rollCall) {
        return jdbc.sql(
                        "select string_agg(status, ',' order by person_id) from roll_call_member where roll_call_id = ?")
                .param(rollCall.id())
                .query(String.class)
                .single();
    }
}
