package org.muster.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.people.RollCall;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The answer page on a phone-sized screen, in Dari, answered with a tap. */
@MusterIntegrationTest
class AnswerPageBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    AnswerFixtures fixtures;

    @Test
    void aDariSpeakerTapsNeedHelpOnAPhoneAndSeesTheConfirmationRightToLeft() {
        Post post = data.post();
        long omid = fixtures.person(post, "امید", "Safi", Language.DARI);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall open = fixtures.startRollCall(rso, post, "Morning");
        fixtures.notice(post, omid, Classification.UNCLASSIFIED, "Curfew from 8 pm");
        long message =
                fixtures.email(post, List.of(new Recipient(omid, Channel.EMAIL, "omid@example.org", Language.DARI)));
        String token = fixtures.token(message);

        try (BrowserContext phone = page.context()
                .browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true)
                        .setHasTouch(true)
                        .setLocale("fa-AF")
                        .setTimezoneId("Asia/Kabul"))) {
            Page p = phone.newPage();
            p.setDefaultTimeout(TIMEOUT_MILLIS);
            p.navigate("http://localhost:" + port + "/r/" + token);

            assertThat(p.locator("html")).hasAttribute("dir", "rtl");
            assertThat(p.locator("html")).hasAttribute("lang", "fa-AF");
            assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("سلام امید");
            assertThat(p.getByText("در جای خود پناه بگیرید")).isVisible();
            var needHelp = p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("به کمک نیاز دارم"));
            var box = needHelp.boundingBox();
            assertThat(box.height).as("a large touch target").isGreaterThanOrEqualTo(48);
            assertThat(box.width).isGreaterThan(300);
            Object overflow = p.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling").isEqualTo(false);
            screenshot(p, "answer-page-dari-phone");

            p.getByLabel("یادداشت بگذارید (اختیاری)").fill("پایم زخمی است");
            needHelp.tap();

            assertThat(p.getByTestId("confirmation")).containsText("تشکر. پاسخ شما ثبت شد.");
            assertThat(p.getByTestId("confirmation")).containsText("پاسخ فعلی شما: به کمک نیاز دارم");
            assertThat(p.locator("html")).hasAttribute("dir", "rtl");
            screenshot(p, "answer-page-dari-phone-confirmed");
        }
        assertThat(fixtures.text(
                        "select m.status || ' ' || m.channel || ' ' || c.note from roll_call_member m"
                                + " join check_in c on c.id = m.last_check_in where m.roll_call_id = ? and m.person_id = ?",
                        open.id(),
                        omid))
                .isEqualTo("NEEDS_HELP SELF پایم زخمی است");
    }
}
