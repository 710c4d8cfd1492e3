package org.muster.people.web;

import java.util.UUID;
import org.muster.people.CheckIn;
import org.muster.people.CheckInChannel;
import org.muster.people.CheckInStatus;
import org.muster.people.CheckIns;
import org.muster.people.RollCallClosedException;
import org.muster.people.RollCallMembers;
import org.muster.people.RollCalls;
import org.muster.security.NeedToKnow;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Answering for one person from the live page (htmx replaces the row; without scripts the page
 * reloads) and the page of one person's check-ins. The form carries a check-in id made when the row
 * was drawn, so a double click records one check-in.
 */
@Controller
class CheckInController {
    private final CheckIns checkIns;
    private final RollCalls rollCalls;
    private final RollCallMembers members;
    private final RollCallPages pages;
    private final NeedToKnow needToKnow;

    CheckInController(
            CheckIns checkIns,
            RollCalls rollCalls,
            RollCallMembers members,
            RollCallPages pages,
            NeedToKnow needToKnow) {
        this.checkIns = checkIns;
        this.rollCalls = rollCalls;
        this.members = members;
        this.pages = pages;
        this.needToKnow = needToKnow;
    }

    @PostMapping("/roll-calls/{id}/members/{personId}")
    String answer(
            @PathVariable long id,
            @PathVariable long personId,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String checkInId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        long postId = rollCalls.postOf(id);
        String problem = null;
        try {
            UUID uuid = checkInId.isBlank() ? UUID.randomUUID() : UUID.fromString(checkInId);
            checkIns.checkIn(
                    postId,
                    id,
                    new CheckIn(
                            uuid,
                            personId,
                            CheckInStatus.parse("status", status),
                            CheckInChannel.parse("channel", channel),
                            null,
                            null));
        } catch (RollCallClosedException | InvalidInputException e) {
            problem = e.getMessage();
        } catch (IllegalArgumentException e) {
            problem = "checkInId: is not a UUID";
        }
        if (htmx == null) {
            redirect.addFlashAttribute("notice", problem != null ? problem : "Recorded.");
            return "redirect:/roll-calls/" + id;
        }
        pages.rollCall(postId, id, model);
        var member = members.member(postId, id, personId);
        model.addAttribute("m", member);
        RollCallPages.answerForms(java.util.List.of(member), needToKnow.requireMember(postId), model);
        model.addAttribute("rowProblem", problem);
        return "rollcall/fragments :: member-row";
    }

    @GetMapping("/roll-calls/{id}/members/{personId}")
    String history(@PathVariable long id, @PathVariable long personId, Model model) {
        long postId = rollCalls.postOf(id);
        pages.rollCall(postId, id, model);
        model.addAttribute("m", members.member(postId, id, personId));
        model.addAttribute("checkIns", checkIns.history(postId, id, personId));
        return "rollcall/history";
    }
}
