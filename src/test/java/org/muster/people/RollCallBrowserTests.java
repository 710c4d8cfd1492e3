package org.muster.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MusterIntegrationTest
class RollCallBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerStartsARollCallAnswersForSomeoneWatchesItCountAndClosesIt() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                List.of(
                        new NewPerson("Ann", "Lee", Category.US_DIRECT_HIRE, "US", null, null, "Chancery"),
                        new NewPerson("Omid", "Safi", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null, "Annex"),
                        new NewPerson("Roya", "Karimi", Category.SIV_APPLICANT, "AF", null, null, "Annex"),
                        new NewPerson("Tom", "Lee", Category.ELIGIBLE_FAMILY_MEMBER, "US", null, null, "Chancery")),
                "a test");
        long safi = jdbc.sql("select id from person where post_id = ? and family_name = 'Safi'")
                .param(post.id())
                .query(Long.class)
                .single();
        jdbc.sql("insert into contact_point (person_id, kind, value) values (?, 'PHONE', '+93 700 123 456')")
                .param(safi)
                .update();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        String baseUrl = "http://localhost:" + port;

        signIn(page, baseUrl, rso, TestData.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Roll-calls").setExact(true))
                .click();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Evening muster");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the roll-call"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("4 people to account for");
        assertThat(page.locator("#accounted-percent")).hasText("0.0 %");
        assertThat(page.locator("#member-" + safi)).containsText("+93 700 123 456");
        assertThat(page.locator("#member-" + safi).getByTestId("stale")).isVisible();
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('rollcall-chart'))");

        Locator row = page.locator("#member-" + safi);
        row.getByRole(AriaRole.COMBOBOX).selectOption("NEEDS_HELP");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record"))
                .click();

        assertThat(page.locator("#member-" + safi).getByTestId("member-status")).hasText("Needs help");
        assertThat(page.locator("#member-" + safi)).containsText(rso);
        assertThat(page.locator("#accounted-percent")).hasText("25.0 %");
        assertThat(page.locator("#accounted-percent")).hasAttribute("data-percent", "25.0");
        page.waitForFunction("() => Chart.getChart(document.getElementById('rollcall-chart'))");
        screenshot(page, "rollcall-live");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Close roll-call…"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close and freeze the result"))
                .click();

        assertThat(page.getByTestId("state")).hasText("Closed");
        assertThat(page.getByTestId("frozen")).isVisible();
        assertThat(page.locator("#accounted-percent")).hasText("25.0 %");
        assertThat(page.locator("#member-" + safi)).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")))
                .hasCount(0);
        screenshot(page, "rollcall-closed");
    }

    @Test
    void theLivePageTurnsToTheNextPageFromTheKeyboardKeepingTheFilter() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                IntStream.range(0, 2 * RollCallMembers.PAGE_SIZE + 1)
                        .mapToObj(i ->
                                new NewPerson("G" + i, "Annex" + i, Category.US_DIRECT_HIRE, "US", null, null, "Annex"))
                        .toList(),
                "a test");
        registry.addAll(
                post.id(),
                List.of(new NewPerson("Ann", "Lee", Category.US_DIRECT_HIRE, "US", null, null, "Chancery")),
                "a test");
        String baseUrl = "http://localhost:" + port;
        signIn(page, baseUrl, data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post), TestData.PASSWORD);
        page.navigate(baseUrl + "/roll-calls");
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Annex muster");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the roll-call"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("102 people to account for");
        page.navigate(page.url() + "?location=Annex");

        Locator pages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of people"));
        Locator next = pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next"));
        next.focus();
        assertThat(next).isFocused();
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*location=Annex&name=&page=1$"));
        assertThat(pages.locator(".usa-current")).hasText("2");
        assertThat(pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous")))
                .hasAttribute("href", Pattern.compile(".*location=Annex&name=&page=0$"));
        assertThat(page.locator("tr.rollcall-member")).hasCount(RollCallMembers.PAGE_SIZE);
        assertThat(page.locator("tr.rollcall-member", new Page.LocatorOptions().setHasText("Lee, Ann")))
                .hasCount(0);
        screenshot(page, "rollcall-live-page-2");
    }
}
