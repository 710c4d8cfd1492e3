package org.muster.posture.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.muster.posts.Post;
import org.muster.posture.Departure;
import org.muster.posture.Drawdown;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording departures from the must-leave list, and the drawdown card the dashboard loads. */
@Controller
class DrawdownController {
    private final Drawdown drawdown;
    private final PosturePages pages;

    DrawdownController(Drawdown drawdown, PosturePages pages) {
        this.drawdown = drawdown;
        this.pages = pages;
    }

    /** The dashboard's posture and drawdown card (loaded by htmx, so the dashboard needs no posture code). */
    @GetMapping("/posture/card")
    String card(HttpSession session, Model model) {
        pages.card(pages.post(session), model);
        return "posture/fragments :: card";
    }

    /** {@code departedAt} is the post's local date and time as a datetime-local field sends it; blank: now. */
    @PostMapping("/posture/departures")
    String depart(
            @RequestParam long personId,
            @RequestParam(defaultValue = "") String departedAt,
            @RequestParam(defaultValue = "0") int page,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = pages.post(session);
        try {
            Departure d = drawdown.recordDeparture(post.id(), personId, when(departedAt, post));
            redirect.addFlashAttribute("notice", d.name() + " recorded as departed.");
            return "redirect:/posture?page=" + Math.max(0, page) + "#must-leave";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            pages.page(post, Math.max(0, page), model);
            return "posture/posture";
        }
    }

    private static OffsetDateTime when(String text, Post post) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(post.timeZone()).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("departedAt", "must be a date and time such as 2021-08-15T09:00");
        }
    }
}
