package org.muster.posture;

import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;
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
        return page(postId, page).drawdown();
    }

    /** Both at once, with page {@code page} of the people who must still leave (each figure counted once). */
    public PosturePage page(long postId, int page) {
        MustLeavePage mustLeave = drawdown.mustLeave(postId, page);
        LeadTimeWarning warning = leadTime.warning(postId, mustLeave.posture(), mustLeave.total());
        PostureView view = new PostureView(
                postId,
                mustLeave.posture(),
                postures.clocks(postId),
                crises.current(postId).orElse(null),
                postures.pending(List.of(postId)),
                warning);
        return new PosturePage(
                view,
                new DrawdownView(
                        postId, mustLeave, drawdown.departedCount(postId), drawdown.progress(postId), warning));
    }

    /** A post's posture and drawdown together, for its page. */
    public record PosturePage(PostureView posture, DrawdownView drawdown) implements Marked, Releasable {
        @Override
        public long postId() {
            return posture.postId();
        }

        @Override
        public List<?> releasableContent() {
            return List.of(posture, drawdown);
        }
    }
}
