package org.muster.requests;

import org.muster.shared.InvalidInputException;

/** Which section's work a request is: the consular section's services to citizens, visas, evacuation, or other. */
public enum Queue {
    ACS("American citizen services"),
    VISAS("Visas and special immigrant visas (SIV)"),
    EVACUATION("Evacuation and departure"),
    OTHER("Other");

    private final String label;

    Queue(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a queue's name, ignoring case; {@code field} names the input in the error. */
    public static Queue parse(String field, String text) {
        for (Queue q : values()) {
            if (q.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return q;
            }
        }
        throw new InvalidInputException(field, "choose one of ACS, VISAS, EVACUATION, OTHER");
    }
}
