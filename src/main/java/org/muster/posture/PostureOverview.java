package org.muster.posture;

import java.util.List;
import org.springframework.stereotype.Service;

/** Puts a post's posture and drawdown together for a page or an API answer; any member of the post reads them. */
@Service
public class PostureOverview {
    private final Postures postures;
    private final Crises crises;
    private final Drawdown drawdown;
    private final LeadTime leadTime;

    PostureOverview(Postures postures, Crises crises, Drawdown drawdown, LeadTime leadTime) {
        this.postures = postures;
        this.crises = crises;
        this.drawdown = drawdown;
        this.leadTime = leadTime;
    }

    public PostureView posture(long postId) {
        return new PostureView(
                postId,
                postures.current(postId),
                postures.clocks(postId),
                crises.current(postId).orElse(null),
                postures.pending(List.of(postId)),
                leadTime.warning(postId));
    }

    /** The drawdown with page {@code page} (from 0) of the people who must still leave. */
    public DrawdownView drawdown(long postId, int page) {
        return new DrawdownView(
                postId,
                drawdown.mustLeave(postId, page),
                drawdown.departedCount(postId),
                drawdown.progress(postId),
                leadTime.warning(postId));
    }
}
