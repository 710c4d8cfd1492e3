package org.muster.taskforce.web;

import org.muster.posture.PostureRequest;
import org.muster.posture.Postures;
import org.muster.shared.InvalidInputException;
import org.muster.taskforce.TaskForceBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task force's page: all of the reader's posts at once, and the approving authority's decisions
 * on posture requests taken from there (the posture module checks that the reader is the approver
 * configured for the crisis, and keeps the reason).
 */
@Controller
class TaskForceController {
    private final TaskForceBoard board;
    private final Postures postures;

    TaskForceController(TaskForceBoard board, Postures postures) {
        this.board = board;
        this.postures = postures;
    }

    @GetMapping("/task-force")
    String page(Model model) {
        model.addAttribute("overview", board.overview());
        return "taskforce/board";
    }

    @PostMapping("/task-force/requests/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return decide(id, true, reason, redirect);
    }

    @PostMapping("/task-force/requests/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return decide(id, false, reason, redirect);
    }

    private String decide(long id, boolean approve, String reason, RedirectAttributes redirect) {
        try {
            PostureRequest r = approve ? postures.approve(id, reason) : postures.refuse(id, reason);
            redirect.addFlashAttribute(
                    "notice",
                    (approve ? "Approved" : "Refused") + ": request #" + r.id() + " for "
                            + r.posture().label() + " (" + r.subset().describe() + ").");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("decisionError", e.getMessage());
            redirect.addFlashAttribute("decisionId", id);
        }
        return "redirect:/task-force#request-" + id;
    }
}
