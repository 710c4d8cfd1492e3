package org.muster.notification.sending;

import org.muster.notification.Channel;

/** Runs single sending rounds until a message has nothing queued or being sent (or 60 s pass). */
final class Drain {
    private Drain() {}

    static void email(Sender sender, Queued queued, long message) {
        channel(sender, queued, message, Channel.EMAIL);
    }

    static void channel(Sender sender, Queued queued, long message, Channel channel) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (queued.open(message) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("message " + message + " still has deliveries queued after 60 s");
            }
            if (sender.sendOnce(channel, "test/0") == 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
