package org.muster.notification;

import java.util.List;

/** A page of a post's messages, newest first, with how many the reader may see in all. */
public record MessagePage(List<MessageSummary> items, int page, int size, long total) {
    public long pages() {
        return (total + size - 1) / size;
    }
}
