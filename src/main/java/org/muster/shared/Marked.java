package org.muster.shared;

/**
 * Content that belongs to one post and carries a classification marking. Every such object that
 * leaves Muster through a page, an API response or an export passes the need-to-know check.
 */
public interface Marked {
    long postId();

    default Classification classification() {
        return Classification.UNCLASSIFIED;
    }
}
