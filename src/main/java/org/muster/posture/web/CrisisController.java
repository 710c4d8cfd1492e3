package org.muster.posture.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import org.muster.posts.Post;
import org.muster.posture.Crises;
import org.muster.posture.Crisis;
import org.muster.posture.CrisisUpdate;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Opening, editing and closing the current post's crisis from the posture page. */
@Controller
class CrisisController {
    private final Crises crises;
    private final PosturePages pages;

    CrisisController(Crises crises, PosturePages pages) {
        this.crises = crises;
        this.pages = pages;
    }

    @PostMapping("/posture/crisis")
    String open(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String accountableOfficial,
            @RequestParam(defaultValue = "") String approver,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = pages.post(session);
        try {
            Crisis c = crises.open(post.id(), name, accountableOfficial, approver);
            redirect.addFlashAttribute(
                    "notice",
                    "Crisis '" + c.name() + "' opened; accountable official " + c.accountableOfficial() + ".");
            return "redirect:/posture";
        } catch (InvalidInputException e) {
            return again(
                    e,
                    new PosturePages.CrisisForm(name, accountableOfficial, approver, null, null, null),
                    session,
                    model);
        }
    }

    @PostMapping("/posture/crisis/edit")
    String edit(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String accountableOfficial,
            @RequestParam(defaultValue = "") String approver,
            @RequestParam(required = false) Integer corePresenceTarget,
            @RequestParam(required = false) Integer dailyCapacity,
            @RequestParam(required = false) LocalDate threatDate,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = pages.post(session);
        var form = new PosturePages.CrisisForm(
                name, accountableOfficial, approver, corePresenceTarget, dailyCapacity, threatDate);
        try {
            crises.update(
                    post.id(),
                    new CrisisUpdate(
                            name, accountableOfficial, approver, corePresenceTarget, dailyCapacity, threatDate));
            redirect.addFlashAttribute("notice", "Crisis updated.");
            return "redirect:/posture";
        } catch (InvalidInputException e) {
            return again(e, form, session, model);
        }
    }

    @PostMapping("/posture/crisis/close")
    String close(HttpSession session, Model model, RedirectAttributes redirect) {
        Post post = pages.post(session);
        try {
            Crisis c = crises.close(post.id());
            redirect.addFlashAttribute("notice", "Crisis '" + c.name() + "' closed.");
            return "redirect:/posture";
        } catch (InvalidInputException e) {
            return again(e, null, session, model);
        }
    }

    private String again(InvalidInputException e, PosturePages.CrisisForm form, HttpSession session, Model model) {
        model.addAttribute("fieldError", e);
        if (form != null) {
            model.addAttribute("crisisForm", form);
        }
        pages.page(pages.post(session), 0, model);
        return "posture/posture";
    }
}
