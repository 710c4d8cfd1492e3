package org.muster.audit;

import java.time.Duration;
import org.muster.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole audit chain every {@code muster.audit.watch-interval} (10 minutes by default),
 * on one node per interval, and records the outcome in the chain itself; a broken chain is logged
 * as an error with the first broken link.
 */
@Component
class AuditChainWatch {
    private static final Logger log = LoggerFactory.getLogger(AuditChainWatch.class);
    static final String JOB = "audit-verify";

    private final ClusterJobs jobs;
    private final AuditVerifier verifier;
    private final AuditLog audit;
    private final Duration interval;

    AuditChainWatch(
            ClusterJobs jobs,
            AuditVerifier verifier,
            AuditLog audit,
            @Value("${muster.audit.watch-interval:PT10M}") Duration interval) {
        this.jobs = jobs;
        this.verifier = verifier;
        this.audit = audit;
        this.interval = interval;
    }

    @Scheduled(
            fixedRateString = "${muster.audit.watch-interval:PT10M}",
            initialDelayString = "${muster.audit.watch-initial-delay:PT1M}")
    void verifyChain() {
        jobs.runOncePerSlot(JOB, interval, () -> {
            AuditVerification result = verifier.verify();
            if (result.intact()) {
                audit.recordAs(
                        "system",
                        "audit.verified",
                        null,
                        result.checked() + " entries verified on node " + jobs.node());
                return "intact: " + result.checked();
            }
            String reason = result.firstBreak().orElseThrow().reason();
            log.error("Audit chain broken: {}", reason);
            audit.recordAs("system", "audit.broken", null, "chain check failed: " + reason);
            return "broken: " + reason;
        });
    }
}
