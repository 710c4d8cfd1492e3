package org.muster.committee.web;

import java.util.List;
import org.muster.committee.AgendaItem;
import org.muster.committee.Committee;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The meeting page (agenda with decide-by deadlines, attendance, minutes with portion marks, the
 * worst-case assessment, recommendations with votes and dissent, decisions), opening and closing
 * the session, other business on the agenda, and the chief of mission's decision form.
 */
@Controller
class MeetingController {
    private final Committee committee;
    private final MeetingPages pages;

    MeetingController(Committee committee, MeetingPages pages) {
        this.committee = committee;
        this.pages = pages;
    }

    @GetMapping("/committee/meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        pages.model(committee.postOf(id), id, model);
        return "committee/meeting";
    }

    @PostMapping("/committee/meetings/{id}/open")
    String open(@PathVariable long id, RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        return MeetingPages.act(id, redirect, "The session is open.", () -> committee.open(postId, id));
    }

    @PostMapping("/committee/meetings/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        return MeetingPages.act(
                id, redirect, "The meeting is closed; its record is kept as it is.", () -> committee.close(postId, id));
    }

    @PostMapping("/committee/meetings/{id}/agenda")
    String addItem(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String decideBy,
            RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        return MeetingPages.act(
                id,
                redirect,
                "Added to the agenda.",
                () -> committee.addAgendaItem(
                        postId,
                        id,
                        AgendaItem.other(
                                title,
                                MeetingPages.instant(
                                        "decideBy", decideBy, pages.post(postId).timeZone(), false))));
    }

    @PostMapping("/committee/meetings/{id}/decisions")
    String decide(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> agendaItemIds,
            @RequestParam(required = false) Long recommendationId,
            @RequestParam(defaultValue = "") String summary,
            RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        return MeetingPages.act(
                id,
                redirect,
                "Your decision is recorded.",
                () -> committee.decide(postId, id, recommendationId, agendaItemIds, summary));
    }
}
