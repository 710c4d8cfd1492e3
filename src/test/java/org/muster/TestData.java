package org.muster;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.muster.posts.NewPost;
import org.muster.posts.Post;
import org.muster.posts.PostKind;
import org.muster.posts.Posts;
import org.muster.security.NewUser;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Creates posts and accounts with names unique within the shared test database, and runs work as one of them. */
@Component
public class TestData {
    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger counter = new AtomicInteger();

    private final Posts posts;
    private final UserAccounts accounts;

    public TestData(Posts posts, UserAccounts accounts) {
        this.posts = posts;
        this.accounts = accounts;
    }

    /** A post with a fresh code of letters only (e.g. {@code TAAB}). */
    public Post post() {
        int n = counter.incrementAndGet();
        String code = "T" + letters(n);
        return posts.create(new NewPost(code, "Test post " + code, PostKind.EMBASSY, "Testland", "Asia/Kabul"));
    }

    /** An account with the role and clearance, member of the posts; its password is {@link #PASSWORD}. */
    public String user(Role role, Classification clearance, Post... memberOf) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + counter.incrementAndGet();
        Set<Long> ids = new HashSet<>();
        Arrays.stream(memberOf).forEach(p -> ids.add(p.id()));
        accounts.create(new NewUser(username, "Test " + username, PASSWORD, Set.of(role), clearance, ids, false));
        return username;
    }

    /** Runs {@code work} on this thread as the signed-in user, as a request of theirs would, then signs them out. */
    public <T> T as(String username, Supplier<T> work) {
        var user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** {@link #as(String, Supplier)} for work that returns nothing. */
    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        int v = n;
        for (int i = 0; i < 3; i++) {
            s.insert(0, (char) ('A' + v % 26));
            v /= 26;
        }
        return s.toString();
    }
}
