package org.muster.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Composing a message in English, Dari and Pashto in Chromium, and Dari and Pashto rendered right to left. */
@MusterIntegrationTest
class MessageBrowserTests extends BrowserSupport {
    /** Where a text's glyphs sit in its block: the text's own box against the block's content box. */
    private static final String TEXT_BOX = """
            el => {
              const range = document.createRange();
              range.selectNodeContents(el);
              const text = range.getBoundingClientRect();
              const box = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              return {
                direction: style.direction,
                textLeft: text.left, textRight: text.right,
                left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight)
              };
            }""";

    @LocalServerPort
    int port;

    @Autowired
    MessageFixture fixture;

    @Test
    void anOfficerComposesInThreeLanguagesPreviewsSendsAndDariAndPashtoReadRightToLeft() {
        var r = fixture.register();
        String consular = fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post());
        signIn(page, "http://localhost:" + port, consular, TestData.PASSWORD);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Primary navigation"))
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Messages").setExact(true))
                .click();
        assertThat(page.getByTestId("no-messages")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compose a message"))
                .click();
        page.locator("#template-picker").selectOption("Security alert: shelter in place");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this template"))
                .click();

        assertThat(page.locator("#subjectEn")).hasValue("Security alert: shelter in place");
        assertThat(page.locator("#subjectFa")).isHidden();
        Locator dariTab = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("دری"));
        dariTab.click();
        assertThat(page.locator("#subjectFa")).hasValue("هشدار امنیتی: در جای خود پناه بگیرید");
        page.locator("#subjectFa").fill("هشدار امنیتی: در خانه بمانید");
        assertThat(page.locator("#bodyFa")).hasAttribute("dir", "rtl");
        assertThat(page.locator("#bodyFa")).hasAttribute("lang", "fa-AF");
        assertThat((String) page.locator("#bodyFa").evaluate("el => getComputedStyle(el).direction"))
                .isEqualTo("rtl");
        dariTab.press("ArrowRight");
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("پښتو")))
                .hasAttribute("aria-selected", "true");
        assertThat(page.locator("#subjectPs")).hasValue("امنیتي خبرتیا: په خپل ځای کې پاتې شئ");
        page.locator("#subjectPs").fill("امنیتي خبرتیا: په کور کې پاتې شئ");
        page.locator("label[for=audience-POST]").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                .click();

        assertThat(page.getByTestId("preview-people")).hasText("4");
        assertThat(page.getByTestId("deliveries-EMAIL")).hasText("2");
        assertThat(page.getByTestId("deliveries-IN_APP")).hasText("4");
        assertThat(page.getByTestId("unreachable-EMAIL")).containsText("Baker, Bob");
        assertThat(page.locator("#preview #text-fa-AF")).containsText("هشدار امنیتی: در خانه بمانید");
        screenshot(page, "message-preview");
        page.locator("label[for=confirm]").click();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send").setExact(true))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("8 deliveries to 4 people");
        assertThat(page.locator("#delivery-table")).containsText("Baker, Bob");
        Map<String, Object> english = box("#text-en-US .message-text__subject");
        Map<String, Object> dari = box("#text-fa-AF .message-text__subject");
        Map<String, Object> pashto = box("#text-ps-AF .message-text__body");
        screenshot(page, "message-rtl");

        assertThat(page.locator("#text-fa-AF")).hasAttribute("lang", "fa-AF");
        assertThat(page.locator("#text-ps-AF")).hasAttribute("lang", "ps-AF");
        assertThat(english.get("direction")).isEqualTo("ltr");
        assertThat(num(english, "textLeft")).isCloseTo(num(english, "left"), org.assertj.core.data.Offset.offset(2.0));
        for (Map<String, Object> rtl : List.of(dari, pashto)) {
            assertThat(rtl.get("direction")).isEqualTo("rtl");
            assertThat(num(rtl, "textRight"))
                    .as("the text ends at the right edge of its block")
                    .isCloseTo(num(rtl, "right"), org.assertj.core.data.Offset.offset(2.0));
        }
        assertThat(num(dari, "textLeft") - num(dari, "left"))
                .as("a short Dari subject leaves the left of its block empty")
                .isGreaterThan(20.0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> box(String selector) {
        return (Map<String, Object>) page.locator(selector).evaluate(TEXT_BOX);
    }

    private static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }
}
