package org.muster.people.web;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.muster.people.RollCalls;
import org.muster.people.WardenAssignment;
import org.muster.people.WardenAssignments;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.security.NeedToKnow;
import org.muster.security.Role;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The current post's wardens and the locations each answers for. */
@Controller
class WardenController {
    private final WardenAssignments wardens;
    private final RollCalls rollCalls;
    private final CurrentPost currentPost;
    private final NeedToKnow needToKnow;

    WardenController(WardenAssignments wardens, RollCalls rollCalls, CurrentPost currentPost, NeedToKnow needToKnow) {
        this.wardens = wardens;
        this.rollCalls = rollCalls;
        this.currentPost = currentPost;
        this.needToKnow = needToKnow;
    }

    @GetMapping("/roll-calls/wardens")
    String list(HttpSession session, Model model) {
        var post = currentPost.get(session);
        if (post.isEmpty()) {
            return "redirect:/";
        }
        long postId = post.get().id();
        List<WardenAssignment> all = wardens.list(postId);
        var locations = new java.util.TreeSet<>(rollCalls.locations(postId));
        all.forEach(w -> locations.addAll(w.locations()));
        model.addAttribute("wardens", all);
        model.addAttribute("locations", List.copyOf(locations));
        model.addAttribute(
                "canAssign",
                needToKnow.requireMember(postId).hasAny(Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER, Role.MANAGEMENT));
        return "rollcall/wardens";
    }

    @PostMapping("/roll-calls/wardens")
    String assign(
            @RequestParam long userId,
            @RequestParam(required = false) List<String> locations,
            HttpSession session,
            RedirectAttributes redirect) {
        Post post =
                currentPost.get(session).orElseThrow(() -> new InvalidInputException("post", "choose a post first"));
        WardenAssignment saved = wardens.assign(post.id(), userId, locations == null ? List.of() : locations);
        redirect.addFlashAttribute(
                "notice",
                saved.username() + " answers for "
                        + (saved.locations().isEmpty() ? "no location" : String.join(", ", saved.locations()))
                        + ".");
        return "redirect:/roll-calls/wardens";
    }
}
