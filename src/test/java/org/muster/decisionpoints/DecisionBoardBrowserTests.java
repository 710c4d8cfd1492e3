package org.muster.decisionpoints;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MusterIntegrationTest
class DecisionBoardBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    DecisionPoints decisionPoints;

    @Autowired
    UserAccounts accounts;

    @Test
    void anOfficerRecordsObservationsUntilADecisionPointCrossesAndSeesItsDeadlineOnTheBoardAndMap() {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        Acting.as(
                accounts,
                com,
                () -> decisionPoints.save(
                        post.id(),
                        new DecisionPointSet(
                                List.of("Kabul airport stays open while the city is held."),
                                List.of(
                                        new DecisionPoint(
                                                "two-capitals",
                                                "Two provincial capitals fallen",
                                                Indicator.count("fell", 2, 34),
                                                List.of("Request authorized departure", "Convene the committee"),
                                                24,
                                                new Location("Kabul", 34.53, 69.17),
                                                null),
                                        new DecisionPoint(
                                                "mazar-fallen",
                                                "Mazar-i-Sharif fallen",
                                                Indicator.event("Mazar-i-Sharif", "fell"),
                                                List.of("Close the consulate"),
                                                12,
                                                new Location("Mazar-i-Sharif", 36.71, 67.11),
                                                null)))));
        String baseUrl = "http://localhost:" + port;

        signIn(page, baseUrl, com, TestData.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Decision points").setExact(true))
                .click();
        Locator row = page.locator("#dp-two-capitals");
        assertThat(row.getByTestId("status")).containsText("Not crossed");

        record("Kunduz");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Observation recorded: Kunduz fell.");
        assertThat(row.getByTestId("value")).hasText("1 of 34");
        assertThat(row.getByTestId("status")).containsText("Not crossed");

        String observedAt = record("Herat");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 decision point crossed");
        assertThat(row.getByTestId("value")).hasText("2 of 34");
        assertThat(row.getByTestId("status")).containsText("Crossed");
        String decideBy = LocalDateTime.parse(observedAt)
                .plus(Duration.ofHours(24))
                .format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", java.util.Locale.ENGLISH));
        assertThat(row.getByTestId("decide-by")).hasText("Decide by " + decideBy);
        assertThat(page.locator("#dp-mazar-fallen").getByTestId("status")).containsText("Not crossed");
        assertThat(page.locator("#indicator-map")).hasAttribute("data-drawn", "2");
        assertThat(page.locator("#indicator-map circle.dp-status--crossed")).hasCount(1);
        assertThat(page.locator("#indicator-map path.dp-country").first()).isAttached();
        assertThat(page.getByTestId("map-list")).containsText("Kabul: Two provincial capitals fallen");
        screenshot(page, "decision-board-crossed");

        page.locator("#asOf").fill("2021-08-13");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show that date"))
                .click();
        assertThat(page.getByTestId("as-of")).containsText("13 August 2021");
        assertThat(row.getByTestId("value")).hasText("0 of 34");
        assertThat(row.getByTestId("status")).containsText("Not crossed");
    }

    /** Fills the observation form for "SUBJECT fell" at the prefilled time; returns that time. */
    private String record(String subject) {
        String observedAt = page.locator("#observedAt").inputValue();
        page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true)).fill(subject);
        page.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).fill("fell");
        page.getByLabel("Source", new Page.GetByLabelOptions().setExact(true)).fill("VOA");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the observation"))
                .click();
        return observedAt;
    }
}
