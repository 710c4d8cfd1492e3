package org.muster.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code muster.demo=true}, what is under way at the demo embassy when someone first signs in:
 * its roll-call ({@link DemoRollCall}) and its two messages ({@link DemoMessages}). They start
 * {@link #DELAY} after the server is ready, on a thread of their own, so that the first pages are
 * served before the work they bring (check-ins, thousands of deliveries for the senders) competes for
 * the processor. In one transaction serialised between nodes starting together; each part is skipped
 * when Kabul already has it, so a restart changes nothing. A server stopped before the delay runs out
 * starts none of it; one stopped while the transaction runs lets it finish before the connections close.
 */
@Component
class DemoUnderWay implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DemoUnderWay.class);
    static final Duration DELAY = Duration.ofSeconds(2);
    /** How long stopping the server waits for the transaction under way (it takes seconds). */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final DemoRollCall rollCall;
    private final DemoMessages messages;
    private final Posts posts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();

    DemoUnderWay(
            DemoRollCall rollCall,
            DemoMessages messages,
            Posts posts,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Value("${muster.demo:false}") boolean enabled) {
        this.rollCall = rollCall;
        this.messages = messages;
        this.posts = posts;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled || stopping.getCount() == 0 || !started.compareAndSet(false, true)) {
            return;
        }
        Thread job = new Thread(this::startAfterDelay, "demo-under-way");
        job.setDaemon(true);
        job.start();
    }

    /** Waits until this node's demo work after start-up has finished (or failed); for tests. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void startAfterDelay() {
        try {
            if (stopping.await(DELAY.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("The server is stopping: the demo's roll-call and messages were not started");
                return;
            }
            applyUnlessThere();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The demo's roll-call and messages were not started: {}", e.getMessage(), e);
        } finally {
            done.countDown();
        }
    }

    /** The server is stopping: nothing starts after this, and what has started finishes first. */
    @Override
    public void destroy() throws InterruptedException {
        stopping.countDown();
        if (started.get() && !done.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Stopping without waiting any longer for the demo's roll-call and messages to be started");
        }
    }

    /** Starts the roll-call and sends the messages at Kabul, each unless it is already there; whether it did anything. */
    boolean applyUnlessThere() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('muster demo under way'))")
                    .query((rs, n) -> 1)
                    .list();
            boolean applied = false;
            Post kbl = posts.findByCode("KBL").orElse(null);
            if (kbl != null && !rollCall.isThere(kbl)) {
                rollCall.apply(kbl);
                log.info("Started the demo roll-call at KBL");
                applied = true;
            }
            if (kbl != null && !messages.isThere(kbl)) {
                messages.apply(kbl);
                log.info("Sent the demo messages at KBL");
                applied = true;
            }
            return applied;
        }));
    }
}
