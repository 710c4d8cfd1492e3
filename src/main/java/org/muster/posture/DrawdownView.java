package org.muster.posture;

import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/** A post's drawdown: who must still leave (one page), how many have left, progress and lead time. */
public record DrawdownView(
        long postId, MustLeavePage mustLeave, long departed, DrawdownProgress progress, LeadTimeWarning leadTime)
        implements Marked, Releasable {

    @Override
    public List<?> releasableContent() {
        return List.of(mustLeave, progress, leadTime);
    }
}
