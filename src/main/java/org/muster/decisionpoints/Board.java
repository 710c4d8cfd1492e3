package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.muster.security.Releasable;

/**
 * The decision board of a post at an instant: now ({@code asOf} null), or the end of a past date in
 * the post's time zone, computed from the observations observed up to then without writing anything.
 * {@code version} is the post's set version shown (the current one, also for a past date).
 */
public record Board(
        @JsonIgnore long postId, LocalDate asOf, Instant at, int version, List<String> assumptions, List<BoardRow> rows)
        implements Releasable {
    public static final int TREND_DAYS = 30;

    @Override
    public List<?> releasableContent() {
        return rows;
    }
}
