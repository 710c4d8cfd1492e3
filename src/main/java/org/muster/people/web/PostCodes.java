package org.muster.people.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The post named by an API path. Post codes never change and posts are never removed, so the id of
 * a code is looked up once per node; the roll-call and check-in APIs share it.
 */
@Component
class PostCodes {
    private final Posts posts;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    PostCodes(Posts posts) {
        this.posts = posts;
    }

    /** The id of the post with this code (any case, surrounding blanks ignored). */
    long postId(String code) {
        String key = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        Long id =
                ids.computeIfAbsent(key, k -> posts.findByCode(k).map(Post::id).orElse(null));
        if (id == null) {
            throw new NotFoundException("No post with code " + key);
        }
        return id;
    }
}
