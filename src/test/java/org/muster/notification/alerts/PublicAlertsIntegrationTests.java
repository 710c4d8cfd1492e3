package org.muster.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.muster.notification.alerts.CapChecks.children;
import static org.muster.notification.alerts.CapChecks.text;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.notification.Channel;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.notification.Outbox;
import org.muster.notification.OutgoingMessage;
import org.muster.notification.Recipient;
import org.muster.posts.Post;
import org.muster.requests.Intake;
import org.muster.requests.NewRequest;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.w3c.dom.Element;

/** Messages to the public as CAP 1.2 documents and as the post's Atom feed; nothing else gets out. */
@MusterIntegrationTest
class PublicAlertsIntegrationTests {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    Outbox outbox;

    @Autowired
    Intake intake;

    @Autowired
    PublicAlerts alerts;

    @Test
    void aPublicThreatMessageIsACap12AlertWithOneInfoPerLanguageEachInItsOwnLanguage() throws Exception {
        Post post = data.post();
        String warden = data.user(Role.WARDEN, Classification.UNCLASSIFIED, post);
        long id = publicMessage(post, true, "Shelter in place");

        var response = signedIn(warden).get("/messages/" + id + "/cap.xml");
        Element alert = CapChecks.check(response.body()).getDocumentElement();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/cap+xml");
        assertThat(text(alert, "identifier")).isEqualTo("muster-" + post.code() + "-" + id);
        assertThat(text(alert, "sender")).isEqualTo("muster-" + post.code().toLowerCase() + "@localhost");
        assertThat(text(alert, "sent"))
                .as("Kabul's offset, no fraction")
                .matches(CapChecks.CAP_TIME)
                .endsWith("+04:30");
        assertThat(text(alert, "status")).isEqualTo("Actual");
        assertThat(text(alert, "msgType")).isEqualTo("Alert");
        assertThat(text(alert, "scope")).isEqualTo("Public");
        List<Element> infos = children(alert, "info");
        assertThat(infos).extracting(i -> text(i, "language")).containsExactly("en-US", "fa-AF", "ps-AF");
        Element english = infos.get(0);
        Element dari = infos.get(1);
        Element pashto = infos.get(2);
        assertThat(text(english, "category")).isEqualTo("Security");
        assertThat(text(english, "urgency") + text(english, "severity") + text(english, "certainty"))
                .isEqualTo("ImmediateSevereObserved");
        assertThat(text(english, "headline")).isEqualTo("Shelter in place");
        assertThat(text(english, "description"))
                .isEqualTo("Stay indoors until further notice.")
                .doesNotContain("{link}");
        assertThat(text(english, "event")).isEqualTo("Security alert");
        assertThat(text(english, "senderName")).isEqualTo(post.name());
        assertThat(text(english, "web")).endsWith("/posts/" + post.code() + "/alerts/" + id + ".cap.xml");
        assertThat(text(children(english, "area").get(0), "areaDesc")).isEqualTo("Testland");
        assertThat(text(dari, "headline")).isEqualTo("در جای خود پناه بگیرید");
        assertThat(text(dari, "description")).isEqualTo("تا اطلاع بعدی در داخل خانه بمانید.");
        assertThat(text(dari, "event")).isEqualTo("هشدار امنیتی");
        assertThat(text(pashto, "headline")).isEqualTo("په خپل ځای کې پناه واخلئ");
        assertThat(text(pashto, "description")).isEqualTo("تر بل خبر پورې په کور کې پاتې شئ.");
        assertThat(text(pashto, "event")).isEqualTo("امنیتي خبرتیا");
        assertThat(text(english, "headline") + text(english, "description") + text(english, "event"))
                .as("the English info holds no Dari or Pashto")
                .doesNotContainPattern("[\\u0600-\\u06FF]");
        assertThat(text(dari, "contact")).endsWith("/posts/" + post.code() + "/requests/new?lang=fa-AF");
    }

