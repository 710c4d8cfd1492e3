package org.muster.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs scheduled work once per time slot across every node that shares the database. A node claims
 * the slot by inserting {@code (job, slot)} into {@code job_run}; a second node inserting the same
 * row waits on the first one's transaction and then finds the slot taken. The work runs inside the
 * claiming transaction, so a node that dies mid-run releases the slot for another node to take.
 */
@Component
public class ClusterJobs {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node;

    ClusterJobs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = UUID.randomUUID().toString().substring(0, 8);
    }

    /** This process's node name, as recorded in {@code job_run}. */
    public String node() {
        return node;
    }

    /** The slot that {@code now} falls in, for a job repeating every {@code period}. */
    public static Instant slot(Instant now, Duration period) {
        long ms = period.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), ms) * ms);
    }

    /**
     * Runs {@code work} if no node has yet run {@code job} in the current slot of {@code period};
     * returns whether this node ran it. {@code work} returns a short outcome kept with the run.
     */
    @Transactional
    public boolean runOncePerSlot(String job, Duration period, java.util.function.Supplier<String> work) {
        Instant now = clock.instant();
        OffsetDateTime slot = OffsetDateTime.ofInstant(slot(now, period), ZoneOffset.UTC);
        int claimed = jdbc.sql("insert into job_run (job, slot, node, started_at) values (?, ?, ?, ?)"
                        + " on conflict (job, slot) do nothing")
                .params(job, slot, node, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        if (claimed == 0) {
            return false;
        }
        String outcome = work.get();
        jdbc.sql("update job_run set outcome = ? where job = ? and slot = ?")
                .params(outcome, job, slot)
                .update();
        return true;
    }
}
