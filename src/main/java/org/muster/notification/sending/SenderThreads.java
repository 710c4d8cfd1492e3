package org.muster.notification.sending;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.muster.notification.Channel;
import org.muster.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The node's sender threads ({@code muster.notification.senders}). Each loops over the channels,
 * sending a batch of each that has due deliveries. When none had any, the first thread polls every
 * {@code muster.notification.poll-interval} with one indexed query (polling, not LISTEN/NOTIFY, which
 * would need a dedicated connection) and the others wait ten times as long unless a thread that found
 * work wakes them. The first thread also puts expired leases back in the queue every
 * {@code muster.notification.sweep-interval}. The threads start once the application is ready, unless
 * {@code muster.notification.sending.enabled} is false or this is a command-line run; a stop lets each
 * thread finish its batch (up to {@code muster.notification.stop-timeout}), then puts back whatever
 * this node still holds, so a clean stop leaves nothing SENDING.
 */
@Component
class SenderThreads implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SenderThreads.class);

    private final Sender sender;
    private final DeliveryQueue queue;
    private final SendingSettings settings;
    private final Clock clock;
    private final String node;
    private final Object idle = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SenderThreads(Sender sender, DeliveryQueue queue, SendingSettings settings, Clock clock, ClusterJobs jobs) {
        this.sender = sender;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.node = jobs.node();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWhenReady() {
        if (settings.enabled) {
            start();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.senders; i++) {
            int index = i;
            Thread t = new Thread(() -> loop(index), "sender-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        log.info("{} sender threads started on node {}", settings.senders, node);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeAll();
        long deadline = System.nanoTime() + settings.stopTimeout.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.forEach(Thread::interrupt);
        threads.clear();
        int released = queue.release(node + "/", clock.instant());
        if (released > 0) {
            log.warn("Stopping: {} deliveries still being sent were put back in the queue", released);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    private void loop(int index) {
        String claimer = node + "/" + index;
        Channel[] channels = Channel.values();
        long nextSweep = System.nanoTime();
        boolean idleBefore = false;
        while (running) {
            try {
                if (index == 0 && System.nanoTime() - nextSweep >= 0) {
                    int requeued = queue.requeueExpired(clock.instant());
                    if (requeued > 0) {
                        log.warn("{} deliveries whose sender's lease ran out were put back in the queue", requeued);
                    }
                    nextSweep = System.nanoTime() + settings.sweepInterval.toNanos();
                }
                int claimed = 0;
                if (!idleBefore || queue.anyDue(clock.instant())) {
                    for (int c = 0; c < channels.length && running; c++) {
                        claimed += sender.sendOnce(channels[(c + index) % channels.length], claimer);
                    }
                }
                idleBefore = claimed == 0;
                if (idleBefore) {
                    // The first thread watches the queue; the others wait longer unless it wakes them.
                    pause(index == 0 ? settings.pollInterval.toMillis() : settings.pollInterval.toMillis() * 10);
                } else {
                    wakeAll();
                }
            } catch (RuntimeException e) {
                log.warn("Sender {} failed; trying again after a pause", claimer, e);
                pause(settings.pollInterval.toMillis());
            }
        }
    }

    private void wakeAll() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    private void pause(long millis) {
        synchronized (idle) {
            if (running) {
                try {
                    idle.wait(Math.max(1, millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
