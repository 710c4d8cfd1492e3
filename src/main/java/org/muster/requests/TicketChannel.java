package org.muster.requests;

/** How a request reached the post: the public intake form or the mailbox. */
public enum TicketChannel {
    FORM("Intake form"),
    MAILBOX("Mailbox");

    private final String label;

    TicketChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
