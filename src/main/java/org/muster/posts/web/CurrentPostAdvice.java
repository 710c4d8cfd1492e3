package org.muster.posts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the current post and the user's posts, for the header and the switcher. Never
 * creates a session (API requests with a token have none). The API ({@code /api/...}) renders no
 * page, so its requests skip the queries.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentPostAdvice {
    private final CurrentPost currentPost;
    private final Posts posts;
    private final NeedToKnow needToKnow;

    CurrentPostAdvice(CurrentPost currentPost, Posts posts, NeedToKnow needToKnow) {
        this.currentPost = currentPost;
        this.posts = posts;
        this.needToKnow = needToKnow;
    }

    @ModelAttribute("currentPost")
    Post currentPost(HttpServletRequest request) {
        return !isApi(request) && needToKnow.currentReader().isPresent()
                ? currentPost.get(request.getSession(false)).orElse(null)
                : null;
    }

    @ModelAttribute("myPosts")
    List<Post> myPosts(HttpServletRequest request) {
        return !isApi(request) && needToKnow.currentReader().isPresent() ? posts.visible() : List.of();
    }

    @ModelAttribute("reader")
    Object reader(HttpServletRequest request) {
        return isApi(request) ? null : needToKnow.currentReader().orElse(null);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
