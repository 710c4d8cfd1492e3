package org.muster.posts;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.muster.security.NeedToKnow;
import org.springframework.stereotype.Component;

/**
 * The post a signed-in user is working in. The choice lives in the (database-backed) session, and
 * is re-checked against current membership on every request: a user removed from a post falls back
 * to another post they still belong to.
 */
@Component
public class CurrentPost {
    static final String ATTRIBUTE = "muster.currentPostId";

    private final Posts posts;
    private final NeedToKnow needToKnow;

    CurrentPost(Posts posts, NeedToKnow needToKnow) {
        this.posts = posts;
        this.needToKnow = needToKnow;
    }

    /** The current post, or empty for a user who belongs to no post. {@code session} may be null. */
    public Optional<Post> get(HttpSession session) {
        List<Post> mine = posts.visible();
        Object chosen = session == null ? null : session.getAttribute(ATTRIBUTE);
        return mine.stream()
                .filter(p -> chosen instanceof Long id && p.id() == id)
                .findFirst()
                .or(() -> mine.stream().findFirst());
    }

    /** Switches to the post with this code; fails unless the user is a member of it. */
    public Post switchTo(HttpSession session, String code) {
        Post post = posts.byCode(code);
        needToKnow.requireMember(post.id());
        session.setAttribute(ATTRIBUTE, post.id());
        return post;
    }
}
