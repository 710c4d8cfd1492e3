package org.muster.posts.web;

import org.muster.posts.NewPost;
import org.muster.posts.Post;
import org.muster.posts.PostKind;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.muster.security.Role;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create posts; each new post starts with its creator as a member. */
@Controller
class PostsAdminController {
    private final Posts posts;
    private final NeedToKnow needToKnow;

    PostsAdminController(Posts posts, NeedToKnow needToKnow) {
        this.posts = posts;
        this.needToKnow = needToKnow;
    }

    record PostForm(String code, String name, PostKind kind, String country, String timeZone) {}

    @GetMapping("/admin/posts")
    String list(Model model) {
        needToKnow.requireRole(Role.ADMINISTRATOR);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PostForm("", "", PostKind.EMBASSY, "", "UTC"));
        }
        model.addAttribute("kinds", PostKind.values());
        return "admin/posts";
    }

    @PostMapping("/admin/posts")
    String create(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "EMBASSY") PostKind kind,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String timeZone,
            Model model,
            RedirectAttributes redirect) {
        try {
            Post post = posts.createAsAdministrator(new NewPost(code, name, kind, country, timeZone));
            redirect.addFlashAttribute("notice", "Post " + post.code() + " created; you are its first member.");
            return "redirect:/admin/posts";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            model.addAttribute("form", new PostForm(code, name, kind, country, timeZone));
            return list(model);
        }
    }
}
