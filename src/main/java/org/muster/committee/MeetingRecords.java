package org.muster.committee;

import java.util.List;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.shared.Classification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One meeting's whole record as the current reader may see it, for the meeting page and the API.
 * A reader shown anything marked confidential or above leaves a "viewed" audit entry (naming the
 * marking and what was shown, never the text).
 */
@Service
public class MeetingRecords {
    private final Committee committee;
    private final MeetingMinutes minutes;
    private final Recommendations recommendations;
    private final CommitteeAccess access;
    private final CommitteeRows rows;
    private final AuditLog audit;

    MeetingRecords(
            Committee committee,
            MeetingMinutes minutes,
            Recommendations recommendations,
            CommitteeAccess access,
            CommitteeRows rows,
            AuditLog audit) {
        this.committee = committee;
        this.minutes = minutes;
        this.recommendations = recommendations;
        this.access = access;
        this.rows = rows;
        this.audit = audit;
    }

    @Transactional
    public MeetingRecord record(long postId, long meetingId) {
        access.requireReader(postId);
        Meeting meeting = committee.meeting(postId, meetingId);
        List<AgendaEntry> agenda = committee.agenda(postId, meetingId);
        Minutes shown = minutes.minutes(postId, meetingId);
        Optional<WorstCaseAssessment> assessment = minutes.assessment(postId, meetingId);
        MeetingRecord record = new MeetingRecord(
                meeting,
                agenda,
                rows.agenda(postId, meetingId).size() - agenda.size(),
                minutes.attendance(postId, meetingId),
                shown,
                assessment.orElse(null),
                assessment.isEmpty() && minutes.stored(postId, meetingId).isPresent(),
                recommendations.list(postId, meetingId),
                committee.decisions(postId, meetingId));
        if (record.classification().compareTo(Classification.CONFIDENTIAL) >= 0) {
            audit.viewed(
                    postId,
                    "the record of committee meeting #" + meetingId + " marked "
                            + record.classification().name()
                            + ": " + agenda.size() + " agenda items, "
                            + shown.portions().size()
                            + " portions of minutes" + (assessment.isPresent() ? ", the worst-case assessment" : ""));
        }
        return record;
    }
}
