package org.muster.committee;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.committee.CommitteeTestData.Cast;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The meeting page in Chromium: a meeting held from the chair's seat, and what an uncleared member sees of it. */
@MusterIntegrationTest
class MeetingBrowserTests extends BrowserSupport {
    static final String C_PORTION = "Liaison reports the northern ring road is no longer held.";
    static final String DISSENT = "Ordered departure now closes the consular section while citizens still need it.";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    CommitteeTestData fixture;

    @Autowired
    Committee committee;

    @Autowired
    MeetingMinutes minutes;

    @Autowired
    Clock clock;

    @Test
    void theChairHoldsAMeetingMembersVoteWithADissentAndTheRecommendationIsFinal() {
        Cast c = fixture.committee();
        long meetingId = data.as(
                        c.chair(),
                        () -> committee.schedule(
                                c.post().id(),
                                "Daily EAC meeting",
                                clock.instant().plus(Duration.ofHours(1))))
                .id();
        String base = "http://localhost:" + port;

        signIn(page, base, c.chair(), TestData.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Committee").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Daily EAC meeting"))
                .click();
        button("Open the session").click();
        assertThat(page.getByTestId("status")).hasText("In session");

        attendance(c.chair(), "PRESENT");
        attendance(c.rso(), "BY_PHONE");
        attendance(c.uncleared(), "ABSENT");
        assertThat(page.locator("#attendance-" + c.rso()).getByTestId("presence"))
                .hasText("By phone");
        assertThat(page.locator("#attendance-" + c.uncleared()).getByTestId("presence"))
                .hasText("Absent");

        portion("UNCLASSIFIED", "The committee reviewed the morning roll-call: 96 % accounted for.");
        portion("CONFIDENTIAL", C_PORTION);
        assertThat(page.getByTestId("portion")).hasCount(2);
        assertThat(page.locator("#portion-1 .committee-portion__mark")).hasText("(U)");
        assertThat(page.locator("#portion-2 .committee-portion__mark")).hasText("(C)");
        assertThat(page.getByTestId("page-marking").first()).hasText("CONFIDENTIAL");

        page.locator("#worst-case-classification").selectOption("CONFIDENTIAL");
        page.getByLabel("Worst case considered").fill("The airport closes to commercial flights within 72 hours.");
        button("Record the assessment").click();
        assertThat(page.getByTestId("worst-case")).containsText("(C)");

        page.getByText("Propose a recommendation").click();
        page.getByLabel("Recommendation", new Page.GetByLabelOptions().setExact(true))
                .fill("Request ordered departure of eligible family members.");
        page.getByLabel("Posture recommended").selectOption("ORDERED_DEPARTURE");
        button("Propose").click();
        Locator recommendation = page.locator(".committee-card").first();
        assertThat(recommendation.getByTestId("recommendation-status")).hasText("Draft");
        vote(recommendation, "For", null);
        assertThat(page.locator(".committee-card").first().getByTestId("tally"))
                .hasText("1 for, 0 against, 0 abstaining");

        switchTo(base, c.rso(), meetingId);
        vote(page.locator(".committee-card").first(), "Against", DISSENT);
        assertThat(page.locator(".committee-card").first().getByTestId("dissent"))
                .hasText(DISSENT);
        assertThat(page.locator(".committee-card").first().getByTestId("tally"))
                .hasText("1 for, 1 against, 0 abstaining");

        switchTo(base, c.chair(), meetingId);
        button("Finalise the recommendation").click();
        assertThat(page.getByTestId("recommendation-status")).hasText("Final");
        assertThat(page.getByTestId("dissent")).hasText(DISSENT);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cast vote")))
                .hasCount(0);
        screenshot(page, "committee-meeting");

        switchTo(base, c.chief(), meetingId);
        page.getByLabel("On the recommendation")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByLabel("Decision", new Page.GetByLabelOptions().setExact(true))
                .fill("I will request ordered departure of eligible family members today.");
        button("Record the decision").click();
        assertThat(page.locator("#decisions .committee-card")).containsText("I will request ordered departure");
        assertThat(page.locator("#decisions .committee-card")).containsText("by " + c.chief());
        screenshot(page, "committee-decision");
    }

    @Test
    void anUnclearedMemberSeesTheUnclassifiedPortionsAndHowManyAreWithheld() {
        Cast c = fixture.committee();
        long meetingId = data.as(
                        c.chair(),
                        () -> committee.schedule(
                                c.post().id(),
                                "Daily EAC meeting",
                                clock.instant().plus(Duration.ofHours(1))))
                .id();
        data.as(c.chair(), () -> committee.open(c.post().id(), meetingId));
        long postId = c.post().id();
        data.as(
                c.chair(),
                () -> minutes.addPortion(
                        postId, meetingId, Classification.UNCLASSIFIED, "The committee met at 09:00."));
        data.as(c.rso(), () -> minutes.addPortion(postId, meetingId, Classification.CONFIDENTIAL, C_PORTION));
        data.as(
                c.rso(),
                () -> minutes.addPortion(postId, meetingId, Classification.SECRET, "A source reports a plan."));
        data.as(
                c.chair(),
                () -> minutes.addPortion(postId, meetingId, Classification.UNCLASSIFIED, "Next meeting at 18:00."));
        data.as(c.rso(), () -> minutes.assess(postId, meetingId, Classification.SECRET, "An attack on the airport."));

        signIn(page, "http://localhost:" + port, c.uncleared(), TestData.PASSWORD);
        page.navigate("http://localhost:" + port + "/committee/meetings/" + meetingId);

        assertThat(page.getByTestId("portion")).hasCount(2);
        assertThat(page.getByTestId("portion").nth(0)).containsText("(U)The committee met at 09:00.");
        assertThat(page.getByTestId("portion").nth(1)).containsText("(U)Next meeting at 18:00.");
        assertThat(page.getByTestId("withheld"))
                .hasText("2 portions are withheld: marked above your clearance (Unclassified).");
        assertThat(page.getByTestId("worst-case-withheld")).isVisible();
        assertThat(page.getByTestId("page-marking").first()).hasText("UNCLASSIFIED");
        assertThat(page.locator("main")).not().containsText("northern ring road");
        assertThat(page.locator("main")).not().containsText("(C)");
        assertThat(page.getByLabel("Portion marking").locator("option")).hasCount(1);
        screenshot(page, "committee-meeting-uncleared");
    }

    void attendance(String username, String presence) {
        Locator row = page.locator("#attendance-" + username);
        row.getByRole(AriaRole.COMBOBOX).selectOption(presence);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record"))
                .click();
        assertThat(page.locator("#attendance-" + username).getByTestId("presence"))
                .not()
                .hasText("not recorded");
    }

    void portion(String marking, String text) {
        page.getByLabel("Portion marking").selectOption(marking);
        page.getByLabel("Portion text").fill(text);
        button("Add to the minutes").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Added to the minutes");
    }

    void vote(Locator card, String vote, String dissent) {
        card.locator("label.usa-radio__label:text-is('" + vote + "')").click();
        if (dissent != null) {
            card.getByLabel("Dissent").fill(dissent);
        }
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cast vote"))
                .click();
    }

    void switchTo(String base, String username, long meetingId) {
        button("Sign out").click();
        signIn(page, base, username, TestData.PASSWORD);
        page.navigate(base + "/committee/meetings/" + meetingId);
    }

    Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
