package org.muster.posts;

import java.time.ZoneId;
import org.muster.shared.Marked;

/** An embassy or consulate. A post is itself unclassified content of that post. */
public record Post(long id, String code, String name, PostKind kind, String country, ZoneId timeZone)
        implements Marked {
    @Override
    public long postId() {
        return id;
    }
}
