package org.muster.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo's messages: the dashboard counts the message to citizens and shows the open review task. */
@MusterDemoTest
class DemoMessagesBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    DemoUnderWay underWay;

    @Test
    void theConsularSectionSeesTheMessageToCitizensCountedAndTheReviewTaskOnTheDashboard() throws InterruptedException {
        // sent on their own thread once the server is ready
        org.assertj.core.api.Assertions.assertThat(underWay.awaitDone(Duration.ofSeconds(60)))
                .isTrue();
        signIn(page, "http://localhost:" + port, "consular.kbl", DemoAccounts.PASSWORD);

        assertThat(page.getByTestId("messages-card")).isVisible();
        assertThat(page.getByTestId("citizen-messages")).hasText("1");
        assertThat(page.getByTestId("citizen-last")).containsText("Account for yourself: answer with the link");
        assertThat(page.getByTestId("messages-card").getByTestId("review-tasks"))
                .containsText("Road to the airport closed after clashes");
        screenshot(page, "dashboard-messages");

        page.getByTestId("citizen-last").getByRole(AriaRole.LINK).click();

        assertThat(page.locator("#text-fa-AF")).hasAttribute("dir", "rtl");
        assertThat(page.locator("#text-ps-AF")).containsText("خپل حالت راته ووایاست");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Deliveries")))
                .isVisible();
    }
}
