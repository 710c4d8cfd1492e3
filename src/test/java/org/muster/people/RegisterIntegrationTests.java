package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.Pagination;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MusterIntegrationTest
class RegisterIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    PeopleImport imports;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    PeopleDirectory directory;

    @Autowired
    RegisterExport export;

    @Autowired
    TestData data;

    @Test
    void countsPrivateCitizensAsARangeAndTheRegisterAsItStoodAtAPastInstant() throws Exception {
        Post post = data.post();
        String heading = "ID,Surname,Category,Citizenship,Location\n";
        imports.importFile(
                post.id(),
                "ACS",
                "a.csv",
                utf8(heading
                        + "1,A,AmCit,verified,Kabul\n2,B,AmCit,claimed,Kabul\n3,C,AmCit,,Herat\n4,D,AmCit,disproved,Kabul\n"
                        + "5,E,LES,,Kabul\n"));
        OffsetDateTime between = OffsetDateTime.now();
        Thread.sleep(20);
        imports.importFile(post.id(), "ACS", "b.csv", utf8(heading + "2,B,AmCit,verified,Herat\n6,F,USDH,,Embassy\n"));
        String viewer = data.user(Role.VIEWER, Classification.UNCLASSIFIED, post);

        Headcount now = data.as(viewer, () -> registry.headcount(post.id()));
        Headcount before = data.as(viewer, () -> registry.headcount(post.id(), between));

        assertThat(now.privateCitizenRange()).isEqualTo("2 to 3");
        assertThat(now.byLocation())
                .containsEntry("Herat", 2L)
                .containsEntry("Kabul", 3L)
                .containsEntry("Embassy", 1L);
        assertThat(now.chiefOfMission()).isEqualTo(2);
        assertThat(before.total()).isEqualTo(5);
        assertThat(before.privateCitizenRange()).isEqualTo("1 to 3");
        assertThat(before.byLocation()).containsEntry("Kabul", 4L).containsEntry("Herat", 1L);
        assertThat(before.chiefOfMission()).isEqualTo(1);
    }

    @Test
    void exportsNeutraliseSpreadsheetFormulasInCsvAndXlsx() throws Exception {
        Post post = data.post();
        imports.importFile(
                post.id(),
                "Sponsor list",
                "s.csv",
                utf8(
                        "Surname,Given name,Category,Location\n\"=cmd|' /C calc'!A0\",@SUM(1),SIV,+Kabul\nPlain,-x,SIV,Herat\n"));
        String consular = data.user(Role.CONSULAR, Classification.SBU, post);

        StringWriter csv = new StringWriter();
        data.as(consular, () -> export.csv(post.id(), RegisterQuery.all(0, 1), csv));
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        data.as(consular, () -> export.xlsx(post.id(), RegisterQuery.all(0, 1), xlsx));

        assertThat(csv.toString())
                .contains("'=cmd|' /C calc'!A0,'@SUM(1)")
                .contains("'+Kabul")
                .contains("Plain,'-x");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'@SUM(1)");
        }
    }

    @Test
    void aWardenSeesOnlyThePeopleInTheLocationsAssignedToThem(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Post post = data.post();
        imports.importFile(
                post.id(), "List", "l.csv", utf8("Surname,Category,Location\nA,LES,North\nB,LES,South\nC,LES,North\n"));
        String warden = data.user(Role.WARDEN, Classification.UNCLASSIFIED, post);
        String manager = data.user(Role.MANAGEMENT, Classification.SBU, post);
        jdbc.sql(
                        "insert into warden_assignment (post_id, user_id, location) select ?, id, 'North' from app_user where username = ?")
                .params(post.id(), warden)
                .update();

        RegisterPage wardenView = data.as(warden, () -> directory.page(post.id(), RegisterQuery.all(0, 50)));
        RegisterPage managerView = data.as(manager, () -> directory.page(post.id(), RegisterQuery.all(0, 50)));

        assertThat(wardenView.people()).extracting(PersonSummary::familyName).containsExactly("A", "C");
        assertThat(wardenView.wardenScope()).isTrue();
        assertThat(managerView.total()).isEqualTo(3);
    }

    @Test
    void theRegisterIsPagedKeepingTheFilterInForce() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                IntStream.range(0, 51)
                        .mapToObj(i ->
                                new NewPerson("G" + i, "North" + i, Category.US_DIRECT_HIRE, "US", null, null, "North"))
                        .toList(),
                "a test");
        registry.addAll(
                post.id(),
                List.of(new NewPerson("G", "Southerner", Category.US_DIRECT_HIRE, "US", null, null, "South")),
                "a test");
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(data.user(Role.MANAGEMENT, Classification.SBU, post), TestData.PASSWORD);
        String query = "/people?q=&category=&location=North&citizenship=&intent=&minors=false&com=false";

        Pagination first = Pagination.of(client.get("/people?location=North").body());
        String second = client.get(first.next()).body();

        assertThat(first).isEqualTo(new Pagination("Pages", null, null, "Page 1 of 2", query + "&page=1", "Next"));
        assertThat(Pagination.of(second))
                .isEqualTo(new Pagination("Pages", query + "&page=0", "Previous", "Page 2 of 2", null, null));
        assertThat(second.split("dir=\"auto\">North", -1))
                .as("one person on the second page")
                .hasSize(2);
        assertThat(second).doesNotContain("Southerner");
    }

    @Test
    void checkInsAndProvenanceCannotBeChangedOrRemoved(
            @Autowired RollCalls rollCalls,
            @Autowired CheckIns checkIns,
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Post post = data.post();
        imports.importFile(post.id(), "List", "l.csv", utf8("Surname,Category\nA,LES\n"));
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SBU, post);
        long personId = jdbc.sql("select id from person where post_id = ?")
                .param(post.id())
                .query(Long.class)
                .single();
        RollCall rollCall =
                data.as(rso, () -> rollCalls.start(post.id(), "Drill", RollCallScope.WHOLE_POST, null, null));
        data.as(
                rso,
                () -> checkIns.checkIn(
                        post.id(),
                        rollCall.id(),
                        new CheckIn(
                                java.util.UUID.randomUUID(),
                                personId,
                                CheckInStatus.SAFE,
                                CheckInChannel.OFFICER,
                                null,
                                null)));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("update check_in set status = 'UNKNOWN'" + " where roll_call_id = ?")
                                .param(rollCall.id())
                                .update())
                .hasMessageContaining("check_in is append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from check_in where roll_call_id = ?")
                        .param(rollCall.id())
                        .update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("delete from person_source where person_id = ?")
                                .param(personId)
                                .update())
                .hasMessageContaining("person_source is append-only");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
