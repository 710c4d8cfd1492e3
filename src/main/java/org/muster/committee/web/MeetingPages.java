package org.muster.committee.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.muster.committee.CommitteeConflictException;
import org.muster.committee.CommitteeMember;
import org.muster.committee.CommitteeMembers;
import org.muster.committee.MeetingRecord;
import org.muster.committee.MeetingRecords;
import org.muster.committee.MeetingStatus;
import org.muster.committee.Presence;
import org.muster.committee.Recommendation;
import org.muster.committee.RecommendedPosture;
import org.muster.committee.Vote;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the committee pages share: the meeting page's model, form date-times, and turning refusals into notices. */
@Component
class MeetingPages {
    private final MeetingRecords records;
    private final CommitteeMembers members;
    private final Posts posts;
    private final NeedToKnow needToKnow;
    private final Clock clock;

    MeetingPages(MeetingRecords records, CommitteeMembers members, Posts posts, NeedToKnow needToKnow, Clock clock) {
        this.records = records;
        this.members = members;
        this.posts = posts;
        this.needToKnow = needToKnow;
        this.clock = clock;
    }

    /** Puts the meeting's record and what the reader may do with it in the model; returns the record. */
    MeetingRecord model(long postId, long meetingId, Model model) {
        Reader reader = needToKnow.requireMember(postId);
        MeetingRecord record = records.record(postId, meetingId);
        Optional<CommitteeMember> seat = members.mySeat(postId);
        boolean chief = reader.has(Role.CHIEF_OF_MISSION);
        boolean inSession = record.meeting().status() == MeetingStatus.IN_SESSION;
        model.addAttribute("post", posts.get(postId));
        model.addAttribute("record", record);
        model.addAttribute("meeting", record.meeting());
        model.addAttribute("seat", seat.orElse(null));
        model.addAttribute("canWrite", seat.isPresent() && inSession);
        model.addAttribute(
                "canAddItems", (seat.isPresent() || chief) && !record.meeting().closed());
        model.addAttribute(
                "canPreside", chief || seat.map(CommitteeMember::chair).orElse(false));
        model.addAttribute("isChief", chief);
        model.addAttribute(
                "markings",
                Arrays.stream(Classification.values())
                        .filter(c -> reader.clearance().dominates(c))
                        .toList());
        model.addAttribute("presences", Presence.values());
        model.addAttribute("votes", Vote.values());
        model.addAttribute("postures", RecommendedPosture.values());
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute(
                "undecidedItems",
                record.agenda().stream().filter(a -> !a.decided()).toList());
        List<Long> decided = record.decisions().stream()
                .map(d -> d.recommendationId())
                .filter(id -> id != null)
                .toList();
        model.addAttribute(
                "decidable",
                record.recommendations().stream()
                        .filter(Recommendation::isFinal)
                        .filter(r -> !decided.contains(r.id()))
                        .toList());
        return record;
    }

    /**
     * Runs a change from a form and redirects to the meeting page with {@code done} as the notice,
     * or with the refusal (bad input naming its field, a closed meeting) as an error.
     */
    static String act(long meetingId, RedirectAttributes redirect, String done, Runnable change) {
        String problem = null;
        try {
            change.run();
        } catch (InvalidInputException | CommitteeConflictException e) {
            problem = e.getMessage();
        }
        return back(meetingId, redirect, done, problem);
    }

    /** Redirects to the meeting page with the notice, or with the problem when there is one. */
    static String back(long meetingId, RedirectAttributes redirect, String done, String problem) {
        redirect.addFlashAttribute(problem == null ? "notice" : "problem", problem == null ? done : problem);
        return "redirect:/committee/meetings/" + meetingId;
    }

    /** A {@code datetime-local} value read in the post's time zone; blank is null unless required. */
    static Instant instant(String field, String text, ZoneId zone, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "is not a date and time such as 2021-08-14T09:00");
        }
    }

    Post post(long postId) {
        return posts.get(postId);
    }
}
