package org.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.people.RollCall;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The personal answer page over HTTP without an account, and what an answer changes. */
@MusterIntegrationTest
class ResponseIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    AnswerFixtures fixtures;

    @Autowired
    ResponseLinks links;

    @Autowired
    Responses responses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void answeringSafeChecksThePersonInAsSelfToTheOpenRollCallAndLeavesTheClosedOneAlone() {
        Post post = data.post();
        long omid = fixtures.person(post, "Omid", "Safi", Language.ENGLISH);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall closed = fixtures.startRollCall(rso, post, "Yesterday");
        fixtures.closeRollCall(rso, post, closed);
        RollCall open = fixtures.startRollCall(rso, post, "This morning");
        long message =
                fixtures.email(post, List.of(new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.ENGLISH)));
        UUID delivery = fixtures.delivery(message);
        String token = fixtures.token(message);
        PhoneClient phone = new PhoneClient(port);

        var page = phone.get("/r/" + token);
        var answered = phone.post("/r/" + token, Map.of("answer", "SAFE", "note", "At home with my family"));
        var confirmation = phone.get("/r/" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("lang=\"en-US\"", "dir=\"ltr\"", "Hello, Omid", "Shelter in place", "Stay indoors")
                .contains("I am safe", "I need help", "I want to leave the country", "I have already left the country")
                .doesNotContain("{link}", "Safi", "Sign out");
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(answered.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/r/" + token));
        assertThat(confirmation.body())
                .contains("Thank you. Your answer has been recorded.", "Your current answer: I am safe");
        assertThat(member(open, omid)).isEqualTo("SAFE SELF true response link " + delivery);
        assertThat(fixtures.text("select note from check_in where roll_call_id = ? and person_id = ?", open.id(), omid))
                .isEqualTo("At home with my family");
        assertThat(member(closed, omid)).as("a closed roll-call").isEqualTo("UNKNOWN");
        assertThat(fixtures.count("select count(*) from check_in where roll_call_id = ?", closed.id()))
                .isZero();
        assertThat(fixtures.text(
                        "select answer || ' ' || note || ' ' || message_id || ' ' || post_id from response"
                                + " where delivery_id = ?",
                        delivery))
                .isEqualTo("SAFE At home with my family " + message + " " + post.id());
        assertThat(fixtures.text("select client_hash from response where delivery_id = ?", delivery))
                .matches("[0-9a-f]{32}");
        assertThat(fixtures.text("select intent from person where id = ?", omid))
                .as("safe: intent unchanged")
                .isEqualTo("UNKNOWN");
        assertThat(fixtures.count("select count(*) from person where id = ? and last_contact_at is not null", omid))
                .isEqualTo(1);
        assertThat(fixtures.text(
                        "select actor || ' | ' || summary from audit_entry where post_id = ?"
                                + " and action = 'response.recorded'",
                        post.id()))
                .startsWith("response link | Delivery " + delivery + " of message #" + message)
                .contains("person #" + omid + " answered SAFE with a note", "roll-call #" + open.id())
                .doesNotContain("At home");

        SignedInClient staff = new SignedInClient("http://localhost:" + port);
        staff.signIn(rso, TestData.PASSWORD);
        assertThat(staff.get("/roll-calls/" + open.id() + "/members/" + omid).body())
                .as("the roll-call's history of the member")
                .contains("The person themselves", "At home with my family", "response link " + delivery);
    }

    @Test
    void wantingToLeaveSetsTheIntentAndALaterAnswerCountsWhileBothAreKept() {
        Post post = data.post();
        long roya = fixtures.person(post, "Roya", "Karimi", Language.ENGLISH);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall open = fixtures.startRollCall(rso, post, "Evening");
        long message =
                fixtures.email(post, List.of(new Recipient(roya, Channel.EMAIL, "roya@example.org", Language.ENGLISH)));
        String token = fixtures.token(message);
        PhoneClient phone = new PhoneClient(port);

        phone.post("/r/" + token, Map.of("answer", "WANT_TO_LEAVE", "note", ""));
        assertThat(fixtures.text("select intent from person where id = ?", roya))
                .isEqualTo("LEAVE");
        assertThat(member(open, roya)).startsWith("SAFE SELF");

        phone.post("/r/" + token, Map.of("answer", "ALREADY_LEFT"));
        assertThat(member(open, roya)).startsWith("DEPARTED SELF");
        assertThat(fixtures.text("select intent from person where id = ?", roya))
                .isEqualTo("LEAVE");
        assertThat(fixtures.count("select count(*) from response where person_id = ?", roya))
                .isEqualTo(2);
        assertThat(fixtures.count("select count(*) from check_in where person_id = ?", roya))
                .isEqualTo(2);
        assertThat(fixtures.count(
                        "select count(*) from audit_entry where post_id = ? and action = 'response.recorded'",
                        post.id()))
                .isEqualTo(2);
        assertThat(phone.get("/r/" + token).body()).contains("Your current answer: I have already left the country");
        assertThatThrownBy(() -> jdbc.sql("update response set answer = 'SAFE' where person_id = ?")
                        .param(roya)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from response where person_id = ?")
                        .param(roya)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void anExpiredLinkIsGoneInTheDeliverysLanguageAndRecordsNothing() {
        Post post = data.post();
        long omid = fixtures.person(post, "Omid", "Rahimi", Language.DARI);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall open = fixtures.startRollCall(rso, post, "Morning");
        long message =
                fixtures.email(post, List.of(new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.DARI)));
        String expired = links.token(fixtures.delivery(message), clock.instant().minusSeconds(1));
        PhoneClient phone = new PhoneClient(port);
        String before = written(post, omid, open);

        var page = phone.get("/r/" + expired);
        var answer = phone.post("/r/" + expired, Map.of("answer", "NEED_HELP", "note", "help"));

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body())
                .contains("lang=\"fa-AF\"", "dir=\"rtl\"", "اعتبار این لینک تمام شده است", post.name())
                .doesNotContain("در جای خود پناه بگیرید", "Omid", "<form");
        assertThat(answer.statusCode()).isEqualTo(410);
        assertThat(written(post, omid, open)).isEqualTo(before);
        assertThatThrownBy(() -> responses.answer(expired, Answer.SAFE, null, null))
                .isInstanceOfSatisfying(
                        AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.EXPIRED));
    }

    @Test
    void aTamperedOrMalformedLinkIsNotFoundWithoutDetailAndRecordsNothing() {
        Post post = data.post();
        long omid = fixtures.person(post, "Omid", "Noori", Language.ENGLISH);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall open = fixtures.startRollCall(rso, post, "Morning");
        long message =
                fixtures.email(post, List.of(new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.ENGLISH)));
        String token = fixtures.token(message);
        char c = token.charAt(10);
        String tampered = token.substring(0, 10) + (c == 'A' ? 'B' : 'A') + token.substring(11);
        String noDelivery = links.token(UUID.randomUUID(), links.expiryFromNow());
        PhoneClient phone = new PhoneClient(port);
        String before = written(post, omid, open);

        for (String bad : List.of(tampered, "not-a-token", noDelivery)) {
            var page = phone.get("/r/" + bad);
            var answer = phone.post("/r/" + bad, Map.of("answer", "SAFE"));
            assertThat(page.statusCode()).as(bad).isEqualTo(404);
            assertThat(answer.statusCode()).as(bad).isEqualTo(404);
            assertThat(page.body())
                    .contains("This link is not valid.")
                    .doesNotContain(post.name(), "Shelter", "Omid", "expired", "<form");
        }
        assertThat(written(post, omid, open)).isEqualTo(before);
    }

    @Test
    void aDeliveryToAnAddressOutsideTheRegisterShowsTheMessageAndRefusesAnswers() {
        Post post = data.post();
        long message = fixtures.email(
                post, List.of(new Recipient(null, Channel.EMAIL, "someone@example.org", Language.ENGLISH)));
        String token = fixtures.token(message);
        PhoneClient phone = new PhoneClient(port);
        long audits = fixtures.count("select count(*) from audit_entry where post_id = ?", post.id());

        var page = phone.get("/r/" + token);
        var answer = phone.postWith(
                "/r/" + token,
                Map.of("answer", "SAFE"),
                PhoneClient.csrf(phone.get("/login").body()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Shelter in place", "Hello").doesNotContain("I am safe", "<form");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("not in the register of " + post.name());
        assertThat(fixtures.count("select count(*) from response where message_id = ?", message))
                .isZero();
        assertThat(fixtures.count("select count(*) from audit_entry where post_id = ?", post.id()))
                .isEqualTo(audits);
    }

    @Test
    void aLinkTakesAtMostTwentyAnswersAnHour() {
        Post post = data.post();
        long omid = fixtures.person(post, "Omid", "Jalali", Language.PASHTO);
        long message =
                fixtures.email(post, List.of(new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.PASHTO)));
        String token = fixtures.token(message);
        for (int i = 0; i < Responses.ANSWERS_PER_HOUR; i++) {
            responses.answer(token, Answer.SAFE, null, "198.51.100.1");
        }
        PhoneClient phone = new PhoneClient(port);

        var refused = phone.post("/r/" + token, Map.of("answer", "NEED_HELP"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("lang=\"ps-AF\"", "په تېر یو ساعت کې", "په خپل ځای کې پناه واخلئ");
        assertThat(fixtures.count("select count(*) from response where message_id = ?", message))
                .isEqualTo(20);
    }

    @Test
    void aFormWithoutItsCsrfTokenRecordsNothingAndTheLinkAsksAgain() {
        Post post = data.post();
        long omid = fixtures.person(post, "Omid", "Wardak", Language.DARI);
        long message =
                fixtures.email(post, List.of(new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.DARI)));
        String token = fixtures.token(message);
        PhoneClient phone = new PhoneClient(port);

        var post1 = phone.postWith("/r/" + token, Map.of("answer", "SAFE"), null);
        var again = phone.get("/r/" + token + "?again");

        assertThat(post1.statusCode()).isEqualTo(302);
        assertThat(post1.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/r/" + token + "?again"));
        assertThat(again.body()).contains("لطفاً پاسخ خود را دوباره بفرستید", "dir=\"rtl\"", "من در امان هستم");
        assertThat(fixtures.count("select count(*) from response where message_id = ?", message))
                .isZero();
    }

    @Test
    void thePageListsThePersonsInAppNoticesNewestFirstWithholdingMarkedOnes() {
        Post post = data.post();
        long omid = fixtures.person(post, "Omid", "Popal", Language.ENGLISH);
        long other = fixtures.person(post, "Other", "Person", Language.ENGLISH);
        fixtures.notice(post, omid, Classification.UNCLASSIFIED, "Curfew from 8 pm");
        fixtures.notice(post, omid, Classification.CONFIDENTIAL, "Evacuation route Bravo");
        fixtures.notice(post, omid, Classification.UNCLASSIFIED, "Bring your passport");
        fixtures.notice(post, other, Classification.UNCLASSIFIED, "Not for Omid");
        long message =
                fixtures.email(post, List.of(new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.ENGLISH)));

        String body = new PhoneClient(port).get("/r/" + fixtures.token(message)).body();

        assertThat(body)
                .contains("Your notices from " + post.name())
                .doesNotContain("Evacuation route", "Not for Omid");
        assertThat(body.indexOf("Bring your passport"))
                .isPositive()
                .isLessThan(body.indexOf("A notice for you is held at"));
        assertThat(body.indexOf("A notice for you is held at")).isLessThan(body.indexOf("Curfew from 8 pm"));
    }

    /** What an answer would change, as one string: answers, check-ins, audit entries, intent and last contact. */
    private String written(Post post, long personId, RollCall rollCall) {
        return fixtures.count("select count(*) from response where person_id = ?", personId) + " "
                + fixtures.count("select count(*) from check_in where roll_call_id = ?", rollCall.id()) + " "
                + fixtures.count("select count(*) from audit_entry where post_id = ?", post.id()) + " "
                + member(rollCall, personId) + " "
                + fixtures.text(
                        "select intent || coalesce(last_contact_at::text, '-') from person where id = ?", personId);
    }

    private String member(RollCall rollCall, long personId) {
        return fixtures.text(
                "select concat_ws(' ', status, channel, self_reported::text, reported_by) from roll_call_member"
                        + " where roll_call_id = ? and person_id = ?",
                rollCall.id(),
                personId);
    }
}
