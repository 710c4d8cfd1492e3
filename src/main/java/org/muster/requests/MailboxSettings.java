package org.muster.requests;

/**
 * The requests mailbox ({@code muster.requests.mailbox.*}): an IMAP server, its account, the folder
 * to read and the post whose tickets its mails become. Without a host the mailbox is not read.
 */
record MailboxSettings(
        String host, int port, String username, String password, String protocol, String folder, String post) {
    MailboxSettings {
        protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol.strip();
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        if (!protocol.equals("imap") && !protocol.equals("imaps")) {
            throw new IllegalArgumentException(
                    "muster.requests.mailbox.protocol must be imap or imaps, not " + protocol);
        }
    }

    boolean enabled() {
        return host != null && !host.isBlank();
    }
}
