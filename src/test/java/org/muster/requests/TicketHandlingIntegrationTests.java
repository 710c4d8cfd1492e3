package org.muster.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.muster.requests.RequestsTestSupport.request;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.Pagination;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.posture.MovableClock;
import org.muster.posture.PostureIntegrationTest;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Staff handling tickets: the list's order and filters, the first reading, owner, queue and status
 * changes with notes, who is refused, and the alert for tickets unread for 24 hours (the clock moves).
 */
@PostureIntegrationTest
class TicketHandlingIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    Intake intake;

    @Autowired
    Tickets tickets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aConsularOfficerFindsUnreadFirstOpensAndHandlesATicket() {
        Post post = data.post();
        String consular = data.user(Role.CONSULAR, Classification.SBU, post);
        String management = data.user(Role.MANAGEMENT, Classification.SBU, post);
        String warden = data.user(Role.WARDEN, Classification.UNCLASSIFIED, post);
        Receipt oldest = intake.submit(post.code(), request("en-US", "a@example.org", null));
        clock.advance(Duration.ofMinutes(5));
        Receipt middle = intake.submit(post.code(), request("fa-AF", "b@example.org", null));
        clock.advance(Duration.ofMinutes(5));
        Receipt newest = intake.submit(post.code(), request("ps-AF", null, "+93 700 000 002"));
        long middleId = id(middle);

        TicketView opened = data.as(consular, () -> tickets.open(post.id(), middleId));
        data.as(consular, () -> tickets.open(post.id(), middleId));
        data.as(management, () -> tickets.open(post.id(), middleId));
        TicketPage all = data.as(consular, () -> tickets.list(post.id(), TicketFilter.all()));
        TicketPage unread =
                data.as(consular, () -> tickets.list(post.id(), new TicketFilter(null, null, null, true, 0)));

        assertThat(opened.ticket().firstReadAt()).isNotNull();
        assertThat(opened.ticket().firstReadBy()).isEqualTo("Test " + consular);
        assertThat(all.tickets())
                .extracting(Ticket::reference)
                .as("unread first, oldest first")
                .containsExactly(oldest.reference(), newest.reference(), middle.reference());
        assertThat(unread.total()).isEqualTo(2);
        assertThat(kinds(middleId)).as("only the first opening is recorded").containsExactly("RECEIVED", "READ");
        assertThat(auditCount(post, "ticket.read")).isEqualTo(1);

        TicketView handled = data.as(
                consular,
                () -> tickets.update(
                        post.id(),
                        middleId,
                        new TicketChange(consular, "VISAS", "IN_REVIEW", "Called back; SIV case")));
        TicketPage mine = data.as(
                consular,
                () -> tickets.list(
                        post.id(), new TicketFilter(Queue.VISAS, TicketStatus.IN_REVIEW, consular, false, 0)));
        TicketPage unowned =
                data.as(consular, () -> tickets.list(post.id(), new TicketFilter(null, null, "none", false, 0)));

        assertThat(handled.ticket().ownerName()).isEqualTo("Test " + consular);
        assertThat(handled.ticket().status()).isEqualTo(TicketStatus.IN_REVIEW);
        assertThat(handled.history())
                .extracting(e -> e.kind() + ":" + e.fromValue() + ">" + e.toValue() + ":" + e.note())
                .containsExactly(
                        "RECEIVED:null>RECEIVED:by Intake form",
                        "READ:null>null:null",
                        "OWNER:null>" + consular + ":null",
                        "QUEUE:ACS>VISAS:null",
                        "STATUS:RECEIVED>IN_REVIEW:Called back; SIV case");
        assertThat(mine.tickets()).extracting(Ticket::id).containsExactly(middleId);
        assertThat(unowned.total()).isEqualTo(2);
        assertThat(auditCount(post, "ticket.updated")).isEqualTo(1);

        assertThatThrownBy(() -> data.as(
                        consular,
                        () -> tickets.update(post.id(), middleId, new TicketChange(null, null, "RECEIVED", null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("status:");
        assertThatThrownBy(() -> data.as(
                        consular,
                        () -> tickets.update(post.id(), middleId, new TicketChange(warden, null, null, null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("owner:");
        assertThatThrownBy(() -> data.as(
                        consular, () -> tickets.update(post.id(), middleId, new TicketChange(null, null, null, " "))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("note:");
        assertThat(kinds(middleId)).hasSize(5);
        assertThatThrownBy(() -> jdbc.sql("update ticket_event set note = 'x' where ticket_id = ?")
                        .param(middleId)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aWardenAndAMemberOfAnotherPostAreRefused() {
        Post post = data.post();
        Post other = data.post();
        String warden = data.user(Role.WARDEN, Classification.SECRET, post);
        String stranger = data.user(Role.CONSULAR, Classification.SECRET, other);
        long id = id(intake.submit(post.code(), request("en-US", "a@example.org", null)));
        SignedInClient wardenClient = signedIn(warden);

        assertThatThrownBy(() -> data.as(warden, () -> tickets.list(post.id(), TicketFilter.all())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as(warden, () -> tickets.open(post.id(), id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as(stranger, () -> tickets.open(post.id(), id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as(stranger, () -> tickets.unreadAlert(post.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(wardenClient.get("/requests").statusCode()).isEqualTo(403);
        assertThat(wardenClient.get("/requests/" + id).statusCode()).isEqualTo(403);
        assertThat(wardenClient.get("/requests/card").body()).isBlank();
        assertThat(wardenClient.get("/").body()).doesNotContain("href=\"/requests\"");
        assertThat(signedIn(stranger).get("/requests/" + id).statusCode())
                .as("their own post has no such ticket")
                .isEqualTo(404);
        assertThat(jdbc.sql("select first_read_at is null from ticket where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .as("refused readers leave no trace of reading")
                .isTrue();
    }

    @Test
    void ticketsUnreadFor24HoursRaiseTheDashboardAlertUntilOpened() {
        Post post = data.post();
        String consular = data.user(Role.CONSULAR, Classification.SBU, post);
        Receipt first = intake.submit(post.code(), request("en-US", "a@example.org", null));
        clock.advance(Duration.ofHours(23));
        intake.submit(post.code(), request("en-US", "b@example.org", null));

        UnreadAlert notYet = data.as(consular, () -> tickets.unreadAlert(post.id()));
        String quietCard = signedIn(consular).get("/requests/card").body();
        clock.advance(Duration.ofHours(2));
        UnreadAlert raised = data.as(consular, () -> tickets.unreadAlert(post.id()));
        SignedInClient client = signedIn(consular);
        String card = client.get("/requests/card").body();
        String dashboard = client.get("/").body();

        assertThat(notYet.raised()).isFalse();
        assertThat(quietCard).isBlank();
        assertThat(raised.count()).isEqualTo(1);
        assertThat(raised.oldestReceivedAt().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(first.receivedAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(card)
                .contains("data-testid=\"requests-alert\"")
                .contains("1 request")
                .contains("1 d 1 h ago")
                .contains("href=\"/requests?unread=true\"");
        assertThat(dashboard).contains("hx-get=\"/requests/card\"");

        data.as(consular, () -> tickets.open(post.id(), id(first)));
        assertThat(data.as(consular, () -> tickets.unreadAlert(post.id())).raised())
                .isFalse();
        assertThat(client.get("/requests/card").body()).isBlank();
    }

    @Test
    void theListIsPagedKeepingTheFilterInForce() {
        Post post = data.post();
        String consular = data.user(Role.CONSULAR, Classification.SBU, post);
        for (int i = 0; i < Tickets.PAGE_SIZE + 1; i++) {
            intake.submit(post.code(), request("en-US", "page-" + i + "@example.org", null));
        }
        intake.submit(
                post.code(),
                new NewRequest("Farid Ahmadi", null, "+93 700 000 003", "en-US", "EVACUATION", "Road closed", "When?"));
        SignedInClient client = signedIn(consular);

        Pagination first = Pagination.of(client.get("/requests?queue=ACS").body());
        String second = client.get(first.next()).body();

        assertThat(first)
                .isEqualTo(new Pagination(
                        "Pages of requests",
                        null,
                        null,
                        "1 of 2",
                        "/requests?queue=ACS&status=&owner=&unread=false&page=1",
                        "Next"));
        assertThat(Pagination.of(second))
                .isEqualTo(new Pagination(
                        "Pages of requests",
                        "/requests?queue=ACS&status=&owner=&unread=false&page=0",
                        "Previous",
                        "2 of 2",
                        null,
                        null));
        assertThat(second.split("Passport lost", -1))
                .as("one ACS ticket on the second page")
                .hasSize(2);
        assertThat(second).doesNotContain("Road closed");
    }

    private long id(Receipt receipt) {
        return jdbc.sql("select id from ticket where reference = ?")
                .param(receipt.reference())
                .query(Long.class)
                .single();
    }

    private java.util.List<String> kinds(long ticketId) {
        return jdbc.sql("select kind from ticket_event where ticket_id = ? order by id")
                .param(ticketId)
                .query(String.class)
                .list();
    }

    private long auditCount(Post post, String action) {
        return jdbc.sql("select count(*) from audit_entry where post_id = ? and action = ?")
                .params(post.id(), action)
                .query(Long.class)
                .single();
    }

    private SignedInClient signedIn(String username) {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(username, TestData.PASSWORD);
        return client;
    }
}
