package org.muster.taskforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.decisionpoints.DecisionPoint;
import org.muster.decisionpoints.DecisionPointSet;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.Indicator;
import org.muster.decisionpoints.NewObservation;
import org.muster.decisionpoints.Observations;
import org.muster.posts.Post;
import org.muster.posture.Crises;
import org.muster.posture.Posture;
import org.muster.posture.PostureRequest;
import org.muster.posture.Postures;
import org.muster.posture.Subset;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The task force's page: its posts only, deadlines passed without a decision first, the domino picture, approvals from there. */
@MusterIntegrationTest
class TaskForceIntegrationTests {
    @Autowired
    TestData data;

    @Autowired
    DecisionPoints decisionPoints;

    @Autowired
    Observations observations;

    @Autowired
    Crises crises;

    @Autowired
    Postures postures;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    @Test
    void showsEachOfItsPostsWithAnEscalatedDeadlineFirstAndNothingOfOtherPosts() {
        Post overdue = data.post();
        Post quiet = data.post();
        Post elsewhere = data.post();
        String taskForce = data.user(Role.TASK_FORCE, Classification.SECRET, overdue, quiet);
        Instant now = clock.instant();
        crossOverdue(overdue, "Mazar-i-Sharif fallen " + overdue.code(), now.minus(Duration.ofHours(30)));
        crossOverdue(elsewhere, "Herat fallen " + elsewhere.code(), now.minus(Duration.ofHours(30)));
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, quiet);
        data.as(
                rso,
                () -> observations.record(
                        quiet.id(),
                        new NewObservation(
                                now.minus(Duration.ofDays(1)), "Embassy of Ruritania", "ordered departure", "press")));
        String page = signedIn(taskForce).get("/task-force").body();

        String overdueTable = page.substring(
                page.indexOf("id=\"overdue\""), page.indexOf("</table>", page.indexOf("id=\"overdue\"")));
        assertThat(overdueTable)
                .contains("Mazar-i-Sharif fallen " + overdue.code())
                .contains("Request ordered departure");
        assertThat(page).doesNotContain("Herat fallen " + elsewhere.code()).doesNotContain(elsewhere.code());
        assertThat(page.indexOf("data-code=\"" + overdue.code() + "\""))
                .as("the post with an overdue deadline comes first")
                .isPositive()
                .isLessThan(page.indexOf("data-code=\"" + quiet.code() + "\""));
        assertThat(page).contains("Embassy of Ruritania").contains("Ordered departure");
        assertThat(page).contains("data-testid=\"post-count\">2 posts<");
    }

    @Test
    void theConfiguredApproverApprovesFromThePageWithAReasonAndAnotherApprovingAuthorityIsRefused() {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        String approver = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, post);
        String otherApprover = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, post);
        crises.open(post.id(), "Drawdown " + post.code(), com, approver);
        PostureRequest request = data.as(
                com,
                () -> postures.request(
                        post.id(), Posture.ORDERED_DEPARTURE, Subset.EVERYONE, "Mazar-i-Sharif has fallen."));

        SignedInClient wrong = signedIn(otherApprover);
        String wrongPage = wrong.get("/task-force").body();
        assertThat(wrongPage).contains("id=\"request-" + request.id() + "\"").doesNotContain(">Approve<");
        HttpResponse<String> refused = wrong.postForm(
                "/task-force/requests/" + request.id() + "/approve", Map.of("reason", "Not mine to decide"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(data.as(com, () -> postures.current(post.id())).posture()).isEqualTo(Posture.NORMAL);

        SignedInClient right = signedIn(approver);
        assertThat(right.get("/task-force").body()).contains(">Approve<");
        HttpResponse<String> approved = right.postForm(
                "/task-force/requests/" + request.id() + "/approve",
                Map.of("reason", "Threat confirmed by the task force."));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(data.as(com, () -> postures.current(post.id())).posture()).isEqualTo(Posture.ORDERED_DEPARTURE);
        PostureRequest decided = data.as(com, () -> postures.history(post.id())).get(0);
        assertThat(decided.decidedBy()).isEqualTo(approver);
        assertThat(decided.reason()).isEqualTo("Threat confirmed by the task force.");
        assertThat(right.get("/task-force").body()).contains("data-testid=\"no-pending\"");
    }

    @Test
    void eachPostsCodeOpensItsDecisionBoardThroughTheOneSwitchForm() {
        Post first = data.post();
        Post second = data.post();
        SignedInClient client = signedIn(data.user(Role.TASK_FORCE, Classification.SECRET, first, second));
        String page = client.get("/task-force").body();

        String posts = page.substring(
                page.lastIndexOf("<form", page.indexOf("id=\"posts\"")),
                page.indexOf("</form>", page.indexOf("id=\"posts\"")));
        assertThat(posts).startsWith("<form method=\"post\" action=\"/posts/current\"");
        assertThat(posts.split("name=\"_csrf\"", -1))
                .as("one CSRF token for the whole table")
                .hasSize(2);
        assertThat(posts)
                .contains("name=\"then\" value=\"/decision-points\"")
                .contains("name=\"code\" value=\"" + first.code() + "\"")
                .contains("name=\"code\" value=\"" + second.code() + "\"");
        HttpResponse<String> switched =
                client.postForm("/posts/current", Map.of("code", second.code(), "then", "/decision-points"));
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/decision-points"));
        assertThat(client.get("/decision-points").body()).contains("You are now working in " + second.name());
    }

    @Test
    void isRefusedToUsersWhoAreNeitherTaskForceNorApprovingAuthority() {
        Post post = data.post();
        String consular = data.user(Role.CONSULAR, Classification.SECRET, post);
        assertThat(signedIn(consular).get("/task-force").statusCode()).isEqualTo(403);
    }

    private void crossOverdue(Post post, String title, Instant observedAt) {
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        data.as(
                rso,
                () -> decisionPoints.save(
                        post.id(),
                        new DecisionPointSet(
                                List.of(),
                                List.of(new DecisionPoint(
                                        "mazar",
                                        title,
                                        Indicator.event("Mazar-i-Sharif", "fell"),
                                        List.of("Request ordered departure"),
                                        24,
                                        null,
                                        null)))));
        data.as(
                rso,
                () -> observations.record(post.id(), new NewObservation(observedAt, "Mazar-i-Sharif", "fell", "VOA")));
    }

    private SignedInClient signedIn(String username) {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        assertThat(client.signIn(username, TestData.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }
}
