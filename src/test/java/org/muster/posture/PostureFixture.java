package org.muster.posture;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.people.NewPerson;
import org.muster.people.PeopleRegistry;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A post in crisis with the accounts the posture tests need, and work done as one of them. */
@Component
class PostureFixture {
    /** A post with an open crisis: its chief of mission, the configured approver and others. */
    record Scene(Post post, Crisis crisis, String com, String approver, String committee, String management) {}

    private final TestData data;
    private final UserAccounts accounts;
    private final Crises crises;
    private final PeopleRegistry registry;
    private final JdbcClient jdbc;

    PostureFixture(TestData data, UserAccounts accounts, Crises crises, PeopleRegistry registry, JdbcClient jdbc) {
        this.data = data;
        this.accounts = accounts;
        this.crises = crises;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    Scene scene() {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        String approver = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, post);
        String committee = data.user(Role.COMMITTEE_MEMBER, Classification.SECRET, post);
        String management = data.user(Role.MANAGEMENT, Classification.SBU, post);
        Crisis crisis = as(com, () -> crises.open(post.id(), "Security deteriorating", com, approver));
        return new Scene(post, crisis, com, approver, committee, management);
    }

    /** Adds one person and returns their id; {@code emergency} marks them emergency staff. */
    long person(Post post, String family, Category category, LocalDate born, boolean emergency) {
        registry.addAll(post.id(), List.of(new NewPerson("Test", family, category, "US", born, null)), "a test");
        long id = jdbc.sql("select max(id) from person where post_id = ? and family_name = ?")
                .params(post.id(), family)
                .query(Long.class)
                .single();
        if (emergency) {
            jdbc.sql("update person set emergency_staff = true where id = ?")
                    .param(id)
                    .update();
        }
        return id;
    }

    <T> T as(String username, Supplier<T> work) {
        var user = accounts.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
