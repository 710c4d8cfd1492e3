package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.people.internal.TableReader;
import org.muster.posts.Post;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MusterIntegrationTest
class PeopleImportIntegrationTests {
    static final String HEADING = "ID,Surname,First name,Category,DOB,Household,Relationship,Email,Email verified,"
            + "Phone,Passport,Location,Citizenship,Intent\n";

    @Autowired
    PeopleImport imports;

    @Autowired
    ImportCorrections corrections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

    @Test
    void importsAcceptedRowsWithProvenanceAndReportsEveryRefusedValueByRowAndField() {
        Post post = data.post();
        String csv = HEADING
                + "A1,Rahimi,Ahmad,LES,1980-02-03,H1,head,ahmad@example.org,2026-10-01,+93 70 123 4567,P123,Kabul,,leave\n"
                + "A2,Rahimi,Laila,EFM,2012-05-06,H1,child,,,,,Kabul,,\n"
                + "A3,,Nobody,LES,,,,,,,,,,\n"
                + "A4,Hill,Sam,astronaut,31/12/1990,,,not-an-email,,,,,,\n"
                + ",,,,,,,,,,,,,\n"
                + "A5,Young,Timur,SIV,2015-01-01,H9,child,,,,,Kandahar,,\n"
                + "A1,Rahimi,Ahmad,LES,1980-02-03,,,,,,,,,\n";

        ImportReport report = imports.importFile(post.id(), "HR list", "staff.csv", utf8(csv));

        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.added()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.emptyRows()).containsExactly(6);
        assertThat(report.problems())
                .extracting(p -> p.row() + " " + p.field())
                .containsExactly("4 Surname", "5 Category", "5 DOB", "5 Email", "8 ID");
        assertThat(report.problems().get(4).reason()).contains("row 2");
        long ahmad = personId(post, "Ahmad");
        assertThat(jdbc.sql("select import_id || ':' || row_number || ':' || array_to_string(fields, ' ')"
                                + " from person_source where person_id = ?")
                        .param(ahmad)
                        .query(String.class)
                        .single())
                .isEqualTo(report.importId()
                        + ":2:KEY GIVEN_NAME FAMILY_NAME CATEGORY DATE_OF_BIRTH HOUSEHOLD RELATIONSHIP INTENT"
                        + " LOCATION EMAIL EMAIL_VERIFIED PHONE DOCUMENT_NUMBER");
        assertThat(jdbc.sql(
                                "select kind || ' ' || value || ' ' || coalesce(last_verified::text, '-') from contact_point"
                                        + " where person_id = ? order by kind")
                        .param(ahmad)
                        .query(String.class)
                        .list())
                .containsExactly("EMAIL ahmad@example.org 2026-10-01", "PHONE +93 70 123 4567 -");
        assertThat(flag(post, "Laila"))
                .as("a child with a parent in the household")
                .isFalse();
        assertThat(flag(post, "Timur")).as("a child alone in their household").isTrue();
        assertThat(jdbc.sql("select count(*) from import_rejection where import_id = ?")
                        .param(report.importId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void reimportingTheSameFileAddsNoOneAndALaterShorterFileRemovesNoOne() {
        Post post = data.post();
        String csv = HEADING + "B1,Safi,Omid,LES,,,,,,,,Kabul,,\n" + "B2,Safi,Roya,SIV,,,,,,,,Kabul,,\n";
        imports.importFile(post.id(), "HR list", "a.csv", utf8(csv));

        ImportReport again = imports.importFile(post.id(), "HR list", "a.csv", utf8(csv));
        ImportReport shorter = imports.importFile(
                post.id(), "HR list", "b.csv", utf8(HEADING + "B2,Safi,Roya,SIV,,,,,,,,Mazar-i-Sharif,,\n"));

        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(shorter.updated()).isEqualTo(1);
        assertThat(count(post)).isEqualTo(2);
        assertThat(jdbc.sql("select location from person where post_id = ? and given_name = 'Roya'")
                        .param(post.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Mazar-i-Sharif");
        assertThat(jdbc.sql("select count(*) from person_state s join person p on p.id = s.person_id"
                                + " where p.given_name = 'Roya' and p.post_id = ?")
                        .param(post.id())
                        .query(Integer.class)
                        .single())
                .as("the move is kept in the history")
                .isEqualTo(2);
    }

    @Test
    void aLaterFileKeepsKnownPeopleUnderTheirIdsAndMovesThemBetweenItsHouseholds() {
        Post post = data.post();
        imports.importFile(
                post.id(),
                "HR list",
                "a.csv",
                utf8(HEADING + "C1,Noori,Aziz,LES,,H1,,,,,,Kabul,,\n" + "C2,Noori,Laila,LES,,H1,,,,,,Kabul,,\n"));
        java.util.Map<String, Long> before = ids(post);

        ImportReport later = imports.importFile(
                post.id(),
                "HR list",
                "b.csv",
                utf8(HEADING + "C2,Noori,Laila,LES,,H2,,,,,,Kabul,,\n" + "C1,Noori,Aziz,LES,,,,,,,,Kabul,,\n"
                        + "C3,Noori,Farid,LES,,H2,,,,,,Kabul,,\n"));

        assertThat(later.added()).isOne();
        assertThat(later.updated()).isOne();
        java.util.Map<String, Long> after = ids(post);
        assertThat(after).containsAllEntriesOf(before).hasSize(3);
        assertThat(after.get("Farid")).isGreaterThan(after.get("Laila"));
        assertThat(jdbc.sql("""
                        select p.given_name, hk.source_key from person p
                        join household_key hk on hk.household_id = p.household_id
                        where p.post_id = ? order by p.given_name
                        """)
                        .param(post.id())
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                        .list())
                .as("a row naming no household leaves the person's household as it was")
                .containsExactly("Aziz H1", "Farid H2", "Laila H2");
    }

    java.util.Map<String, Long> ids(Post post) {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("select given_name, id from person where post_id = ?")
                .param(post.id())
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    @Test
    void aChildIsFlaggedUnaccompaniedUntilALaterFileBringsAnAdultIntoTheirHousehold() {
        Post post = data.post();
        consularList(
                post,
                "a.csv",
                "M1,Haidari,Zahra,SIV,2016-03-04,H5,child,,,,,Kabul,,\n"
                        + "M2,Haidari,Ali,SIV,2014-07-08,,,,,,,Kabul,,\n"
                        + "M3,Haidari,Mina,SIV,2013-01-02,H6,child,,,,,Kabul,,\n"
                        + "M4,Haidari,Reza,SIV,1979-01-02,H6,head,,,,,Kabul,,\n");

        assertThat(flag(post, "Zahra")).as("a child alone in their household").isTrue();
        assertThat(flag(post, "Ali")).as("a child in no household").isTrue();
        assertThat(flag(post, "Mina")).as("a child with an adult").isFalse();

        consularList(post, "b.csv", "M5,Haidari,Sara,SIV,1985-05-06,H5,parent,,,,,Kabul,,\n");

        assertThat(flag(post, "Zahra"))
                .as("the adult a later file adds to her household")
                .isFalse();
        assertThat(flag(post, "Ali")).isTrue();
    }

    @Test
    void aChildIsFlaggedUnaccompaniedWhenALaterFileMovesTheirOnlyAdultToAnotherHousehold() {
        Post post = data.post();
        consularList(
                post,
                "a.csv",
                "M1,Karimi,Omid,SIV,2015-03-04,H7,child,,,,,Kabul,,\n"
                        + "M2,Karimi,Laila,SIV,1982-07-08,H7,head,,,,,Kabul,,\n");
        assertThat(flag(post, "Omid")).as("a child with an adult").isFalse();

        consularList(post, "b.csv", "M2,Karimi,Laila,SIV,1982-07-08,H8,head,,,,,Kabul,,\n");

        assertThat(flag(post, "Omid"))
                .as("the household the later file's only row leaves, though the file does not name it")
                .isTrue();
        assertThat(flag(post, "Laila")).isFalse();
    }

    @Test
    void readsWindows1252AndKeepsArabicScriptNamesAsWritten() {
        Post post = data.post();
        byte[] latin = ("Surname;Given name;Category\nCôté;Zoë;PSC\n").getBytes(TableReader.WINDOWS_1252);
        byte[] bom = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("Surname,Given name,Category\nرحیمی,احمد,LES\n"));

        imports.importFile(post.id(), "Old list", "latin.csv", latin);
        imports.importFile(post.id(), "Dari list", "dari.csv", bom);

        assertThat(jdbc.sql("select family_name || '/' || given_name from person where post_id = ? order by id")
                        .param(post.id())
                        .query(String.class)
                        .list())
                .containsExactly("Côté/Zoë", "رحیمی/احمد");
    }

    /** A workbook of one sheet, "People", whose first row holds the headings; the rest is up to the test. */
    static byte[] workbook(List<String> headings, java.util.function.BiConsumer<XSSFWorkbook, XSSFSheet> rows)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("People");
            var heading = sheet.createRow(0);
            for (int i = 0; i < headings.size(); i++) {
                heading.createCell(i).setCellValue(headings.get(i));
            }
            rows.accept(book, sheet);
            book.write(out);
        }
        return out.toByteArray();
    }

    @Test
    void importsXlsxWithDateCells() throws Exception {
        Post post = data.post();
        byte[] xlsx = workbook(List.of("Family name", "Category", "Date of birth"), (book, sheet) -> {
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Karimi");
            row.createCell(1).setCellValue("Locally employed staff");
            var date = row.createCell(2);
            date.setCellValue(java.time.LocalDate.of(1975, 4, 30));
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            date.setCellStyle(style);
        });

        ImportReport report = imports.importFile(post.id(), "Sheet", "people.xlsx", xlsx);

        assertThat(report.added()).isEqualTo(1);
        assertThat(jdbc.sql("select date_of_birth::text from person where post_id = ?")
                        .param(post.id())
                        .query(String.class)
                        .single())
                .isEqualTo("1975-04-30");
    }

    @Test
    void thePreviewNumbersItsFirstRowsAsTheFileDoesEvenWhereASpreadsheetSkipsRows() throws Exception {
        Post post = data.post();
        byte[] xlsx = workbook(List.of("Family name", "Category"), (book, sheet) -> {
            for (int index : new int[] {1, 4, 5}) {
                var row = sheet.createRow(index);
                row.createCell(0).setCellValue("Karimi " + index);
                row.createCell(1).setCellValue("LES");
            }
        });

        ImportPreview preview = imports.upload(post.id(), "Sheet", "gaps.xlsx", xlsx);

        assertThat(preview.firstRowNumbers()).containsExactly(2, 5, 6);
        assertThat(preview.firstRows()).extracting(r -> r.get(0)).containsExactly("Karimi 1", "Karimi 4", "Karimi 5");
    }

    @Test
    void aFileThatBreaksAfterThousandsOfRowsIsRefusedWholeAndWritesNothing() {
        Post post = data.post();
        StringBuilder csv = new StringBuilder(HEADING);
        for (int i = 1; i <= 3_000; i++) {
            csv.append("Z").append(i).append(",Zahir,Nabi,LES,,,,,,,,Kabul,,\n");
        }
        // rows already staged when the reading reaches the quote left open
        csv.append("Z3001,\"Zahir,Nabi,LES,,,,,,,,Kabul,,\n");

        assertThatThrownBy(() -> imports.importFile(post.id(), "HR list", "broken.csv", utf8(csv.toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be read as CSV after line");
        assertThat(count(post)).isZero();
        assertThat(jdbc.sql("select count(*) from import_file where post_id = ?")
                        .param(post.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** Uploads are stored deflated (V20); those stored before, as uploaded, are read all the same. */
    @Test
    void anUploadIsStoredDeflatedAndCommittedFromItsBytesAsUploaded() {
        Post post = data.post();
        StringBuilder csv = new StringBuilder(HEADING);
        for (int i = 1; i <= 300; i++) {
            csv.append("R")
                    .append(i)
                    .append(",Rahimi,Ahmad")
                    .append(i)
                    .append(",LES,1980-01-01,H")
                    .append(i)
                    .append(",,a")
                    .append(i)
                    .append("@example.org,,,,Kabul,,\n");
        }
        byte[] content = utf8(csv.toString());
        long deflatedId =
                imports.upload(post.id(), "HR list", "staff.csv", content).importId();
        record Stored(byte[] content, boolean contentDeflated) {}
        Stored stored = jdbc.sql("select content, content_deflated from import_file where id = ?")
                .param(deflatedId)
                .query(Stored.class)
                .single();
        assertThat(stored.contentDeflated()).isTrue();
        assertThat(stored.content().length).isLessThan(content.length / 3);
        assertThat(ImportFiles.inflated(stored.content())).isEqualTo(content);
        assertThat(imports.commit(deflatedId, null).added()).isEqualTo(300);

        Post older = data.post();
        long rawId = imports.upload(older.id(), "HR list", "staff.csv", content).importId();
        jdbc.sql("update import_file set content = ?, content_deflated = false where id = ?")
                .params(content, rawId)
                .update();
        assertThat(imports.commit(rawId, null).added()).isEqualTo(300);
    }

    @Test
    void refusesAFileWithoutTheRequiredColumnsAndWritesNothing() {
        Post post = data.post();

        assertThatThrownBy(() -> imports.importFile(post.id(), "HR list", "x.csv", utf8("Name,Phone\nA,1\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Family name")
                .hasMessageContaining("Category");
        assertThat(jdbc.sql("select count(*) from import_file where post_id = ?")
                        .param(post.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aCorrectedRowIsImportedWithItsOriginalProvenance() {
        Post post = data.post();
        ImportReport report = imports.importFile(
                post.id(), "Registrations", "r.csv", utf8(HEADING + "C1,Noor,Bibi,civilian,,,,,,,,,,\n"));
        Map<ImportField, String> values = new EnumMap<>(ImportField.class);
        values.putAll(corrections.rejection(report.importId(), 2).values());

        assertThat(corrections.resubmit(report.importId(), 2, values))
                .extracting(RowProblem::field)
                .containsExactly("Category");
        values.put(ImportField.CATEGORY, "private US citizen");
        assertThat(corrections.resubmit(report.importId(), 2, values)).isEmpty();

        assertThat(count(post)).isEqualTo(1);
        assertThat(jdbc.sql("select row_number from person_source where import_id = ?")
                        .param(report.importId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(corrections.rejection(report.importId(), 2).resolved()).isTrue();
    }

    private long personId(Post post, String given) {
        return jdbc.sql("select id from person where post_id = ? and given_name = ?")
                .params(post.id(), given)
                .query(Long.class)
                .single();
    }

    /** Imports rows under {@link #HEADING} from the post's consular list. */
    private ImportReport consularList(Post post, String filename, String rows) {
        return imports.importFile(post.id(), "Consular list", filename, utf8(HEADING + rows));
    }

    private boolean flag(Post post, String given) {
        return jdbc.sql("select unaccompanied_minor from person where post_id = ? and given_name = ?")
                .params(post.id(), given)
                .query(Boolean.class)
                .single();
    }

    private int count(Post post) {
        return jdbc.sql("select count(*) from person where post_id = ?")
                .param(post.id())
                .query(Integer.class)
                .single();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
