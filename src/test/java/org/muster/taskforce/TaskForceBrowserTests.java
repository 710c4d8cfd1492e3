package org.muster.taskforce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.decisionpoints.Crossings;
import org.muster.decisionpoints.DecisionPoint;
import org.muster.decisionpoints.DecisionPointSet;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.EscalateNow;
import org.muster.decisionpoints.Indicator;
import org.muster.decisionpoints.NewObservation;
import org.muster.decisionpoints.Observations;
import org.muster.posts.Post;
import org.muster.posture.Crises;
import org.muster.posture.Posture;
import org.muster.posture.Postures;
import org.muster.posture.Subset;
import org.muster.security.NewUser;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A task-force user sees a deadline a post let pass, escalated, and approves the post's ordered departure. */
@MusterIntegrationTest
class TaskForceBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    UserAccounts accounts;

    @Autowired
    DecisionPoints decisionPoints;

    @Autowired
    Observations observations;

    @Autowired
    Crossings crossings;

    @Autowired
    Crises crises;

    @Autowired
    Postures postures;

    @Autowired
    Clock clock;

    @Test
    void theTaskForceSeesAnEscalatedDeadlineAndApprovesOrderedDeparture() {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        String taskForce = "tf-" + post.code().toLowerCase();
        accounts.create(new NewUser(
                taskForce,
                "Task force duty officer",
                TestData.PASSWORD,
                Set.of(Role.TASK_FORCE, Role.APPROVING_AUTHORITY),
                Classification.SECRET,
                Set.of(post.id()),
                false));
        crises.open(post.id(), "Security collapse " + post.code(), com, taskForce);
        data.as(
                rso,
                () -> decisionPoints.save(
                        post.id(),
                        new DecisionPointSet(
                                List.of("The airport stays open"),
                                List.of(new DecisionPoint(
                                        "mazar",
                                        "Mazar-i-Sharif fallen",
                                        Indicator.event("Mazar-i-Sharif", "fell"),
                                        List.of("Request ordered departure", "Convene the committee"),
                                        24,
                                        null,
                                        null)))));
        Instant fell = clock.instant().minus(Duration.ofHours(27));
        data.as(
                rso,
                () -> observations.record(
                        post.id(), new NewObservation(fell, "Mazar-i-Sharif", "fell", "VOA; Washington Post")));
        EscalateNow.run(crossings);
        data.as(
                com,
                () -> postures.request(
                        post.id(),
                        Posture.ORDERED_DEPARTURE,
                        Subset.EVERYONE,
                        "Mazar-i-Sharif has fallen; the northern road is cut."));

        signIn(page, "http://localhost:" + port, taskForce, TestData.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Task force").setExact(true))
                .click();

        Locator overdue = page.locator("#overdue tbody tr");
        assertThat(overdue).hasCount(1);
        assertThat(overdue.first()).containsText(post.code());
        assertThat(overdue.first()).containsText("Mazar-i-Sharif fallen");
        assertThat(overdue.first()).containsText("Escalated");
        assertThat(overdue.first()).containsText("Request ordered departure");
        assertThat(page.locator("tr[data-code='" + post.code() + "'] [data-testid=posture]"))
                .hasText("Normal");
        Locator request = page.getByTestId("pending-request");
        assertThat(request).containsText("Ordered departure");
        assertThat(request).containsText("the northern road is cut");
        screenshot(page, "task-force-escalated");

        request.getByLabel("Reason (recorded with the decision)").fill("Threat confirmed; airlift capacity reserved.");
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Approved");
        assertThat(page.getByTestId("no-pending")).isVisible();
        assertThat(page.locator("tr[data-code='" + post.code() + "'] [data-testid=posture]"))
                .hasText("Ordered departure");
        assertThat(page.locator("tr[data-code='" + post.code() + "']")).containsText("days in departure status");
        screenshot(page, "task-force-approved");
    }
}
