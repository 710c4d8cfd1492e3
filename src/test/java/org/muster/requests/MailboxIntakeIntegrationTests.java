package org.muster.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The requests mailbox read from a real IMAP server (GreenMail): tickets, acknowledgements, no duplicates. */
@MusterIntegrationTest
class MailboxIntakeIntegrationTests {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @Autowired
    TestData data;

    @Autowired
    MailboxIntake mailbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void unseenMailsBecomeTicketsOnceEvenWhenReadAgainAfterACrash() throws Exception {
        Post post = data.post();
        GreenMailUser user = greenMail.setUser("requests@post.example", "requests", "secret");
        user.deliver(
                plain("فرید احمدی", "farid@example.org", "کمک برای خروج", "ما چهار نفر هستیم و به کمک نیاز داریم."));
        user.deliver(alternative("Gul Khan", "gul@example.org", "د وتلو مرسته", "زه په کابل کې یم، څنګه ووځم؟"));
        MailboxSettings settings = settings(post);

        String first = mailbox.poll(settings);
        String second = mailbox.poll(settings);
        markAllUnseen();
        String afterCrash = mailbox.poll(settings);

        assertThat(first).startsWith("2 new tickets, 0 mails already tickets, 0 failed");
        assertThat(second).startsWith("0 new tickets, 0 mails already tickets");
        assertThat(afterCrash)
                .as("mails flagged unseen again (a crash between the commit and the flag) make no new ticket")
                .startsWith("0 new tickets, 2 mails already tickets");
        assertThat(unseen()).isZero();
        List<Map<String, Object>> tickets = jdbc.sql(
                        "select requester_name, email, language, subject, body, channel, queue, status, mail_message_id"
                                + " from ticket where post_id = ? order by id")
                .param(post.id())
                .query()
                .listOfRows();
        assertThat(tickets).hasSize(2);
        assertThat(tickets.get(0))
                .containsEntry("requester_name", "فرید احمدی")
                .containsEntry("email", "farid@example.org")
                .containsEntry("language", "fa-AF")
                .containsEntry("subject", "کمک برای خروج")
                .containsEntry("channel", "MAILBOX")
                .containsEntry("queue", "OTHER")
                .containsEntry("status", "RECEIVED");
        assertThat((String) tickets.get(0).get("body")).contains("ما چهار نفر هستیم");
        assertThat(tickets.get(1))
                .as("the text part of a multipart mail, in Pashto")
                .containsEntry("language", "ps-AF")
                .containsEntry("body", "زه په کابل کې یم، څنګه ووځم؟");
        assertThat((String) tickets.get(0).get("mail_message_id")).startsWith("<");
        assertThat(jdbc.sql(
                                "select d.language || ' ' || d.address from delivery d where d.post_id = ? order by d.address")
                        .param(post.id())
                        .query(String.class)
                        .list())
                .containsExactly("fa-AF farid@example.org", "ps-AF gul@example.org");
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where post_id = ? and actor = 'mailbox' and action = 'ticket.received'")
                        .param(post.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anUnreachableMailboxIsReportedAndWritesNothing() {
        Post post = data.post();
        var settings = new MailboxSettings("127.0.0.1", 1, "nobody", "x", "imap", "INBOX", post.code());

        String outcome = mailbox.poll(settings);

        assertThat(outcome).startsWith("mailbox unreachable");
        assertThat(jdbc.sql("select count(*) from ticket where post_id = ?")
                        .param(post.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static MailboxSettings settings(Post post) {
        return new MailboxSettings(
                "127.0.0.1", greenMail.getImap().getPort(), "requests", "secret", "imap", "INBOX", post.code());
    }

    private static MimeMessage plain(String name, String address, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(address, name, "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, "requests@post.example");
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    private static MimeMessage alternative(String name, String address, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(address, name, "UTF-8"));
        m.setSubject(subject, "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p dir=\"rtl\">" + text + "</p>", "text/html; charset=UTF-8");
        m.setContent(new MimeMultipart("alternative", plain, html));
        m.saveChanges();
        return m;
    }

    private static void markAllUnseen() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                m.setFlag(Flags.Flag.SEEN, false);
            }
            inbox.close(false);
        }
    }

    private static int unseen() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int n = inbox.getUnreadMessageCount();
            inbox.close(false);
            return n;
        }
    }

    private static Store imap() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "requests", "secret");
        return store;
    }
}
