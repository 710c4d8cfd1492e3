package org.muster.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.muster.BrowserSupport;
import org.muster.MusterDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's roll-call at Kabul: under way for 25 minutes, part answered, the rest listed to reach. */
@MusterDemoTest
class DemoRollCallBrowserTests extends BrowserSupport {
    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoUnderWay underWay;

    @Test
    void theSecurityOfficerOpensKabulsRollCallUnderWayAndSeesWhoIsStillToReach() throws InterruptedException {
        // started on its own thread once the server is ready: wait for its transaction to commit
        org.assertj.core.api.Assertions.assertThat(underWay.awaitDone(Duration.ofSeconds(60)))
                .isTrue();
        record Counts(long members, long accounted, long comMembers, long comAccounted, long gate, long officer) {}
        Counts counts = jdbc.sql("""
                        select count(*), count(*) filter (where m.status <> 'UNKNOWN'),
                               count(*) filter (where p.chief_of_mission),
                               count(*) filter (where p.chief_of_mission and m.status <> 'UNKNOWN'),
                               count(*) filter (where m.channel = 'GATE'), count(*) filter (where m.channel = 'OFFICER')
                        from roll_call r join roll_call_member m on m.roll_call_id = r.id join person p on p.id = m.person_id
                        where r.title = ? and r.closed_at is null
                        """)
                .param(DemoRollCall.TITLE)
                .query((rs, n) -> new Counts(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .single();
        org.assertj.core.api.Assertions.assertThat(counts.accounted()).isBetween(1L, counts.members() - 1);
        org.assertj.core.api.Assertions.assertThat(counts.comAccounted() * 100 / counts.comMembers())
                .as("about three in four chief-of-mission personnel")
                .isBetween(65L, 85L);
        org.assertj.core.api.Assertions.assertThat(counts.gate() + counts.officer())
                .isEqualTo(counts.accounted());

        signIn(page, "http://localhost:" + port, "rso.kbl", DemoAccounts.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Roll-calls").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(DemoRollCall.TITLE))
                .click();

        assertThat(page.getByTestId("state")).hasText("Open");
        assertThat(page.locator("#accounted-count")).hasText(String.valueOf(counts.accounted()));
        assertThat(page.locator("#member-count")).hasText(String.valueOf(counts.members()));
        assertThat(page.getByTestId("member-total"))
                .containsText(String.format("%,d", counts.members() - counts.accounted()));
        Locator rows = page.locator("tr.rollcall-member");
        assertThat(rows.first().getByTestId("member-status")).hasText("Unknown");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('rollcall-chart'))");
        screenshot(page, "demo-rollcall");
    }
}
