package org.muster.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterDemoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@MusterDemoTest
class DashboardBrowserTests extends BrowserSupport {
    private static final String PASSWORD = "Muster-Demo-2021";
    private static final String KABUL = "U.S. Embassy Kabul (demo)";
    private static final String MAZAR = "U.S. Consulate Mazar-i-Sharif (demo)";

    @LocalServerPort
    int port;

    String baseUrl;

    @BeforeEach
    void baseUrl() {
        baseUrl = "http://localhost:" + port;
    }

    @Test
    void taskForceUserSignsInSwitchesPostAndSeesEachDashboard() {
        signIn(page, baseUrl, "taskforce", PASSWORD);

        assertThat(page.getByTestId("post-name")).hasText(KABUL);
        assertThat(page.getByTestId("post-code")).hasText("KBL");
        assertThat(page.getByTestId("headcount-com")).hasText("4,000");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch post")))
                .isHidden();
        screenshot(page, "dashboard-kbl");

        page.locator("#post-switcher").selectOption("MZR");

        assertThat(page.getByTestId("post-name")).hasText(MAZAR);
        assertThat(page.getByTestId("post-code")).hasText("MZR");
        assertThat(page.getByTestId("headcount-com")).hasText("225");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are now working in " + MAZAR + ".");
        assertThat(page.locator("#post-switcher")).hasValue("MZR");
        screenshot(page, "dashboard-mzr");
    }

    @Test
    void postMemberCannotSwitchToAPostTheyDoNotBelongTo() {
        signIn(page, baseUrl, "com.kbl", PASSWORD);
        assertThat(page.getByTestId("post-code")).hasText("KBL");
        assertThat(page.locator("#post-switcher")).hasCount(0);

        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        APIResponse ownPost = switchPostBehindTheBrowsersBack("KBL", csrf);
        Assertions.assertThat(ownPost.status())
                .as("the forged request is well-formed: it works for the user's own post")
                .isEqualTo(302);

        APIResponse otherPost = switchPostBehindTheBrowsersBack("MZR", csrf);
        Assertions.assertThat(otherPost.status()).isEqualTo(403);

        page.navigate(baseUrl + "/");
        assertThat(page.getByTestId("post-name")).hasText(KABUL);
        assertThat(page.getByTestId("post-code")).hasText("KBL");
    }

    @Test
    void wrongPasswordShowsAnErrorAndNoDashboard() {
        submitLogin(page, baseUrl, "taskforce", "not-the-password");

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The user name or password is not right.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Sign in to Muster");
        assertThat(page.getByTestId("post-name")).hasCount(0);
        screenshot(page, "login-error");

        page.navigate(baseUrl + "/");
        assertThat(page.getByLabel("Password")).isVisible();
        assertThat(page.getByTestId("post-name")).hasCount(0);
    }

    @Test
    void unknownPageShowsTheUsefulNotFoundPage() {
        signIn(page, baseUrl, "com.kbl", PASSWORD);

        Response response = page.navigate(baseUrl + "/no-such-page");

        Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Page not found");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the dashboard")))
                .isVisible();
        screenshot(page, "not-found");
    }

    @Test
    void anAdministratorWorkingInAPostHasTheHeaderInOneRowAndOpensAdministrationFromTheKeyboard() {
        signIn(page, baseUrl, "admin", PASSWORD);
        assertThat(page.getByTestId("post-code")).hasText("KBL");

        screenshot(page, "header-administrator");
        // at 1280 px every header item and Sign out sit in one row
        Locator items = page.locator(".muster-header .usa-nav__primary > .usa-nav__primary-item");
        Assertions.assertThat(items.count()).isGreaterThanOrEqualTo(10);
        double top = items.first().boundingBox().y;
        for (int i = 0; i < items.count(); i++) {
            Assertions.assertThat(items.nth(i).boundingBox().y)
                    .as("header item %d (%s)", i, items.nth(i).innerText())
                    .isCloseTo(top, Assertions.within(4.0));
        }
        Locator signOut = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"));
        var signOutBox = signOut.boundingBox();
        var firstBox = items.first().boundingBox();
        Assertions.assertThat(signOutBox.height).as("Sign out on one line").isLessThan(60);
        Assertions.assertThat(signOutBox.y + signOutBox.height / 2)
                .as("Sign out in the row of the links")
                .isBetween(firstBox.y, firstBox.y + firstBox.height);

        Locator administration = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Administration"));
        Locator users = page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true));
        assertThat(users).isHidden();
        administration.focus();
        page.keyboard().press("Enter");
        assertThat(administration).hasAttribute("aria-expanded", "true");
        assertThat(users).isVisible();
        screenshot(page, "header-administration-open");
        page.keyboard().press("Escape");
        assertThat(users).isHidden();

        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertThat(users).isFocused();
        page.keyboard().press("Enter");
        page.waitForURL(baseUrl + "/admin/users");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .isVisible();
    }

    /** Posts the switcher form from the signed-in browser's session, as a hand-made request would. */
    private APIResponse switchPostBehindTheBrowsersBack(String code, String csrf) {
        return page.request()
                .post(
                        baseUrl + "/posts/current",
                        RequestOptions.create()
                                .setForm(FormData.create().set("code", code).set("_csrf", csrf))
                                .setMaxRedirects(0));
    }
}
