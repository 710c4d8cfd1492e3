package org.muster.requests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
class RequestsBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Test
    void someoneWritesInDariOnAPhoneGetsAReferenceAndTheConsularSectionFindsTheTicket() {
        Post post = data.post();
        String consular = data.user(Role.CONSULAR, Classification.SBU, post);
        String baseUrl = "http://localhost:" + port;
        page.setViewportSize(390, 844);

        page.navigate(baseUrl + "/posts/" + post.code() + "/requests/new");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("دری"))
                .click();
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.locator("html")).hasAttribute("lang", "fa-AF");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("نام کامل شما"))
                .fill("فرید احمدی");
        page.getByLabel("آدرس ایمیل").fill("farid@example.org");
        page.getByText("تخلیه و خروج").click();
        page.locator("#subject").fill("کمک برای خروج خانواده");
        page.getByLabel("پیام شما").fill("ما چهار نفر هستیم، دو کودک. چگونه به میدان هوایی برسیم؟");
        screenshot(page, "requests-form-dari");
        org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .as("the right-to-left form fits the phone's width")
                .isLessThanOrEqualTo(390);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("فرستادن درخواست"))
                .click();

        assertThat(page.getByTestId("status")).hasText("دریافت شده، هنوز بررسی نشده");
        String reference = page.getByTestId("reference").textContent().strip();
        org.assertj.core.api.Assertions.assertThat(reference).matches(post.code() + "-\\d{4}-000001");
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        screenshot(page, "requests-received-dari");

        page.setViewportSize(1280, 800);
        page.context().clearCookies();
        signIn(page, baseUrl, consular, TestData.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Requests").setExact(true))
                .click();
        assertThat(page.locator("tr[data-reference='" + reference + "']")).containsText("unread");
        assertThat(page.locator("tr[data-reference='" + reference + "']")).containsText("کمک برای خروج خانواده");
        screenshot(page, "requests-list");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference))
                .click();
        assertThat(page.getByTestId("ticket-reference")).hasText(reference);
        assertThat(page.getByTestId("ticket-history")).containsText("opened it for the first time");
        page.getByLabel("Status").selectOption("IN_REVIEW");
        page.getByLabel("Note").fill("Called the family back.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByTestId("ticket-status")).hasText("in review");
        screenshot(page, "requests-ticket");
    }
}
