package org.muster.committee;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.decisionpoints.DecisionPoint;
import org.muster.decisionpoints.DecisionPointSet;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.Indicator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From a crossed decision point to a recorded decision: the security officer records the report that
 * crosses it, the committee is convened with the crossing on its agenda, the chief of mission opens
 * the session and records the decision, and the board shows the decision point decided.
 */
@MusterIntegrationTest
class CrossingToDecisionBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    CommitteeTestData fixture;

    @Autowired
    DecisionPoints decisionPoints;

    @Test
    void aCrossedDecisionPointGoesBeforeTheCommitteeAndTheChiefOfMissionsDecisionSettlesIt() {
        CommitteeTestData.Cast c = fixture.committee();
        data.as(
                c.chief(),
                () -> decisionPoints.save(
                        c.post().id(),
                        new DecisionPointSet(
                                List.of("The northern road stays open."),
                                List.of(new DecisionPoint(
                                        "mazar-fallen",
                                        "Mazar-i-Sharif fallen",
                                        Indicator.event("Mazar-i-Sharif", "fell"),
                                        List.of("Request ordered departure", "Close the consulate"),
                                        12,
                                        null,
                                        null)))));
        String base = "http://localhost:" + port;

        signIn(page, base, c.rso(), TestData.PASSWORD);
        link("Decision points").click();
        Locator row = page.locator("#dp-mazar-fallen");
        assertThat(row.getByTestId("status")).containsText("Not crossed");
        page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true)).fill("Mazar-i-Sharif");
        page.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).fill("fell");
        page.getByLabel("Source", new Page.GetByLabelOptions().setExact(true)).fill("VOA; Washington Post");
        button("Record the observation").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 decision point crossed");
        assertThat(row.getByTestId("status")).containsText("Crossed");
        assertThat(row.getByTestId("decide-by")).isVisible();
        screenshot(page, "flow-crossed");
        button("Sign out").click();

        signIn(page, base, c.chief(), TestData.PASSWORD);
        // The committee hears of the crossing through its event listener, after the observation's commit.
        Locator convened = page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Convened: Decision point crossed: Mazar-i-Sharif fallen"));
        for (int i = 0; i < 30 && convened.count() == 0; i++) {
            page.navigate(base + "/committee");
            if (convened.count() == 0) {
                page.waitForTimeout(500);
            }
        }
        convened.first().click();
        Locator item = page.locator("#agenda tbody tr").first();
        assertThat(item).containsText("Mazar-i-Sharif fallen");
        assertThat(item.getByTestId("decide-by")).isVisible();
        button("Open the session").click();
        assertThat(page.getByTestId("status")).hasText("In session");

        page.locator("label.usa-checkbox__label:text-is('Mazar-i-Sharif fallen')")
                .click();
        page.getByLabel("Decision", new Page.GetByLabelOptions().setExact(true))
                .fill("Request ordered departure today; the consulate closes at noon.");
        button("Record the decision").click();
        assertThat(page.locator("#decisions .committee-card")).containsText("Request ordered departure today");
        assertThat(page.locator("#agenda tbody tr").first()).containsText("Decided");
        screenshot(page, "flow-decision");

        link("Decision points").click();
        assertThat(row.getByTestId("status")).containsText("Decided");
        assertThat(row).containsText("Request ordered departure today");
        screenshot(page, "flow-decided-board");
    }

    private Locator link(String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
