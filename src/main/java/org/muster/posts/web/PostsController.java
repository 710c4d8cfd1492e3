package org.muster.posts.web;

import jakarta.servlet.http.HttpSession;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The post switcher. */
@Controller
class PostsController {
    private final CurrentPost currentPost;

    PostsController(CurrentPost currentPost) {
        this.currentPost = currentPost;
    }

    /** Where to go after switching: a page of this site only (no scheme, host or protocol-relative path). */
    private static final java.util.regex.Pattern LOCAL_PAGE =
            java.util.regex.Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_-]*");

    @PostMapping("/posts/current")
    String switchPost(
            @RequestParam String code,
            @RequestParam(defaultValue = "/") String then,
            HttpSession session,
            RedirectAttributes redirect) {
        Post post = currentPost.switchTo(session, code);
        redirect.addFlashAttribute("notice", "You are now working in " + post.name() + ".");
        return "redirect:" + (LOCAL_PAGE.matcher(then).matches() ? then : "/");
    }
}
