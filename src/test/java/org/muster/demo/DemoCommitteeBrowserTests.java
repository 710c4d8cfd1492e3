package org.muster.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterDemoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo embassy's committee meeting as two of its members see it (same context as the dashboard's demo tests). */
@MusterDemoTest
class DemoCommitteeBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Test
    void theDemoMeetingShowsEachMemberThePortionsOfTheirClearance() {
        String base = "http://localhost:" + port;
        signIn(page, base, "eac2.kbl", DemoAccounts.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Committee").setExact(true))
                .click();
        assertThat(page.locator("#committee-members tbody tr")).hasCount(5);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Daily EAC meeting"))
                .click();

        assertThat(page.getByTestId("status")).hasText("In session");
        assertThat(page.getByTestId("portion")).hasCount(3);
        assertThat(page.getByTestId("withheld")).containsText("2 portions are withheld");
        assertThat(page.getByTestId("worst-case-withheld")).isVisible();
        assertThat(page.getByTestId("dissent")).containsText("halves the consular section");
        screenshot(page, "demo-committee-sbu");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        signIn(page, base, "eac.kbl", DemoAccounts.PASSWORD);
        page.navigate(page.url().replaceAll("/$", "") + "/committee");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Daily EAC meeting"))
                .click();

        assertThat(page.getByTestId("portion")).hasCount(5);
        assertThat(page.getByTestId("page-marking").first()).hasText("SECRET");
        assertThat(page.getByTestId("worst-case")).containsText("(S)");
        screenshot(page, "demo-committee-secret");
    }
}
