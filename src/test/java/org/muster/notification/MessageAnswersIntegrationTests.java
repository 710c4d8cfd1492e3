package org.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The answers to a message as its post's staff see them, in the fragment the message page includes. */
@MusterIntegrationTest
class MessageAnswersIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    AnswerFixtures fixtures;

    @Autowired
    Responses responses;

    @Test
    void membersSeeEachPersonsLatestAnswerAndTheCounts() {
        Post post = data.post();
        long ann = fixtures.person(post, "Ann", "Lee", Language.ENGLISH);
        long omid = fixtures.person(post, "Omid", "Safi", Language.DARI);
        long message = fixtures.email(
                post,
                List.of(
                        new Recipient(ann, Channel.EMAIL, "ann@example.org", Language.ENGLISH),
                        new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.DARI)));
        String annToken = token(message, ann);
        String omidToken = token(message, omid);
        responses.answer(annToken, Answer.NEED_HELP, "Car broke down", null);
        responses.answer(annToken, Answer.SAFE, "Made it home", null);
        responses.answer(omidToken, Answer.WANT_TO_LEAVE, null, null);
        String consular = data.user(Role.CONSULAR, Classification.UNCLASSIFIED, post);

        var fragment = signedIn(consular).get("/messages/" + message + "/responses");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("data-testid=\"message-responses\"", "2 people answered")
                .contains("Ann Lee", "Made it home", "(2 answers)", "Omid Safi", "I want to leave the country")
                .doesNotContain("Car broke down", "<html");
        assertThat(fragment.body().replaceAll("\\s+", " "))
                .contains("data-answer=\"SAFE\"> <strong>1</strong>")
                .contains("data-answer=\"NEED_HELP\"> <strong>0</strong>")
                .contains("data-answer=\"WANT_TO_LEAVE\"> <strong>1</strong>");
        assertThat(fragment.body().indexOf("Omid Safi"))
                .as("newest first")
                .isLessThan(fragment.body().indexOf("Ann Lee"));
    }

    @Test
    void onlyMembersClearedForTheMessagesMarkingSeeItsAnswers() {
        Post post = data.post();
        Post elsewhere = data.post();
        long omid = fixtures.person(post, "Omid", "Karimi", Language.ENGLISH);
        long marked = fixtures.notice(post, omid, Classification.CONFIDENTIAL, "Route Bravo");
        long plain =
                fixtures.email(post, List.of(new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.ENGLISH)));
        SignedInClient outsider = signedIn(data.user(Role.CONSULAR, Classification.SECRET, elsewhere));
        SignedInClient uncleared = signedIn(data.user(Role.CONSULAR, Classification.SBU, post));
        SignedInClient cleared = signedIn(data.user(Role.CONSULAR, Classification.CONFIDENTIAL, post));

        assertThat(outsider.get("/messages/" + plain + "/responses").statusCode())
                .isEqualTo(403);
        assertThat(uncleared.get("/messages/" + plain + "/responses").statusCode())
                .isEqualTo(200);
        assertThat(uncleared.get("/messages/" + marked + "/responses").statusCode())
                .isEqualTo(403);
        assertThat(cleared.get("/messages/" + marked + "/responses").statusCode())
                .isEqualTo(200);
        assertThat(cleared.get("/messages/" + Long.MAX_VALUE + "/responses").statusCode())
                .isEqualTo(404);
        assertThat(new PhoneClient(port)
                        .get("/messages/" + plain + "/responses")
                        .statusCode())
                .as("without sign-in: to the login page")
                .isEqualTo(302);
    }

    private String token(long message, long personId) {
        return fixtures.token(message, personId);
    }

    private SignedInClient signedIn(String username) {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(username, TestData.PASSWORD);
        return client;
    }
}
