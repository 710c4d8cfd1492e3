package org.muster.posture;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterDemoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo's crisis at KBL, as its chief of mission sees it (same context as the dashboard's demo tests). */
@MusterDemoTest
class DemoPostureBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Test
    void theDemoCrisisNamesItsOfficialsAndWarnsThatTheLeadTimeIsTooShort() {
        signIn(page, "http://localhost:" + port, "com.kbl", "Muster-Demo-2021");

        var card = page.getByTestId("posture-card");
        assertThat(card.getByTestId("posture-in-force")).hasText("Normal");
        assertThat(card.getByTestId("lead-time-warning"))
                .containsText("moving 9,431 people at 800 a day takes 12 days");
        assertThat(card.getByTestId("core-target")).hasText("150");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-drawdown]'))");
        screenshot(page, "posture-demo-dashboard");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Posture").setExact(true))
                .click();
        assertThat(page.getByTestId("accountable-official")).containsText("com.kbl");
        assertThat(page.getByTestId("approver")).containsText("approver");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the request")))
                .isVisible();
        screenshot(page, "posture-demo");
    }
}
