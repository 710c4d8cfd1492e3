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

    @Test
    void anOfficerRecordsObservationsUntilADecisionPointCrossesAndSeesItsDeadlineOnTheBoardAndMap() {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        data.as(
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

    @Test
    void aSecurityOfficerImportsTheSetReplaysTheKabulTimelineThenRecordsItAndReadsTheReport() throws Exception {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("board");
        java.nio.file.Path set = dir.resolve("kabul.json");
        java.nio.file.Path timeline = dir.resolve("provincial-capitals.csv");
        java.nio.file.Path weaker = dir.resolve("broken.json");
        java.nio.file.Files.write(set, EvaluatorTests.resource("kabul-decision-points.json"));
        java.nio.file.Files.write(timeline, EvaluatorTests.resource("provincial-capitals.csv"));
        java.nio.file.Files.writeString(weaker, "{\"decisionPoints\": [{\"key\": \"x\", \"title\": \"X\"}]}");

        signIn(page, "http://localhost:" + port, rso, TestData.PASSWORD);
        page.navigate("http://localhost:" + port + "/decision-points");
        assertThat(page.getByTestId("no-points")).isVisible();
        page.locator("#set-file").setInputFiles(set);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("saved as version 1: 2 in force");

        page.locator("#timeline-file").setInputFiles(timeline);
        page.locator("label[for=mode-replay]").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload the timeline"))
                .click();
        Locator replay = page.getByTestId("replay");
        assertThat(replay).containsText("27 rows read");
        assertThat(replay.locator("li").nth(0))
                .hasText(
                        "13 Aug 2021 00:00: Half of 34 provincial capitals fallen (17 of 34), decide by 15 Aug 2021 00:00");
        assertThat(replay.locator("li").nth(1))
                .hasText("14 Aug 2021 00:00: Mazar-i-Sharif fallen (reported), decide by 15 Aug 2021 00:00");
        assertThat(page.locator("#observations")).hasCount(0);

        page.locator("#timeline-file").setInputFiles(timeline);
        page.locator("#mapping").fill("subject=capital");
        page.locator("label[for=mode-record]").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload the timeline"))
                .click();
        assertThat(page.getByTestId("timeline-report"))
                .containsText("27 rows: 27 observations recorded, 0 rows refused, 0 empty; 2 decision points crossed.");
        assertThat(page.getByTestId("timeline-report")).containsText("Columns not imported: province");
        assertThat(page.locator("#dp-half-capitals").getByTestId("status"))
                .containsText(java.util.regex.Pattern.compile("Overdue|Escalated"));
        assertThat(page.locator("#observations tbody tr")).hasCount(27);
        assertThat(page.locator("#indicator-map")).hasAttribute("data-drawn", "1");
        assertThat(page.locator("#indicator-map circle.dp-status--overdue")).hasCount(1);
        screenshot(page, "decision-board-kabul");

        page.locator("#set-file").setInputFiles(weaker);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version"))
                .click();
        assertThat(page.getByTestId("import-error")).containsText("decisionPoints[x].indicator");
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
