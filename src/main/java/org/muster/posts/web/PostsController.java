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

    @PostMapping("/posts/current")
    String switchPost(@RequestParam String code, HttpSession session, RedirectAttributes redirect) {
        Post post = currentPost.switchTo(session, code);
        redirect.addFlashAttribute("notice", "You are now working in " + post.name() + ".");
        return "redirect:/";
    }
}
