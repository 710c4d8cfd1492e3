package org.muster.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.muster.shared.Marked;

/**
 * What became of a batch: how many check-ins it held ({@code received}), how many were new and
 * stored ({@code recorded}), how many were retries of stored ones ({@code replayed}; unchanged), and
 * for how many people one of them became the current status ({@code applied}).
 */
public record CheckInBatchResult(
        @JsonIgnore long postId, long rollCallId, int received, int recorded, int replayed, int applied)
        implements Marked {}
