package org.muster.committee.web;

import org.muster.committee.Attendance;
import org.muster.committee.Committee;
import org.muster.committee.CommitteeConflictException;
import org.muster.committee.MeetingMinutes;
import org.muster.committee.MeetingRecord;
import org.muster.committee.Presence;
import org.muster.committee.Recommendation;
import org.muster.committee.Recommendations;
import org.muster.committee.RecommendedPosture;
import org.muster.committee.Vote;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing a meeting's record from its page: attendance and votes answer htmx with the changed row
 * or recommendation (without scripts the page reloads); minutes, the worst-case assessment, new
 * recommendations and finalising reload the page, whose marking may change with them.
 */
@Controller
class MeetingRecordController {
    private final Committee committee;
    private final MeetingMinutes minutes;
    private final Recommendations recommendations;
    private final MeetingPages pages;

    MeetingRecordController(
            Committee committee, MeetingMinutes minutes, Recommendations recommendations, MeetingPages pages) {
        this.committee = committee;
        this.minutes = minutes;
        this.recommendations = recommendations;
        this.pages = pages;
    }

    @PostMapping("/committee/meetings/{id}/attendance")
    String attendance(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String presence,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        String problem = null;
        try {
            minutes.recordAttendance(postId, id, username, Presence.parse("presence", presence));
        } catch (InvalidInputException | CommitteeConflictException e) {
            problem = e.getMessage();
        }
        if (htmx == null) {
            return MeetingPages.back(id, redirect, "Attendance recorded.", problem);
        }
        MeetingRecord record = pages.model(postId, id, model);
        Attendance row = record.attendance().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElse(null);
        model.addAttribute("a", row);
        model.addAttribute("rowProblem", problem);
        return row == null ? "committee/meeting :: attendance" : "committee/meeting :: attendance-row";
    }

    @PostMapping("/committee/meetings/{id}/minutes")
    String addPortion(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String classification,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        return MeetingPages.act(
                id,
                redirect,
                "Added to the minutes.",
                () -> minutes.addPortion(postId, id, Classification.parse(classification), text));
    }

    @PostMapping("/committee/meetings/{id}/worst-case")
    String assess(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String classification,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        return MeetingPages.act(
                id,
                redirect,
                "Worst-case assessment recorded.",
                () -> minutes.assess(postId, id, Classification.parse(classification), text));
    }

    @PostMapping("/committee/meetings/{id}/recommendations")
    String propose(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String posture,
            RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        return MeetingPages.act(
                id,
                redirect,
                "Recommendation proposed; members may now vote.",
                () -> recommendations.propose(postId, id, text, RecommendedPosture.parseOptional("posture", posture)));
    }

    @PostMapping("/committee/meetings/{id}/recommendations/{rid}/vote")
    String vote(
            @PathVariable long id,
            @PathVariable long rid,
            @RequestParam(defaultValue = "") String vote,
            @RequestParam(defaultValue = "") String dissent,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        recommendations.get(postId, id, rid);
        String problem = null;
        try {
            recommendations.vote(postId, rid, Vote.parse("vote", vote), dissent);
        } catch (InvalidInputException | CommitteeConflictException e) {
            problem = e.getMessage();
        }
        if (htmx == null) {
            return MeetingPages.back(id, redirect, "Your vote is recorded.", problem);
        }
        MeetingRecord record = pages.model(postId, id, model);
        Recommendation r = record.recommendations().stream()
                .filter(x -> x.id() == rid)
                .findFirst()
                .orElseThrow();
        model.addAttribute("r", r);
        model.addAttribute("voteProblem", problem);
        return "committee/meeting :: recommendation";
    }

    @PostMapping("/committee/meetings/{id}/recommendations/{rid}/finalise")
    String finalise(@PathVariable long id, @PathVariable long rid, RedirectAttributes redirect) {
        long postId = committee.postOf(id);
        recommendations.get(postId, id, rid);
        return MeetingPages.act(
                id,
                redirect,
                "The recommendation is final and goes to the chief of mission.",
                () -> recommendations.finalise(postId, rid));
    }
}
