package org.muster.posture;

import java.util.ArrayList;
import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/**
 * A post's posture at a glance: what is in force, its clocks, the open crisis (null when none),
 * pending requests and the lead-time warning.
 */
public record PostureView(
        long postId,
        PostureStatus current,
        PostureClocks clocks,
        Crisis crisis,
        List<PostureRequest> pending,
        LeadTimeWarning leadTime)
        implements Marked, Releasable {

    @Override
    public List<?> releasableContent() {
        List<Object> content = new ArrayList<>(List.of(current, clocks, leadTime));
        if (crisis != null) {
            content.add(crisis);
        }
        content.addAll(pending);
        return content;
    }
}
