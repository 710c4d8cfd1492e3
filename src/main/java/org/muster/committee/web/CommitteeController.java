package org.muster.committee.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.muster.committee.Committee;
import org.muster.committee.CommitteeMember;
import org.muster.committee.CommitteeMembers;
import org.muster.committee.Meeting;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The committee page of the current post: who sits on it (appointed and removed by the chief of
 * mission or an administrator), its meetings (for committee members and the chief of mission) and
 * the form to schedule one.
 */
@Controller
class CommitteeController {
    private final CommitteeMembers members;
    private final Committee committee;
    private final CurrentPost currentPost;
    private final NeedToKnow needToKnow;
    private final java.time.Clock clock;

    CommitteeController(
            CommitteeMembers members,
            Committee committee,
            CurrentPost currentPost,
            NeedToKnow needToKnow,
            java.time.Clock clock) {
        this.members = members;
        this.committee = committee;
        this.currentPost = currentPost;
        this.needToKnow = needToKnow;
        this.clock = clock;
    }

    @GetMapping("/committee")
    String page(HttpSession session, Model model) {
        var post = currentPost.get(session);
        if (post.isEmpty()) {
            return "redirect:/";
        }
        long postId = post.get().id();
        Reader reader = needToKnow.requireMember(postId);
        List<CommitteeMember> seats = members.list(postId);
        boolean seated = seats.stream().anyMatch(m -> m.userId() == reader.userId());
        boolean chief = reader.has(Role.CHIEF_OF_MISSION);
        boolean manager = reader.hasAny(Role.CHIEF_OF_MISSION, Role.ADMINISTRATOR);
        List<Meeting> meetings = seated || chief ? committee.meetings(postId) : List.of();
        model.addAttribute("post", post.get());
        model.addAttribute("members", seats);
        model.addAttribute("meetings", meetings);
        model.addAttribute("readsBusiness", seated || chief);
        model.addAttribute("canSchedule", seated || chief);
        model.addAttribute("canManage", manager);
        model.addAttribute("candidates", manager ? members.candidates(postId) : List.of());
        model.addAttribute("usualTitles", CommitteeMember.USUAL_TITLES);
        model.addAttribute(
                "defaultWhen",
                LocalDateTime.ofInstant(
                                OffsetDateTime.now(clock)
                                        .plusDays(1)
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .toInstant(),
                                post.get().timeZone())
                        .withHour(9));
        return "committee/committee";
    }

    @PostMapping("/committee/members")
    String appoint(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "false") boolean chair,
            HttpSession session,
            RedirectAttributes redirect) {
        long postId = current(session).id();
        try {
            CommitteeMember m = members.appoint(postId, username, title, chair);
            redirect.addFlashAttribute(
                    "notice",
                    m.displayName() + " sits on the committee as " + m.title() + (m.chair() ? " (chair)." : "."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/committee";
    }

    @PostMapping("/committee/members/{username}/remove")
    String remove(@PathVariable String username, HttpSession session, RedirectAttributes redirect) {
        long postId = current(session).id();
        try {
            members.remove(postId, username);
            redirect.addFlashAttribute("notice", username + " no longer sits on the committee.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/committee";
    }

    @PostMapping("/committee/meetings")
    String schedule(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String scheduledFor,
            HttpSession session,
            RedirectAttributes redirect) {
        Post post = current(session);
        try {
            Meeting meeting = committee.schedule(
                    post.id(), title, MeetingPages.instant("scheduledFor", scheduledFor, post.timeZone(), true));
            redirect.addFlashAttribute("notice", "Meeting scheduled.");
            return "redirect:/committee/meetings/" + meeting.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/committee";
        }
    }

    private Post current(HttpSession session) {
        return currentPost.get(session).orElseThrow(() -> new InvalidInputException("post", "choose a post first"));
    }
}
