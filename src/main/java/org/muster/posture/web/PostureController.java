package org.muster.posture.web;

import jakarta.servlet.http.HttpSession;
import java.util.EnumSet;
import java.util.List;
import org.muster.people.Category;
import org.muster.posts.Post;
import org.muster.posture.Posture;
import org.muster.posture.PostureRequest;
import org.muster.posture.Postures;
import org.muster.posture.Subset;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The posture page of the current post: the posture in force and its clocks, the crisis, requests
 * and their decisions, reviews, the drawdown and the lead-time warning.
 */
@Controller
class PostureController {
    private final Postures postures;
    private final PosturePages pages;

    PostureController(Postures postures, PosturePages pages) {
        this.postures = postures;
        this.pages = pages;
    }

    @GetMapping("/posture")
    String page(@RequestParam(defaultValue = "0") int page, HttpSession session, Model model) {
        pages.page(pages.post(session), Math.max(0, page), model);
        return "posture/posture";
    }

    @PostMapping("/posture/requests")
    String request(
            @RequestParam(required = false) Posture posture,
            @RequestParam(required = false) List<Category> categories,
            @RequestParam(required = false) Integer underAge,
            @RequestParam(defaultValue = "") String justification,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = pages.post(session);
        var form = new PosturePages.RequestForm(posture, categories, underAge, justification);
        try {
            Subset subset = new Subset(
                    form.categories().isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(form.categories()),
                    underAge);
            PostureRequest r = postures.request(post.id(), posture, subset, justification);
            redirect.addFlashAttribute(
                    "notice",
                    "Request #" + r.id() + " for " + r.posture().label() + " ("
                            + r.subset().describe() + ") sent to the approving authority.");
            return "redirect:/posture";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            model.addAttribute("requestForm", form);
            return page(0, session, model);
        }
    }

    @PostMapping("/posture/requests/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        return decide(id, true, reason, session, model, redirect);
    }

    @PostMapping("/posture/requests/{id}/refuse")
    String refuse(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        return decide(id, false, reason, session, model, redirect);
    }

    private String decide(
            long id, boolean approve, String reason, HttpSession session, Model model, RedirectAttributes redirect) {
        try {
            PostureRequest r = approve ? postures.approve(id, reason) : postures.refuse(id, reason);
            redirect.addFlashAttribute(
                    "notice",
                    approve
                            ? "Approved: " + r.posture().label() + " ("
                                    + r.subset().describe() + ") is in force."
                            : "Refused: request #" + r.id() + " for "
                                    + r.posture().label() + ".");
            return "redirect:/posture";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            model.addAttribute("decisionId", id);
            return page(0, session, model);
        }
    }

    @PostMapping("/posture/reviews")
    String review(
            @RequestParam(defaultValue = "") String note,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = pages.post(session);
        try {
            postures.recordReview(post.id(), note);
            redirect.addFlashAttribute("notice", "Review recorded; the next one is due in 30 days.");
            return "redirect:/posture";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            return page(0, session, model);
        }
    }
}
