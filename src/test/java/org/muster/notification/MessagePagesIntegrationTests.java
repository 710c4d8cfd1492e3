package org.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.Pagination;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The message pages over HTTP: who gets them, refusals that write nothing, and the dashboard card. */
@MusterIntegrationTest
class MessagePagesIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    MessageFixture fixture;

    @Autowired
    Messages messages;

    @Autowired
    Outbox outbox;

    @Test
    void refusedRolesGet403FromTheComposePageAndSendingAndNothingIsWritten() {
        var r = fixture.register();
        long before = fixture.written(r.post());
        for (Role role : new Role[] {Role.GATE, Role.VIEWER, Role.COMMITTEE_MEMBER, Role.TASK_FORCE}) {
            SignedInClient client = signedIn(fixture.user(role, Classification.SECRET, r.post()));
            assertThat(client.get("/messages/new").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(client.get("/messages").statusCode())
                    .as(role + " reads the list")
                    .isEqualTo(200);
            var sent = client.postForm(
                    "/messages",
                    Map.of(
                            "subjectEn",
                            "Hello",
                            "bodyEn",
                            "Text",
                            "channels",
                            "IN_APP",
                            "audience",
                            "POST",
                            "confirm",
                            "true"));
            assertThat(sent.statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(fixture.written(r.post())).isEqualTo(before);
    }

    @Test
    void markedContentOnAnExternalChannelIsRefusedNamingChannelsAndNothingIsWritten() {
        var r = fixture.register();
        SignedInClient consular = signedIn(fixture.user(Role.CONSULAR, Classification.SECRET, r.post()));
        long before = fixture.written(r.post());

        var preview = consular.postForm(
                "/messages/preview",
                Map.of(
                        "subjectEn",
                        "Hello",
                        "bodyEn",
                        "Text",
                        "channels",
                        "EMAIL",
                        "audience",
                        "POST",
                        "classification",
                        "CONFIDENTIAL"));
        var sent = consular.postForm(
                "/messages",
                Map.of(
                        "subjectEn",
                        "Hello",
                        "bodyEn",
                        "Text",
                        "channels",
                        "SMS",
                        "audience",
                        "POST",
                        "classification",
                        "SBU",
                        "confirm",
                        "true"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("data-testid=\"problems\"")
                .contains("<strong>channels</strong>: <span>content marked CONFIDENTIAL may go only to in-app notices");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body())
                .contains("data-testid=\"field-error\"")
                .contains("<strong>channels</strong>: <span>content marked SBU may go only to in-app notices")
                .contains("id=\"channel-SMS\"");
        assertThat(fixture.written(r.post())).isEqualTo(before);
    }

    @Test
    void sendingFromTheFormNeedsTheConfirmationThenOpensTheMessagePage() {
        var r = fixture.register();
        SignedInClient consular = signedIn(fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post()));
        Map<String, String> form = Map.of(
                "subjectEn",
                "Water distribution",
                "bodyEn",
                "At the compound gate at 10:00. {link}",
                "subjectFa",
                "توزیع آب",
                "bodyFa",
                "در دروازه مجتمع ساعت ۱۰:۰۰. {link}",
                "channels",
                "IN_APP",
                "audience",
                "LOCATIONS",
                "locations",
                "Karte Se");
        long before = fixture.written(r.post());

        var unconfirmed = consular.postForm("/messages", form);
        assertThat(unconfirmed.body()).contains("<strong>confirm</strong>");
        assertThat(fixture.written(r.post())).isEqualTo(before);
        var confirmed = consular.postForm("/messages", with(form, "confirm", "true"));
        String location = confirmed.headers().firstValue("Location").orElseThrow();
        var page = consular.get(location.replaceFirst("^https?://[^/]+", ""));

        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(page.body())
                .contains("locations Karte Se")
                .contains("lang=\"fa-AF\" dir=\"rtl\"")
                .contains("توزیع آب")
                .contains("Baker, Bob")
                .contains("Cyrus, Cyrus");
        assertThat(consular.get("/messages").body()).contains("Water distribution");
        assertThat(consular.get("/messages/card").body())
                .contains("data-testid=\"citizen-messages\">1<")
                .contains("data-testid=\"citizen-recipients\">1<");
    }

    @Test
    void aTemplateIsSavedForThePostNamingTheFieldItRefuses() {
        var r = fixture.register();
        SignedInClient management = signedIn(fixture.user(Role.MANAGEMENT, Classification.UNCLASSIFIED, r.post()));

        var noEnglish = management.postForm(
                "/messages/templates", Map.of("name", "Curfew", "subjectFa", "منع گشت و گذار", "bodyFa", "متن"));
        var halfPashto = management.postForm(
                "/messages/templates",
                Map.of("name", "Curfew", "subjectEn", "Curfew", "bodyEn", "Stay in.", "subjectPs", "قرنطین"));
        var saved = management.postForm(
                "/messages/templates",
                Map.of(
                        "name",
                        "Curfew",
                        "subjectEn",
                        "Curfew tonight",
                        "bodyEn",
                        "Stay in after 20:00. {link}",
                        "subjectPs",
                        "د شپې بندیز",
                        "bodyPs",
                        "له ۲۰:۰۰ وروسته په کور کې پاتې شئ. {link}"));
        var compose = management.get("/messages/new?template=Curfew");

        assertThat(noEnglish.body()).contains("<strong>texts.en-US</strong>");
        assertThat(halfPashto.body()).contains("<strong>texts.ps-AF.body</strong>");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(compose.body())
                .contains("value=\"Curfew tonight\"")
                .contains("د شپې بندیز")
                .contains("id=\"bodyPs\"")
                .contains("lang=\"ps-AF\" dir=\"rtl\"");
        assertThat(management
                        .get("/messages/new?template=Security+alert%3A+shelter+in+place")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theMessageListIsPagedNewestFirstWithOlderAndNewerLinks() {
        var r = fixture.register();
        for (int i = 0; i < SentMessages.PAGE_SIZE + 1; i++) {
            queue(r, "Notice " + i, List.of(inApp(r.adams())));
        }
        SignedInClient consular = signedIn(fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post()));

        String first = consular.get("/messages").body();
        Pagination firstNav = Pagination.of(first);
        String second = consular.get(firstNav.next()).body();
        Pagination secondNav = Pagination.of(second);

        assertThat(firstNav)
                .isEqualTo(new Pagination("Pages of messages", null, null, "1", "/messages?page=1", "Older"));
        assertThat(first).contains("Notice 20").doesNotContain("Notice 0<");
        assertThat(secondNav)
                .isEqualTo(new Pagination("Pages of messages", "/messages?page=0", "Newer", "2", null, null));
        assertThat(second).contains("Notice 0<").doesNotContain("Notice 20");
    }

    @Test
    void aMessagesDeliveriesArePagedKeepingTheStatusFilter() {
        var r = fixture.register();
        long id = queue(
                r,
                "Many recipients",
                IntStream.range(0, SentMessages.DELIVERY_PAGE_SIZE + 1)
                        .mapToObj(i -> inApp(r.adams()))
                        .toList());
        SignedInClient consular = signedIn(fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post()));

        String first = consular.get("/messages/" + id + "?status=QUEUED").body();
        Pagination firstNav = Pagination.of(first);
        String second = consular.get(firstNav.next()).body();

        assertThat(firstNav)
                .isEqualTo(new Pagination(
                        "Pages of deliveries", null, null, "1", "/messages/" + id + "?status=QUEUED&page=1", "Next"));
        assertThat(Pagination.of(second))
                .isEqualTo(new Pagination(
                        "Pages of deliveries",
                        "/messages/" + id + "?status=QUEUED&page=0",
                        "Previous",
                        "2",
                        null,
                        null));
        assertThat(second.split("data-testid=\"delivery-status\">queued<", -1))
                .as("one delivery on the second page")
                .hasSize(2);
        assertThat(Pagination.on(
                        consular.get("/messages/" + id + "?status=SENT").body()))
                .as("no pages for a filter that shows none")
                .isFalse();
    }

    private long queue(MessageFixture.Register r, String subject, List<Recipient> recipients) {
        return outbox.enqueue(
                new OutgoingMessage(
                        r.post().id(),
                        Classification.UNCLASSIFIED,
                        Map.of(Language.ENGLISH, new MessageText(subject, "Text")),
                        Set.of(Channel.IN_APP),
                        "{}",
                        "test audience",
                        false,
                        false,
                        "test"),
                recipients);
    }

    private static Recipient inApp(long person) {
        return new Recipient(person, Channel.IN_APP, null, Language.ENGLISH);
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        var all = new java.util.HashMap<>(form);
        all.put(key, value);
        return all;
    }

    private SignedInClient signedIn(String username) {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(username, TestData.PASSWORD);
        return client;
    }
}
