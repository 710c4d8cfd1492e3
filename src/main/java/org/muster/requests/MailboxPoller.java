package org.muster.requests;

import java.time.Duration;
import org.muster.shared.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code muster.requests.mailbox.poll-every} (a minute by default), on one node per interval,
 * reads the requests mailbox into tickets. Does nothing while {@code muster.requests.mailbox.host}
 * is unset.
 */
@Component
class MailboxPoller {
    static final String JOB = "requests-mailbox";

    private final ClusterJobs jobs;
    private final MailboxIntake mailbox;
    private final MailboxSettings settings;
    private final Duration interval;

    MailboxPoller(
            ClusterJobs jobs,
            MailboxIntake mailbox,
            @Value("${muster.requests.mailbox.poll-every:PT1M}") Duration interval,
            @Value("${muster.requests.mailbox.host:}") String host,
            @Value("${muster.requests.mailbox.port:993}") int port,
            @Value("${muster.requests.mailbox.username:}") String username,
            @Value("${muster.requests.mailbox.password:}") String password,
            @Value("${muster.requests.mailbox.protocol:imaps}") String protocol,
            @Value("${muster.requests.mailbox.folder:INBOX}") String folder,
            @Value("${muster.requests.mailbox.post:}") String post) {
        this.jobs = jobs;
        this.mailbox = mailbox;
        this.interval = interval;
        this.settings = new MailboxSettings(host, port, username, password, protocol, folder, post);
    }

    @Scheduled(
            fixedRateString = "${muster.requests.mailbox.poll-every:PT1M}",
            initialDelayString = "${muster.requests.mailbox.initial-delay:PT20S}")
    void poll() {
        if (settings.enabled()) {
            jobs.runOncePerSlot(JOB, interval, () -> mailbox.poll(settings));
        }
    }
}
