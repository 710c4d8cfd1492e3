package org.muster.notification;

import java.util.List;

/** A page of a message's deliveries, filtered by status (null: all), with the total that match. */
public record DeliveryPage(List<DeliveryRow> items, DeliveryStatus status, int page, int size, long total) {
    public long pages() {
        return (total + size - 1) / size;
    }
}
