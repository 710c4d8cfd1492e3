package org.muster.notification.sending;

import java.util.List;
import org.muster.notification.Channel;

/**
 * The senders' channel SPI: hands a batch of claimed deliveries of one channel to the outside world
 * and says, per delivery, what became of it. Called outside any transaction, by several sender
 * threads at once (implementations are thread-safe). A batch is at most {@code muster.notification.batch}
 * deliveries and must be done well within the lease ({@code muster.notification.lease}); a result
 * missing for a delivery counts as a retryable failure. A channel must not throw for one bad
 * delivery: it reports that delivery's failure and sends the rest.
 */
public interface DeliveryChannel {
    /** The channel this implementation serves; exactly one implementation per channel. */
    Channel kind();

    /** Sends the batch; one result per delivery, in any order. */
    List<SendResult> send(List<OutgoingDelivery> batch);
}
