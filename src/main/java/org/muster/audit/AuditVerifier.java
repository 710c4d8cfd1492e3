package org.muster.audit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain in order, streaming rows so memory stays flat. A row altered in the database
 * no longer matches its hash; a deleted row leaves a gap in {@code seq} or a {@code prev_hash} that
 * points at nothing. The first such link is reported.
 */
@Service
public class AuditVerifier {
    private final JdbcClient jdbc;

    AuditVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        AtomicReference<AuditVerification.Break> broken = new AtomicReference<>();
        long[] state = {0L}; // seq of the previous link
        String[] prevHash = {AuditChain.GENESIS};
        long[] checked = {0L};
        try (var rows = jdbc.sql("select * from audit_entry order by seq").query(AuditLog::entry).stream()) {
            var it = rows.iterator();
            while (it.hasNext() && broken.get() == null) {
                AuditEntry e = it.next();
                if (e.seq() != state[0] + 1) {
                    broken.set(new AuditVerification.Break(
                            state[0] + 1, "entry " + (state[0] + 1) + " is missing (next present is " + e.seq() + ")"));
                } else if (!e.prevHash().equals(prevHash[0])) {
                    broken.set(new AuditVerification.Break(
                            e.seq(), "entry " + e.seq() + " does not link to entry " + state[0] + " before it"));
                } else if (!AuditChain.hash(e).equals(e.hash())) {
                    broken.set(new AuditVerification.Break(
                            e.seq(), "entry " + e.seq() + " was altered after it was written (hash mismatch)"));
                } else {
                    checked[0]++;
                    state[0] = e.seq();
                    prevHash[0] = e.hash();
                }
            }
        }
        return new AuditVerification(checked[0], Optional.ofNullable(broken.get()));
    }
}
