package org.muster.taskforce;

import java.util.List;
import org.muster.decisionpoints.Crossing;
import org.muster.people.PostTotals;
import org.muster.posts.Post;
import org.muster.posture.PostureClocks;
import org.muster.posture.PostureRequest;
import org.muster.posture.PostureStatus;
import org.muster.security.Releasable;

/**
 * One post on the task force's page: its posture and clocks, its head-count, its undecided crossings
 * (the first few, overdue first, with the full counts) and its requests waiting for a decision.
 */
public record PostOverview(
        Post post,
        PostureStatus posture,
        PostureClocks clocks,
        PostTotals totals,
        int undecided,
        int overdue,
        List<Crossing> firstCrossings,
        List<PostureRequest> pending)
        implements Releasable {

    /** Needs attention first: overdue deadlines, then pending approvals, then an overdue review or the 180-day limit. */
    int urgency() {
        return overdue * 1000 + pending.size() * 100 + (clocks.reviewOverdue() || clocks.limitReached() ? 10 : 0);
    }

    @Override
    public List<?> releasableContent() {
        var content = new java.util.ArrayList<Object>();
        content.add(post);
        content.add(posture);
        content.add(clocks);
        content.add(totals);
        content.addAll(firstCrossings);
        content.addAll(pending);
        return content;
    }
}
