package org.muster.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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

    @Autowired
    RollCalls rollCalls;

    @Autowired
    CheckIns checkIns;

    @Test
    void anOfficerStartsARollCallAnswersForSomeoneWatchesItCountAndClosesIt() {
        Post post = data.post();
        registry.addAll(post.id(), RollCallPeople.ALL, "a test");
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
        registry.addAll(post.id(), List.of(RollCallPeople.ANN_LEE), "a test");
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

    @Test
    void theUnaccountedListRefreshesItselfButWaitsWhileTheOfficerIsAnsweringOrHasTurnedItOff() {
        Post post = data.post();
        registry.addAll(post.id(), RollCallPeople.ALL, "a test");
        long ann = personId(post, "Ann");
        long safi = personId(post, "Omid");
        long karimi = personId(post, "Roya");
        long tom = personId(post, "Tom");
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Evening muster", null, null, null));
        String baseUrl = "http://localhost:" + port;
        signIn(page, baseUrl, rso, TestData.PASSWORD);
        page.navigate(baseUrl + "/roll-calls/" + rc.id());
        page.evaluate("() => document.addEventListener('htmx:beforeRequest', e => {"
                + " if (e.detail.elt.id === 'rollcall-people') {"
                + " window.listPolls = (window.listPolls || 0) + 1;"
                + " window.listPollsHeld = (window.listPollsHeld || 0) + (e.defaultPrevented ? 1 : 0); } })");
        assertThat(page.locator("tr.rollcall-member")).hasCount(4);

        gateCheckIn(post, rc, ann);

        assertThat(page.locator("#member-" + ann))
                .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        assertThat(page.locator("tr.rollcall-member")).hasCount(3);
        assertThat(page.locator("#accounted-percent")).hasText("25.0 %");
        assertThat(page.getByTestId("member-total")).containsText("3 people match");

        Locator safiRow = page.locator("#member-" + safi);
        safiRow.getByRole(AriaRole.COMBOBOX).focus();
        gateCheckIn(post, rc, karimi);
        assertTheNextRefreshIsHeldBack("the focus inside the list holds the refresh back");
        assertThat(page.locator("#accounted-percent")).hasText("50.0 %");
        assertThat(page.locator("#member-" + karimi)).hasCount(1);

        safiRow.getByRole(AriaRole.COMBOBOX).selectOption("NEEDS_HELP");
        page.locator("h1").click();
        assertTheNextRefreshIsHeldBack("a changed answer not yet recorded holds the refresh back");
        assertThat(page.locator("#member-" + karimi)).hasCount(1);

        page.waitForResponse(
                r -> r.url().endsWith("/roll-calls/" + rc.id() + "/members/" + safi),
                () -> safiRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record"))
                        .click());
        Locator live = page.getByLabel("Refresh this list every 10 seconds");
        live.focus();
        page.keyboard().press("Space");
        assertThat(live).not().isChecked();
        gateCheckIn(post, rc, tom);
        assertTheNextRefreshIsHeldBack("the switch turned off holds the refresh back");
        assertThat(page.locator("#accounted-percent")).hasText("100.0 %");
        assertThat(page.locator("#member-" + tom)).hasCount(1);

        page.keyboard().press("Space");
        assertThat(live).isChecked();
        assertThat(page.locator("tr.rollcall-member"))
                .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        assertThat(page.getByTestId("member-total")).containsText("0 people match");
        assertThat(page.getByTestId("none-unaccounted")).hasText("No one is unaccounted for.");
        assertThat(page.locator("#accounted-percent")).hasText("100.0 %");
        page.waitForFunction("() => Chart.getChart(document.getElementById('rollcall-chart'))");
        screenshot(page, "rollcall-live-all-accounted");
    }

    /** Waits for the list's next refresh (every 10 s) and asserts that rollcall.js held it back. */
    private void assertTheNextRefreshIsHeldBack(String why) {
        page.evaluate("() => { window.listPolls = 0; window.listPollsHeld = 0; }");
        page.waitForFunction("() => window.listPolls >= 1", null, new Page.WaitForFunctionOptions().setTimeout(15_000));
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.listPollsHeld"))
                .as(why)
                .isEqualTo(page.evaluate("() => window.listPolls"));
    }

    private void gateCheckIn(Post post, RollCall rc, long personId) {
        String gate = data.user(Role.GATE, Classification.UNCLASSIFIED, post);
        data.as(
                gate,
                () -> checkIns.checkIn(
                        post.id(),
                        rc.id(),
                        new CheckIn(
                                java.util.UUID.randomUUID(),
                                personId,
                                CheckInStatus.SAFE,
                                CheckInChannel.GATE,
                                null,
                                null)));
    }

    private long personId(Post post, String givenName) {
        return jdbc.sql("select id from person where post_id = ? and given_name = ?")
                .params(post.id(), givenName)
                .query(Long.class)
                .single();
    }
}
