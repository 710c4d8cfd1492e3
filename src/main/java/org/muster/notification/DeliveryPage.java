package org.muster.notification;

import java.util.List;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/** A page (from 0) of a message's deliveries, optionally of one status (null: all), and their total. */
public record DeliveryPage(
        long messageId,
        long postId,
        Classification classification,
        DeliveryStatus filter,
        int page,
        int size,
        long total,
        List<DeliveryRow> rows)
        implements Marked {
    public DeliveryPage {
        rows = List.copyOf(rows);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
