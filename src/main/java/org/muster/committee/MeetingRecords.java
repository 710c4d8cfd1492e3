package org.muster.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.shared.Classification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One meeting's whole record as the current reader may see it, for the meeting page and the API.
 * A reader shown anything marked confidential or above leaves a "viewed" audit entry (naming the
 * markings, not the text).
 */
@Service
public class MeetingRecords {
    private final Committee committee;
    private final MeetingMinutes minutes;
    private final Recommendations recommendations;
    private final CommitteeAccess access;
    private final AuditLog audit;

    MeetingRecords(
            Committee committee,
            MeetingMinutes minutes,
            Recommendations recommendations,
            CommitteeAccess access,
            AuditLog audit) {
        this.committee = committee;
        this.minutes = minutes;
        this.recommendations = recommendations;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public MeetingRecord record(long postId, long meetingId) {
        access.requireReader(postId);
        Meeting meeting = committee.meeting(postId, meetingId);
        Minutes shown = minutes.minutes(postId, meetingId);
        Optional<WorstCaseAssessment> assessment = minutes.assessment(postId, meetingId);
        boolean assessmentWithheld =
                assessment.isEmpty() && minutes.stored(postId, meetingId).isPresent();
        MeetingRecord record = new MeetingRecord(
                meeting,
                committee.agenda(postId, meetingId),
                minutes.attendance(postId, meetingId),
                shown,
                assessment.orElse(null),
                assessmentWithheld,
                recommendations.list(postId, meetingId),
                committee.decisions(postId, meetingId));
        if (record.classification().compareTo(Classification.CONFIDENTIAL) >= 0) {
            List<String> marks = new ArrayList<>();
            shown.portions().forEach(p -> marks.add(p.portionMark()));
            assessment.ifPresent(a -> marks.add("assessment " + a.portionMark()));
            audit.viewed(
                    postId,
                    "the record of committee meeting #" + meetingId + " marked "
                            + record.classification().name() + " (" + String.join(" ", marks) + ")");
        }
        return record;
    }
}
