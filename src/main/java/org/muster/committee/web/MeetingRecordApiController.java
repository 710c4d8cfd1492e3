package org.muster.committee.web;

import org.muster.committee.Attendance;
import org.muster.committee.MeetingMinutes;
import org.muster.committee.MinutePortion;
import org.muster.committee.Presence;
import org.muster.committee.Recommendation;
import org.muster.committee.Recommendations;
import org.muster.committee.RecommendedPosture;
import org.muster.committee.Vote;
import org.muster.committee.WorstCaseAssessment;
import org.muster.posts.Posts;
import org.muster.shared.Classification;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A meeting's record over the API: attendance, minutes portions, the worst-case assessment, recommendations and votes. */
@RestController
@RequestMapping("/api/v1/posts/{code}/committee/meetings/{id}")
class MeetingRecordApiController extends CommitteeApiSupport {
    private final MeetingMinutes minutes;
    private final Recommendations recommendations;

    MeetingRecordApiController(Posts posts, MeetingMinutes minutes, Recommendations recommendations) {
        super(posts);
        this.minutes = minutes;
        this.recommendations = recommendations;
    }

    record AttendanceForm(String presence) {}

    /** {@code classification} takes a name or a portion mark (U, SBU, C, S). */
    record MarkedTextForm(String classification, String text) {}

    record RecommendationForm(String text, String posture) {}

    record VoteForm(String vote, String dissent) {}

    @PutMapping("/attendance/{username}")
    Attendance attendance(
            @PathVariable String code,
            @PathVariable long id,
            @PathVariable String username,
            @RequestBody AttendanceForm form) {
        return minutes.recordAttendance(postId(code), id, username, Presence.parse("presence", form.presence()));
    }

    @PostMapping("/minutes")
    MinutePortion addPortion(@PathVariable String code, @PathVariable long id, @RequestBody MarkedTextForm form) {
        return minutes.addPortion(postId(code), id, Classification.parse(form.classification()), form.text());
    }

    @PutMapping("/worst-case")
    WorstCaseAssessment assess(@PathVariable String code, @PathVariable long id, @RequestBody MarkedTextForm form) {
        return minutes.assess(postId(code), id, Classification.parse(form.classification()), form.text());
    }

    @PostMapping("/recommendations")
    Recommendation propose(@PathVariable String code, @PathVariable long id, @RequestBody RecommendationForm form) {
        return recommendations.propose(
                postId(code), id, form.text(), RecommendedPosture.parseOptional("posture", form.posture()));
    }

    /** The caller's own vote: one per member, changeable until the recommendation is final. */
    @PutMapping("/recommendations/{rid}/vote")
    Recommendation vote(
            @PathVariable String code, @PathVariable long id, @PathVariable long rid, @RequestBody VoteForm form) {
        long postId = postId(code);
        recommendations.get(postId, id, rid);
        return recommendations.vote(postId, rid, Vote.parse("vote", form.vote()), form.dissent());
    }

    @PostMapping("/recommendations/{rid}/finalise")
    Recommendation finalise(@PathVariable String code, @PathVariable long id, @PathVariable long rid) {
        long postId = postId(code);
        recommendations.get(postId, id, rid);
        return recommendations.finalise(postId, rid);
    }
}
