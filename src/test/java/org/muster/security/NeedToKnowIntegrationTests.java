package org.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Membership and clearance against the marking, through the one enforcement point. */
@MusterIntegrationTest
class NeedToKnowIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    NeedToKnow needToKnow;

    SignedInClient signedIn(Classification clearance, Post memberOf) {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(data.user(Role.COMMITTEE_MEMBER, clearance, memberOf), TestData.PASSWORD);
        return client;
    }

    @Test
    void aMarkingAboveTheReadersClearanceNeverLeavesInAnApiResponse() {
        Post post = data.post();
        SignedInClient sbu = signedIn(Classification.SBU, post);

        var unclassified = sbu.getJson("/api/v1/test-marked/" + post.id() + "/UNCLASSIFIED");
        var sensitive = sbu.getJson("/api/v1/test-marked/" + post.id() + "/SBU");
        var secret = sbu.getJson("/api/v1/test-marked/" + post.id() + "/SECRET");
        var mixed = sbu.getJson("/api/v1/test-marked/" + post.id() + "/all");

        assertThat(unclassified.statusCode()).isEqualTo(200);
        assertThat(sensitive.statusCode()).isEqualTo(200);
        assertThat(secret.statusCode()).isEqualTo(403);
        assertThat(secret.body()).doesNotContain("a SECRET report");
        assertThat(mixed.statusCode()).isEqualTo(403);
    }

    @Test
    void aClearedMemberReadsItAndANonMemberDoesNot() {
        Post post = data.post();
        SignedInClient cleared = signedIn(Classification.SECRET, post);
        SignedInClient otherPost = signedIn(Classification.SECRET, data.post());

        assertThat(cleared.getJson("/api/v1/test-marked/" + post.id() + "/SECRET")
                        .body())
                .contains("a SECRET report");
        assertThat(otherPost
                        .getJson("/api/v1/test-marked/" + post.id() + "/UNCLASSIFIED")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void pageModelsAreCheckedToo() {
        Post post = data.post();
        SignedInClient uncleared = signedIn(Classification.UNCLASSIFIED, post);

        assertThat(uncleared.get("/test-marked/" + post.id() + "/UNCLASSIFIED").statusCode())
                .isEqualTo(200);
        assertThat(uncleared.get("/test-marked/" + post.id() + "/CONFIDENTIAL").statusCode())
                .isEqualTo(403);
    }

    @Test
    void filterKeepsOnlyWhatTheReaderMaySee() {
        Post post = data.post();
        Post other = data.post();
        String reader = data.user(Role.CONSULAR, Classification.CONFIDENTIAL, post);
        data.as(reader, () -> {
            var reports = List.of(
                    new MarkedContentTestController.Report(post.id(), Classification.UNCLASSIFIED, "a"),
                    new MarkedContentTestController.Report(post.id(), Classification.CONFIDENTIAL, "b"),
                    new MarkedContentTestController.Report(post.id(), Classification.SECRET, "c"),
                    new MarkedContentTestController.Report(other.id(), Classification.UNCLASSIFIED, "d"));

            assertThat(needToKnow.filter(reports))
                    .extracting(MarkedContentTestController.Report::text)
                    .containsExactly("a", "b");
        });
    }
}
