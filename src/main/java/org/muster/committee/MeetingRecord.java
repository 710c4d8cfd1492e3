package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * Everything about one meeting that one reader may see: agenda (items above their clearance
 * counted in {@code agendaWithheld}), attendance, the minutes cut to
 * their clearance, the worst-case assessment (null when there is none, or when it is above their
 * clearance: then {@code worstCaseWithheld}), recommendations with votes and dissent, decisions.
 * {@code classification} is the highest marking shown, for the page's banner.
 */
public record MeetingRecord(
        Meeting meeting,
        List<AgendaEntry> agenda,
        int agendaWithheld,
        List<Attendance> attendance,
        Minutes minutes,
        WorstCaseAssessment worstCase,
        boolean worstCaseWithheld,
        List<Recommendation> recommendations,
        List<Decision> decisions)
        implements Marked, Releasable {

    @Override
    @JsonIgnore
    public long postId() {
        return meeting.postId();
    }

    @Override
    @JsonProperty
    public Classification classification() {
        List<Marked> shown = new ArrayList<>(minutes.portions());
        shown.addAll(agenda);
        if (worstCase != null) {
            shown.add(worstCase);
        }
        return Minutes.highest(shown);
    }

    @Override
    public List<?> releasableContent() {
        List<Object> content = new ArrayList<>();
        content.add(meeting);
        content.addAll(agenda);
        content.addAll(attendance);
        content.add(minutes);
        if (worstCase != null) {
            content.add(worstCase);
        }
        content.addAll(recommendations);
        content.addAll(decisions);
        return content;
    }

    /** Whether anything on the record is above what this reader may see. */
    @JsonProperty
    public boolean anythingWithheld() {
        return agendaWithheld > 0 || minutes.withheld() > 0 || worstCaseWithheld;
    }
}
