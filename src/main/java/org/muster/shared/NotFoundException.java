package org.muster.shared;

/** The thing asked for does not exist, or the reader may not know that it does. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
