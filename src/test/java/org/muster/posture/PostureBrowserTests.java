package org.muster.posture;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PostureIntegrationTest
class PostureBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PostureFixture fixture;

    @Autowired
    MovableClock clock;

    @Test
    void theChiefOfMissionRequestsOrderedDepartureForChildrenAndTheApproverApprovesIt() {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        String approver = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, post);
        LocalDate today =
                OffsetDateTime.now(clock).atZoneSameInstant(post.timeZone()).toLocalDate();
        long child = fixture.person(post, "Karimi", Category.ELIGIBLE_FAMILY_MEMBER, today.minusYears(7), false);
        long teen = fixture.person(post, "Lee", Category.ELIGIBLE_FAMILY_MEMBER, today.minusYears(16), false);
        long spouse = fixture.person(post, "Morgan", Category.ELIGIBLE_FAMILY_MEMBER, today.minusYears(41), false);
        fixture.person(post, "Novak", Category.US_DIRECT_HIRE, today.minusYears(45), false);
        String baseUrl = "http://localhost:" + port;

        signIn(page, baseUrl, com, TestData.PASSWORD);
        link("Posture").click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Security deteriorating");
        page.getByLabel("Accountable official (exactly one)").selectOption(com);
        page.getByLabel("Approving authority").selectOption(approver);
        button("Open the crisis").click();
        assertThat(page.getByTestId("accountable-official")).containsText(com);
        assertThat(page.getByTestId("approver")).containsText(approver);

        page.getByLabel("Posture", new Page.GetByLabelOptions().setExact(true)).selectOption("ORDERED_DEPARTURE");
        page.locator("label[for='category-ELIGIBLE_FAMILY_MEMBER']").click();
        assertThat(page.getByLabel("Eligible family member")).isChecked();
        page.getByLabel("Only those under (years of age)").fill("18");
        page.getByLabel("Justification").fill("Schools closed; the road to the airport may be cut within weeks.");
        button("Send the request").click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent to the approving authority");
        assertThat(page.locator("#pending-requests")).containsText("Eligible family member, under 18");
        assertThat(page.getByTestId("posture-in-force").first()).hasText("Normal");
        assertThat(button("Approve")).hasCount(0);
        screenshot(page, "posture-requested");
        signOut();

        signIn(page, baseUrl, approver, TestData.PASSWORD);
        link("Posture").click();
        Locator request = page.locator("#pending-requests tbody tr").first();
        request.getByLabel("Reason").fill("The committee's recommendation is accepted.");
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is in force");
        assertThat(page.getByTestId("posture-in-force").first()).hasText("Ordered departure");
        assertThat(page.getByTestId("posture-subset")).hasText("for Eligible family member, under 18");
        assertThat(page.getByTestId("review-due")).isVisible();
        assertThat(page.getByTestId("days-in-status")).hasText("0");
        Locator history = page.locator("#posture-history tbody tr").first();
        assertThat(history).containsText("Ordered departure");
        assertThat(history).containsText("Approved");
        assertThat(history).containsText("by " + approver);
        assertThat(history).containsText("The committee's recommendation is accepted.");
        assertThat(page.locator("#person-" + child)).isVisible();
        assertThat(page.locator("#person-" + teen)).isVisible();
        assertThat(page.locator("#person-" + spouse)).hasCount(0);
        assertThat(page.getByTestId("must-leave-total").first()).hasText("2");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-drawdown]'))");
        screenshot(page, "posture-approved");
        signOut();

        signIn(page, baseUrl, com, TestData.PASSWORD);
        link("Posture").click();
        page.locator("#person-" + teen)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record departure"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("recorded as departed");
        assertThat(page.locator("#person-" + teen)).hasCount(0);
        assertThat(page.getByTestId("must-leave-total").first()).hasText("1");

        link("Dashboard").click();
        Locator card = page.getByTestId("posture-card");
        assertThat(card.getByTestId("posture-in-force")).hasText("Ordered departure");
        assertThat(card.getByTestId("departed")).hasText("1");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-drawdown]'))");
        screenshot(page, "posture-dashboard");
    }

    private Locator link(String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void signOut() {
        button("Sign out").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
    }
}
