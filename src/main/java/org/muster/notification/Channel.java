package org.muster.notification;

/** How a delivery reaches its recipient. E-mail and SMS leave Muster; in-app notices do not. */
public enum Channel {
    EMAIL("E-mail", true),
    SMS("SMS", true),
    IN_APP("In-app notice", false);

    private final String label;
    private final boolean external;

    Channel(String label, boolean external) {
        this.label = label;
        this.external = external;
    }

    public String label() {
        return label;
    }

    /** True for channels that leave Muster: they may carry only unclassified content. */
    public boolean external() {
        return external;
    }
}
