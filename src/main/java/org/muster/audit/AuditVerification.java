package org.muster.audit;

import java.util.Optional;

/** The result of walking the chain: how many links held, and the first one that did not. */
public record AuditVerification(long checked, Optional<Break> firstBreak) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** Where the chain breaks and why, in words an auditor can act on. */
    public record Break(long seq, String reason) {}
}
