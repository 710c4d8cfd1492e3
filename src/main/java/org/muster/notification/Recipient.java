package org.muster.notification;

import java.util.Objects;

/**
 * One delivery to queue: a person (null only for addresses outside the register, such as the bench's
 * or a mailbox's), the channel, the address on that channel (null for in-app notices) and the
 * language the person reads.
 */
public record Recipient(Long personId, Channel channel, String address, Language language) {
    public Recipient {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        if (channel == Channel.IN_APP ? personId == null : address == null || address.isBlank()) {
            throw new IllegalArgumentException(
                    channel == Channel.IN_APP
                            ? "an in-app notice needs a person"
                            : "a " + channel.label() + " delivery needs an address");
        }
    }
}
