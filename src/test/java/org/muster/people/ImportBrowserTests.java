package org.muster.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
class ImportBrowserTests extends BrowserSupport {
    static final String LIST = "ID,Surname,Given name,Category,Location,Phone,Phone verified\n"
            + "W1,Rahimi,Ahmad,LES,Karte Se,+93 70 000 0001,2026-11-01\n"
            + "W2,رحیمی,احمد,LES,Karte Se,+93 70 000 0002,\n"
            + "W3,,Nobody,LES,Karte Se,,\n"
            + "W4,Hill,Sam,astronaut,Karte Se,,\n"
            + ",,,,,,\n"
            + "W5,Safi,Omid,USDH,Karte Se,,\n";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    String baseUrl;

    @BeforeEach
    void baseUrl() {
        baseUrl = "http://localhost:" + port;
    }

    @Test
    void importsAListWithErrorsReadsTheReportThenRollCallsAndWatchesThePercentageRise() {
        Post post = data.post();
        String user = data.user(Role.MANAGEMENT, Classification.SBU, post);
        signIn(page, baseUrl, user, TestData.PASSWORD);

        page.navigate(baseUrl + "/people/imports");
        page.getByLabel("Name of the list").fill("Warden list");
        page.locator("#file")
                .setInputFiles(new FilePayload("warden-list.csv", "text/csv", LIST.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and preview"))
                .click();

        assertThat(page.getByTestId("preview-rows")).hasText("6");
        assertThat(page.getByTestId("preview-new")).hasText("3");
        assertThat(page.getByTestId("preview-refused")).hasText("2");
        assertThat(page.getByTestId("preview-problems")).containsText("is required");
        assertThat(page.locator("#map-FAMILY_NAME")).hasValue("Surname");
        assertThat(page.getByTestId("empty-rows")).hasText("1 empty row skipped (row 6).");
        // the rows as read carry the file's row numbers, which the refused rows' reasons name
        assertThat(page.getByTestId("preview-rows-table")
                        .locator("tbody tr")
                        .nth(3)
                        .locator("th"))
                .hasText("5");
        assertThat(page.getByTestId("preview-rows-table").locator("tbody tr").nth(3))
                .containsText("astronaut");
        screenshot(page, "import-preview");

        page.getByTestId("commit-import").click();

        assertThat(page.getByTestId("report-added")).hasText("3");
        assertThat(page.getByTestId("report-refused")).hasText("2");
        Locator row4 = page.locator("[data-testid=rejection][data-row='4']");
        assertThat(row4).containsText("Surname");
        assertThat(row4).containsText("is required");
        assertThat(page.locator("[data-testid=rejection][data-row='5']")).containsText("'astronaut' is not recognised");
        assertThat(page.getByTestId("empty-rows")).hasText("1 empty row skipped (row 6).");
        screenshot(page, "import-report");

        row4.locator("summary").click();
        row4.getByLabel("Family name").fill("Karimi");
        row4.getByRole(AriaRole.BUTTON).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Row 4 corrected and imported.");
        assertThat(page.locator("[data-testid=rejection][data-row='4']")).containsText("corrected");

        page.navigate(baseUrl + "/people?location=Karte+Se");
        assertThat(page.getByTestId("register-total")).hasText("4");
        assertThat(page.getByTestId("register")).containsText("رحیمی, احمد");
        screenshot(page, "register");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Roll-calls").setExact(true))
                .click();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Karte Se muster");
        page.locator("#locations").selectOption("Karte Se");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the roll-call"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("4 people to account for");
        assertThat(page.locator("#accounted-percent")).hasText("0.0 %");
        long ahmad = personId(post, "Ahmad");
        long omid = personId(post, "Omid");

        Locator row = page.locator("#member-" + ahmad);
        row.getByRole(AriaRole.COMBOBOX).selectOption("SAFE");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record"))
                .click();
        assertThat(page.locator("#accounted-percent")).hasText("25.0 %");

        String rollCall = page.url().replaceAll(".*/roll-calls/(\\d+).*", "$1");
        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        String csrfHeader = page.locator("meta[name=_csrf_header]").getAttribute("content");
        var answer = page.request()
                .post(
                        baseUrl + "/api/v1/posts/" + post.code() + "/roll-calls/" + rollCall + "/check-ins",
                        RequestOptions.create()
                                .setHeader(csrfHeader, csrf)
                                .setHeader("Content-Type", "application/json")
                                .setData("{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + omid
                                        + ",\"status\":\"SAFE\",\"channel\":\"SELF\"}"));
        org.assertj.core.api.Assertions.assertThat(answer.status())
                .as(answer.text())
                .isEqualTo(201);

        assertThat(page.locator("#accounted-percent")).hasText("50.0 %");
        screenshot(page, "flow-rollcall");
    }

    private long personId(Post post, String given) {
        return jdbc.sql("select id from person where post_id = ? and given_name = ?")
                .params(post.id(), given)
                .query(Long.class)
                .single();
    }
}