    @Test
    void onlyMembersExportAndOnlyUnclassifiedMessagesToThePublic() throws Exception {
        Post post = data.post();
        Post other = data.post();
        String consular = data.user(Role.CONSULAR, Classification.SECRET, post);
        String stranger = data.user(Role.CONSULAR, Classification.SECRET, other);
        long published = publicMessage(post, false, "Airport road closed");
        long staffOnly = message(post, Classification.UNCLASSIFIED, false, Set.of(Channel.EMAIL), "Staff meeting");
        long marked = message(post, Classification.SBU, true, Set.of(Channel.IN_APP), "Marked notice");
        SignedInClient member = signedIn(consular);

        var notPublic = member.get("/messages/" + staffOnly + "/cap.xml");
        var sbu = member.get("/messages/" + marked + "/cap.xml");
        var foreign = signedIn(stranger).get("/messages/" + published + "/cap.xml");
        var anonymous = new SignedInClient(base()).get("/messages/" + published + "/cap.xml");
        var defaults = CapChecks.check(
                        member.get("/messages/" + published + "/cap.xml").body())
                .getDocumentElement();

        assertThat(notPublic.statusCode()).isEqualTo(404);
        assertThat(notPublic.body()).contains("is not a message to the public");
        assertThat(sbu.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode())
                .as("the member export needs a sign-in")
                .isEqualTo(302);
        Element info = children(defaults, "info").get(0);
        assertThat(text(info, "category") + text(info, "urgency") + text(info, "severity") + text(info, "certainty"))
                .as("defaults of a message that is not about a threat")
                .isEqualTo("SafetyExpectedModerateLikely");
        assertThat(text(info, "event")).isEqualTo("Safety information");

        CapAttributes set = new CapAttributes("Transport", "Future", "Minor", "Possible", "Kabul, Afghanistan");
        data.as(consular, () -> alerts.describe(published, set));
        Element described = CapChecks.check(new SignedInClient(base())
                        .get("/posts/" + post.code() + "/alerts/" + published + ".cap.xml")
                        .body())
                .getDocumentElement();
        Element first = children(described, "info").get(0);
        assertThat(text(first, "category")
                        + text(first, "urgency")
                        + text(first, "severity")
                        + text(first, "certainty"))
                .isEqualTo("TransportFutureMinorPossible");
        assertThat(text(children(first, "area").get(0), "areaDesc")).isEqualTo("Kabul, Afghanistan");
        String warden = data.user(Role.WARDEN, Classification.SECRET, post);
        assertThatThrownBy(() -> data.as(warden, () -> alerts.describe(published, set)))
                .isInstanceOf(AccessDeniedException.class);
        for (long hidden : List.of(staffOnly, marked)) {
            assertThat(new SignedInClient(base())
                            .get("/posts/" + post.code() + "/alerts/" + hidden + ".cap.xml")
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(new SignedInClient(base())
                        .get("/posts/" + other.code() + "/alerts/" + published + ".cap.xml")
                        .statusCode())
                .as("an alert of another post")
                .isEqualTo(404);
    }

    @Test
    void theAtomFeedListsThePublicAlertsNewestFirstAndNothingElse() throws Exception {
        Post post = data.post();
        long older = publicMessage(post, false, "Consular services suspended");
        long staffOnly = message(post, Classification.UNCLASSIFIED, false, Set.of(Channel.EMAIL), "Staff meeting");
        long marked = message(post, Classification.SBU, true, Set.of(Channel.IN_APP), "Marked notice");
        intake.submit(post.code(), new NewRequest("A", "a@example.org", null, "en-US", "ACS", "Lost passport", "Help"));
        long newer = publicMessage(post, true, "Shelter in place");

        var response = new SignedInClient(base()).get("/posts/" + post.code() + "/alerts.atom");
        Element feed = CapChecks.parse(response.body()).getDocumentElement();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "id")).endsWith("/posts/" + post.code() + "/alerts.atom");
        assertThat(text(feed, "title")).isEqualTo(post.name() + ": public alerts");
        assertThat(text(feed, "updated")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(children(feed, "link"))
                .anySatisfy(l -> assertThat(l.getAttribute("rel")).isEqualTo("self"));
        assertThat(text(children(feed, "author").get(0), "name")).isEqualTo(post.name());
        List<Element> entries = children(feed, "entry");
        assertThat(entries)
                .extracting(e -> text(e, "title"))
                .containsExactly("Shelter in place", "Consular services suspended");
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated", "author", "content")) {
                assertThat(children(entry, required)).as("entry/" + required).hasSize(1);
            }
            assertThat(children(entry, "content").get(0).getAttribute("type")).isEqualTo("text");
            Element link = children(entry, "link").get(0);
            assertThat(link.getAttribute("rel")).isEqualTo("alternate");
            assertThat(link.getAttribute("type")).isEqualTo("application/cap+xml");
        }
        assertThat(text(entries.get(0), "id")).endsWith("/alerts/" + newer + ".cap.xml");
        assertThat(text(entries.get(1), "id")).endsWith("/alerts/" + older + ".cap.xml");
        assertThat(text(entries.get(0), "content")).isEqualTo("Stay indoors until further notice.");
        assertThat(response.body())
                .doesNotContain("Staff meeting", "Marked notice", "Lost passport", "Request ")
                .doesNotContain("/alerts/" + staffOnly + ".cap.xml", "/alerts/" + marked + ".cap.xml");
    }

    @Test
    void theFeedHoldsTheFiftyNewest() throws Exception {
        Post post = data.post();
        for (int i = 1; i <= 51; i++) {
            publicMessage(post, false, "Notice " + i);
        }

        Element feed = CapChecks.parse(new SignedInClient(base())
                        .get("/posts/" + post.code() + "/alerts.atom")
                        .body())
                .getDocumentElement();

        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(50);
        assertThat(text(entries.get(0), "title")).isEqualTo("Notice 51");
        assertThat(text(entries.get(49), "title")).isEqualTo("Notice 2");
    }

    private long publicMessage(Post post, boolean threat, String english) {
        Map<Language, MessageText> texts = new EnumMap<>(Language.class);
        texts.put(Language.ENGLISH, new MessageText(english, "Stay indoors until further notice.\n\n{link}"));
        texts.put(
                Language.DARI, new MessageText("در جای خود پناه بگیرید", "تا اطلاع بعدی در داخل خانه بمانید.\n{link}"));
        texts.put(Language.PASHTO, new MessageText("په خپل ځای کې پناه واخلئ", "تر بل خبر پورې په کور کې پاتې شئ."));
        return outbox.enqueue(
                new OutgoingMessage(
                        post.id(),
                        Classification.UNCLASSIFIED,
                        texts,
                        Set.of(Channel.EMAIL),
                        null,
                        "Private U.S. citizens",
                        true,
                        threat,
                        "consular.test"),
                List.of(new Recipient(null, Channel.EMAIL, "citizen@example.org", Language.DARI)));
    }

    private long message(Post post, Classification marking, boolean toPublic, Set<Channel> channels, String subject) {
        return outbox.enqueue(
                new OutgoingMessage(
                        post.id(),
                        marking,
                        Map.of(Language.ENGLISH, new MessageText(subject, "Body")),
                        channels,
                        null,
                        "Staff",
                        toPublic,
                        false,
                        "rso.test"),
                List.of());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private SignedInClient signedIn(String username) {
        SignedInClient client = new SignedInClient(base());
        client.signIn(username, TestData.PASSWORD);
        return client;
    }
}
