package org.muster.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.muster.people.ImportField.CATEGORY;
import static org.muster.people.ImportField.DATE_OF_BIRTH;
import static org.muster.people.ImportField.FAMILY_NAME;
import static org.muster.people.ImportField.GIVEN_NAME;
import static org.muster.people.ImportField.KEY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.muster.people.Category;
import org.muster.people.ImportField;
import org.muster.people.RowProblem;
import org.muster.shared.InvalidInputException;

/**
 * Properties of reading people lists, each checked over {@value #SEEDS} seeded random inputs. A
 * failure names its seed; {@code -Dimport.seed=N} runs that seed alone.
 */
class ImportParsingPropertyTests {
    static final int SEEDS = 300;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final ZoneId KABUL = ZoneId.of("Asia/Kabul");

    @TestFactory
    Stream<DynamicTest> everyRecordIsAcceptedRefusedOrEmptyExactlyOnce() {
        return forEachSeed(g -> {
            Table table = Table.generate(g);
            Expected expected = table.expected();

            ParsedList list = read("list.csv", table.bytes(), table.wanted());

            assertThat(list.missingRequired).isEmpty();
            assertThat(list.dataRows()).isEqualTo(table.rows().size());
            List<Integer> all = new ArrayList<>(list.emptyRows);
            list.accepted.forEach(p -> all.add(p.row()));
            list.rejected.forEach(r -> all.add(r.row()));
            assertThat(all)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.rangeClosed(2, table.rows().size() + 1)
                                    .boxed()
                                    .toList());
            assertThat(list.accepted).extracting(PersonRow::row).containsExactlyElementsOf(expected.accepted());
            assertThat(list.rejected)
                    .extracting(ParsedList.Rejected::row)
                    .containsExactlyElementsOf(expected.rejected());
            assertThat(list.emptyRows).containsExactlyElementsOf(expected.empty());
        });
    }

    @TestFactory
    Stream<DynamicTest> aDateShapedYyyyMmDdIsReadAsTheFormattersReadIt() {
        return forEachSeed(g -> {
            // mostly YYYY-MM-DD with any digits (impossible months and days, leap days, year 0000),
            // sometimes a near miss of that shape
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                text.append(i == 4 || i == 7 ? '-' : g.charOf(g.percent(50) ? "0123" : "0123456789"));
            }
            if (g.percent(15)) {
                text.setCharAt(g.between(0, 9), g.charOf("-x/. 9"));
            }
            if (g.percent(5)) {
                text.insert(0, g.charOf("+-0"));
            }
            String v = text.toString();

            assertThat(RowParser.date(v)).as("date(%s)", v).isEqualTo(RowParser.formatted(v));
            // a time is cut off only after ten characters
            String dateTime = v + "T10:00";
            assertThat(RowParser.date(dateTime))
                    .as("date(%s)", dateTime)
                    .isEqualTo(RowParser.formatted(v.length() == 10 ? v : dateTime));
        });
    }

    @TestFactory
    Stream<DynamicTest> aLocalDateTimeShapedYyyyMmDdTHhMmIsReadAsTheFormattersReadIt() {
        return forEachSeed(g -> {
            // any digits in YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (hour 24, minute 60, February 30),
            // sometimes a near miss: a fraction, an offset, a missing or extra digit
            String shape = g.percent(50) ? "dddd-dd-ddTdd:dd" : "dddd-dd-ddTdd:dd:dd";
            StringBuilder text = new StringBuilder();
            for (char ch : shape.toCharArray()) {
                text.append(ch == 'd' ? g.charOf(g.percent(60) ? "0125" : "0123456789") : ch);
            }
            if (g.percent(20)) {
                String tail = g.charOf("f+-Z9x") == 'f' ? ".5" : String.valueOf(g.charOf("+-Z9x"));
                text.append(tail.equals("+") ? "+04:30" : tail);
            }
            if (g.percent(5)) {
                text.deleteCharAt(g.between(0, text.length() - 1));
            }
            String v = text.toString();

            assertThat(RowParser.instant(v, KABUL)).as("instant(%s)", v).isEqualTo(RowParser.parsedInstant(v, KABUL));
        });
    }

    @TestFactory
    Stream<DynamicTest> emailsAndPhonesAreCheckedAsTheirPatternsMatch() {
        Pattern email = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        Pattern phone = Pattern.compile("\\+?[0-9 ()\\-.]{6,30}");
        return forEachSeed(g -> {
            // built from the characters that decide: @ . + ( ) - digits, letters, white space of both kinds
            String alphabet = g.percent(50) ? "a@.b" : "a@.1+()- \t\u00A0\u2003x";
            StringBuilder text = new StringBuilder();
            for (int i = g.between(0, 34); i > 0; i--) {
                text.append(g.charOf(alphabet));
            }
            if (g.percent(30)) {
                text.insert(0, g.percent(50) ? "+93 70 " : "name@");
            }
            String v = text.toString();

            assertThat(RowParser.isEmail(v))
                    .as("isEmail(%s)", v)
                    .isEqualTo(email.matcher(v).matches());
            assertThat(RowParser.isPhone(v))
                    .as("isPhone(%s)", v)
                    .isEqualTo(phone.matcher(v).matches());
        });
    }

    @TestFactory
    Stream<DynamicTest> headingsAndWordsAreComparedAsLowerCaseLettersAndDigitsOnly() {
        return forEachSeed(g -> {
            String text = g.percent(20) ? g.text(0, 3).toLowerCase(java.util.Locale.ROOT) : g.text(0, 40);
            if (g.percent(10)) {
                text = text + "\u0130\uD835\uDC00\u00C9"; // dotted capital I, a supplementary letter, É
            }
            StringBuilder expected = new StringBuilder();
            text.codePoints()
                    .filter(Character::isLetterOrDigit)
                    .map(Character::toLowerCase)
                    .forEach(expected::appendCodePoint);

            assertThat(ImportField.normalise(text)).as("normalise(%s)", text).isEqualTo(expected.toString());
        });
    }

    @TestFactory
    Stream<DynamicTest> namesInAnyScriptComeBackAsWritten() {
        return forEachSeed(g -> {
            List<ImportField> columns = new ArrayList<>(List.of(KEY, FAMILY_NAME, GIVEN_NAME, CATEGORY));
            g.shuffle(columns);
            int n = g.between(1, 20);
            List<Map<ImportField, String>> rows = new ArrayList<>();
            List<Category> categories = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Generators.Spelled category = g.category();
                categories.add(category.category());
                rows.add(Map.of(
                        KEY,
                        "R" + i,
                        FAMILY_NAME,
                        g.name(),
                        GIVEN_NAME,
                        g.percent(20) ? g.whitespace() : g.name(),
                        CATEGORY,
                        category.text()));
            }
            char delimiter = g.oneOf(',', ';', '\t');
            boolean quoteAll = g.percent(30);
            StringBuilder csv = new StringBuilder(Generators.csvLine(
                            columns.stream().map(ImportField::label).toList(), delimiter, quoteAll))
                    .append('\n');
            for (Map<ImportField, String> row : rows) {
                csv.append(Generators.csvLine(columns.stream().map(row::get).toList(), delimiter, quoteAll))
                        .append(g.oneOf("\n", "\r\n"));
            }

            ParsedList list = read("names.csv", utf8(csv.toString()), Map.of(KEY, KEY.label()));

            assertThat(list.rejected).isEmpty();
            assertThat(list.accepted).hasSize(n);
            for (int i = 0; i < n; i++) {
                PersonRow person = list.accepted.get(i);
                String given = rows.get(i).get(GIVEN_NAME);
                assertThat(person.familyName())
                        .isEqualTo(RowParser.strip(rows.get(i).get(FAMILY_NAME)));
                assertThat(person.givenName())
                        .isEqualTo(RowParser.strip(given).isEmpty() ? null : RowParser.strip(given));
                assertThat(person.category()).isEqualTo(categories.get(i));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> utf8WithOrWithoutBomAndUtf16DecodeToTheSameRows() {
        return forEachSeed(g -> {
            Table table = Table.generate(g);
            String text = table.csv(false);
            List<byte[]> encodings = List.of(
                    text.getBytes(StandardCharsets.UTF_8),
                    ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
                    ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE),
                    ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE));
            List<Outcome> outcomes = new ArrayList<>();

            for (byte[] content : encodings) {
                assertThat(TableReader.decode(content).text()).isEqualTo(text);
                outcomes.add(Outcome.of(read("list.csv", content, table.wanted())));
            }

            assertThat(outcomes).containsOnly(outcomes.get(0));
        });
    }

    @TestFactory
    Stream<DynamicTest> windows1252TextDecodesToTheSameRows() {
        return forEachSeed(g -> {
            char delimiter = g.oneOf(',', ';', '\t');
            List<List<String>> rows = new ArrayList<>();
            StringBuilder csv = new StringBuilder(
                    Generators.csvLine(List.of("Family name", "Given name", "Category"), delimiter, false) + "\r\n");
            for (int i = g.between(1, 10); i > 0; i--) {
                List<String> row = List.of(
                        "N" + g.windows1252Text(3, 20),
                        "G" + g.windows1252Text(3, 20),
                        g.category().text());
                rows.add(row);
                csv.append(Generators.csvLine(row, delimiter, g.percent(30))).append("\r\n");
            }
            String text = csv.toString();
            byte[] content = text.getBytes(TableReader.WINDOWS_1252);

            TableReader.Decoded decoded = TableReader.decode(content);

            assertThat(TableReader.WINDOWS_1252.newEncoder().canEncode(text)).isTrue();
            if (validUtf8(content) && !text.chars().allMatch(c -> c < 128)) {
                // Bytes that are valid UTF-8 as well (say "É‘") are read as UTF-8: the documented rule.
                assertThat(decoded.encoding()).isEqualTo("UTF-8");
                return;
            }
            assertThat(decoded.text()).isEqualTo(text);
            ParsedList list = read("old.csv", content, Map.of());
            assertThat(list.accepted)
                    .extracting(PersonRow::familyName)
                    .containsExactlyElementsOf(
                            rows.stream().map(r -> RowParser.strip(r.get(0))).toList());
            assertThat(list.accepted)
                    .extracting(PersonRow::givenName)
                    .containsExactlyElementsOf(
                            rows.stream().map(r -> RowParser.strip(r.get(1))).toList());
        });
    }

    @TestFactory
    Stream<DynamicTest> everyRefusalNamesARowAFieldAndAReasonAndControlCharactersAreAlwaysRefused() {
        return forEachSeed(g -> {
            Table table = Table.generate(g);

            ParsedList list = read("list.csv", table.bytes(), table.wanted());

            Set<String> fields = new HashSet<>(list.headings);
            Arrays.stream(ImportField.values()).map(ImportField::label).forEach(fields::add);
            for (ParsedList.Rejected rejected : list.rejected) {
                assertThat(rejected.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.row()).isEqualTo(rejected.row());
                    assertThat(p.field()).isIn(fields);
                    assertThat(p.reason()).isNotBlank();
                });
            }
            for (int i = 0; i < table.rows().size(); i++) {
                int number = i + 2;
                for (ImportField f : table.rows().get(i).controlled()) {
                    assertThat(list.rejected)
                            .as("row %d has a control character in %s", number, f)
                            .filteredOn(r -> r.row() == number)
                            .flatExtracting(ParsedList.Rejected::problems)
                            .anySatisfy(p -> {
                                assertThat(p.field()).isEqualTo(table.heading(f));
                                assertThat(p.reason()).contains("control character");
                            });
                }
            }
            assertThat(list.accepted)
                    .allSatisfy(
                            p -> assertThat(textOf(p)).noneMatch(v -> v.chars().anyMatch(Character::isISOControl)));
        });
    }

    @TestFactory
    Stream<DynamicTest> readingTheSameBytesTwiceGivesTheSameResult() {
        return forEachSeed(g -> {
            boolean garbage = g.percent(20);
            byte[] content =
                    garbage ? g.bytes(g.between(0, 500)) : Table.generate(g).bytes();
            String filename = g.oneOf("list.csv", "list.txt", "list.xlsx");

            Object first = attempt(filename, content);
            Object second = attempt(filename, content.clone());

            assertThat(second).isEqualTo(first);
        });
    }

    @Test
    void theSameSeedGeneratesTheSameInput() {
        assertThat(Table.generate(new Generators(42)).bytes())
                .isEqualTo(Table.generate(new Generators(42)).bytes())
                .isNotEqualTo(Table.generate(new Generators(43)).bytes());
    }

    @TestFactory
    Stream<DynamicTest> garbageGivesAListOrAnInvalidFileNeverAnotherException() {
        return forEachSeed(g -> {
            String filename =
                    g.oneOf("list.csv", "LIST.CSV", "list.xlsx", "list.XLSX", "list.xls", "list.txt", "", null);
            byte[] content = switch (g.between(0, 8)) {
                case 0 -> g.bytes(g.between(0, 3000));
                case 1 -> concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), g.bytes(g.between(0, 3000)));
                case 2 -> Arrays.copyOf(WORKBOOK, g.between(0, WORKBOOK.length - 1));
                case 3 -> flipped(g, WORKBOOK);
                case 4 -> zip(g);
                case 5 -> new byte[0];
                case 6 ->
                    utf8(Generators.csvLine(List.of("Family name", "Category"), g.oneOf(',', ';'), false)
                            + g.oneOf("", "\n", "\r\n"));
                case 7 ->
                    utf8("Family name,Category\n" + g.oneOf("\"Rahimi,LES\n", "\"Rahimi\"x,LES\n", "a,b\u0000\n")
                            + g.text(0, 50));
                default -> g.windows1252Text(0, 300).getBytes(TableReader.WINDOWS_1252);
            };

            try {
                ParsedList list = read(filename, content, Map.of());
                assertThat(list.dataRows()).isGreaterThanOrEqualTo(0);
                assertThat(list.rejected)
                        .allSatisfy(r -> assertThat(r.problems()).isNotEmpty());
            } catch (InvalidInputException e) {
                assertThat(e.field()).isEqualTo("file");
                assertThat(e.reason()).isNotBlank();
            }
        });
    }

    @Test
    void anEmptyFileIsRefusedAndAHeadingAloneIsAListWithoutRows() {
        assertThatThrownBy(() -> read("list.csv", new byte[0], Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("file"));
        assertThat(read("list.csv", utf8("Family name;Category\r\n"), Map.of()).dataRows())
                .isZero();
        assertThat(read("list.xlsx", xlsx(sheet -> cells(sheet.createRow(0), "Family name", "Category")), Map.of())
                        .dataRows())
                .isZero();
    }

    @TestFactory
    Stream<DynamicTest> aRepeatedPersonIsAcceptedOnceAndEveryRepeatNamesTheFirstRow() {
        return forEachSeed(g -> {
            boolean withIds = g.percent(50);
            int n = g.between(2, 40);
            List<String> ids = new ArrayList<>();
            List<List<String>> people = new ArrayList<>();
            for (int i = g.between(1, n); i > 0; i--) {
                ids.add("ID-" + g.letters(1, 6).strip() + i);
                people.add(List.of(g.name(), g.name(), g.date(EARLIEST, TODAY).toString(), g.oneOf("LES", "EFM")));
            }
            StringBuilder csv = new StringBuilder(
                    withIds ? "ID,Surname,Given name,DOB,Category\n" : "Surname,Given name,DOB,Category\n");
            Map<Integer, Integer> person = new HashMap<>();
            for (int row = 2; row < n + 2; row++) {
                int p = g.between(0, ids.size() - 1);
                person.put(row, p);
                List<String> written = new ArrayList<>(people.get(p));
                written.set(0, g.oneOf(" ", "") + written.get(0) + g.oneOf(" ", ""));
                written.set(2, g.accepted(LocalDate.parse(written.get(2))));
                written.set(3, g.recase(written.get(3)));
                if (withIds) {
                    written.add(0, ids.get(p));
                }
                csv.append(Generators.csvLine(written, ',', g.percent(20))).append('\n');
            }

            ParsedList list = read("list.csv", utf8(csv.toString()), Map.of());

            Map<Integer, Integer> firstRow = new HashMap<>();
            person.forEach((row, p) -> firstRow.merge(p, row, Math::min));
            assertThat(list.accepted).extracting(PersonRow::row).containsExactlyInAnyOrderElementsOf(firstRow.values());
            assertThat(list.rejected).hasSize(n - firstRow.size()).allSatisfy(r -> {
                int first = firstRow.get(person.get(r.row()));
                assertThat(r.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(withIds ? "ID" : KEY.label());
                    assertThat(problem.reason()).containsPattern("\\brow " + first + "(?!\\d)");
                });
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> datesInTheAcceptedFormsAreReadAndOthersAreRefusedWithTheFormToUse() {
        RowParser parser = new RowParser(
                Map.of(FAMILY_NAME, 0, CATEGORY, 1, DATE_OF_BIRTH, 2, ImportField.TDY_ARRIVAL, 3),
                List.of("Surname", "Category", "DOB", "Arrival"),
                TODAY,
                KABUL);
        return forEachSeed(g -> {
            LocalDate date = g.percent(10) ? g.oneOf(EARLIEST, TODAY) : g.date(EARLIEST, TODAY);
            String written = g.accepted(date);
            String wrong = g.refused(date);
            LocalDate outside = g.percent(50)
                    ? TODAY.plusDays(g.percent(20) ? 1 : g.between(1, 30_000))
                    : EARLIEST.minusDays(g.percent(20) ? 1 : g.between(1, 30_000));

            assertThat(RowParser.date(written)).isEqualTo(date);
            assertThat(RowParser.date(date + "T" + g.between(10, 23) + ":15")).isEqualTo(date);
            RowParser.Parsed parsed = parser.parse(2, new String[] {"Rahimi", "LES", " " + written + " ", written});
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.person().dateOfBirth()).isEqualTo(date);
            assertThat(parsed.person().tdyArrival()).isEqualTo(date);
            assertThat(parser.parse(3, new String[] {"Rahimi", "LES", wrong, ""})
                            .problems())
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.field()).isEqualTo("DOB");
                        assertThat(p.reason()).contains(wrong).contains("YYYY-MM-DD");
                    });
            assertThat(parser.parse(4, new String[] {"Rahimi", "LES", g.accepted(outside), ""})
                            .problems())
                    .extracting(RowProblem::reason)
                    .singleElement()
                    .asString()
                    .contains("between 1900 and today");
            assertThat(RowParser.date(date.getYear() + "-02-30")).isNull();
        });
    }

    @Test
    void impossibleCalendarDatesAreRefusedNotMovedToTheEndOfTheMonth() {
        assertThat(List.of("31.02.2020", "30.02.2019", "31.04.2021", "31 Feb 2020", "31 June 1990", "29.02.2021"))
                .allSatisfy(text -> assertThat(RowParser.date(text)).as(text).isNull());
    }

    @Test
    void monthNamesAreReadInAnyCase() {
        assertThat(RowParser.date("05 JAN 1980")).isEqualTo(LocalDate.of(1980, 1, 5));
        assertThat(RowParser.date("5 january 1980")).isEqualTo(LocalDate.of(1980, 1, 5));
    }

    @Test
    void aQuotedHeadingWithACommaDoesNotDecideTheDelimiter() {
        ParsedList list = read(
                "list.csv",
                utf8("\"Surname, as in passport\";Category\nRahimi;LES\n"),
                Map.of(FAMILY_NAME, "Surname, as in passport"));

        assertThat(list.accepted).extracting(PersonRow::familyName).containsExactly("Rahimi");
    }

    @Test
    void anXlsxNumericPhoneCellIsReadAsItsDigits() {
        byte[] content = xlsx(sheet -> {
            cells(sheet.createRow(0), "Family name", "Category", "Phone");
            Row row = cells(sheet.createRow(1), "Karimi", "LES");
            row.createCell(2).setCellValue(93_701_234_567d);
        });

        assertThat(read("list.xlsx", content, Map.of()).accepted)
                .singleElement()
                .extracting(PersonRow::phone)
                .isEqualTo("93701234567");
    }

    @Test
    void anXlsxLongNumericIdIsReadAsItsDigits() {
        byte[] content = xlsx(sheet -> {
            cells(sheet.createRow(0), "ID", "Family name", "Category", "Passport number");
            for (int i = 1; i <= 2; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(i == 1 ? 123_456_789_012d : 123_457_000_000d);
                cells(row, null, "Karimi", "LES");
                row.createCell(3).setCellValue(1_234_567_890_123d);
            }
        });

        ParsedList list = read("list.xlsx", content, Map.of());

        assertThat(list.accepted)
                .extracting(p -> p.sourceKey() + " " + p.documentNumber())
                .containsExactly("123456789012 1234567890123", "123457000000 1234567890123");
    }

    @Test
    void anXlsxDateCellIsReadAsTheDateAndADateTimeCellKeepsItsTime() {
        byte[] content = xlsx(sheet -> {
            cells(sheet.createRow(0), "Family name", "Category", "Date of birth", "Last contact");
            Row row = cells(sheet.createRow(1), "Karimi", "LES");
            var book = sheet.getWorkbook();
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            row.createCell(2).setCellValue(LocalDate.of(1975, 4, 30));
            row.getCell(2).setCellStyle(style);
            var withTime = book.createCellStyle();
            withTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            row.createCell(3).setCellValue(LocalDateTime.of(2026, 11, 24, 9, 30));
            row.getCell(3).setCellStyle(withTime);
        });

        PersonRow person = read("list.xlsx", content, Map.of()).accepted.get(0);

        assertThat(person.dateOfBirth()).isEqualTo(LocalDate.of(1975, 4, 30));
        assertThat(person.lastContact())
                .isEqualTo(LocalDateTime.of(2026, 11, 24, 9, 30).atZone(KABUL).toOffsetDateTime());
    }

    @Test
    void blankXlsxRowsAreEmptyRowsAndLaterRowsKeepTheSheetsNumbers() {
        byte[] content = xlsx(sheet -> {
            cells(sheet.createRow(0), "Family name", "Category");
            cells(sheet.createRow(1), "Karimi", "LES");
            sheet.createRow(2);
            cells(sheet.createRow(3), "", " ");
            cells(sheet.createRow(6), "Noori", "EFM");
        });

        ParsedList list = read("list.xlsx", content, Map.of());

        assertThat(list.accepted).extracting(PersonRow::row).containsExactly(2, 7);
        assertThat(list.emptyRows).containsExactly(3, 4);
        assertThat(list.rejected).isEmpty();
    }

    @Test
    void anXlsxFormulaCellGivesItsCachedValue() {
        byte[] content = xlsx(sheet -> {
            cells(sheet.createRow(0), "Family name", "Given name", "Category", "Date of birth");
            Row row = cells(sheet.createRow(1), "Karimi");
            row.createCell(1).setCellFormula("CONCATENATE(\"Ah\",\"mad\")");
            row.createCell(2).setCellFormula("\"L\"&\"ES\"");
            var book = sheet.getWorkbook();
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d-mmm-yy"));
            row.createCell(3).setCellFormula("DATE(1980,1,5)");
            row.getCell(3).setCellStyle(style);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        assertThat(read("list.xlsx", content, Map.of()).accepted)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.givenName()).isEqualTo("Ahmad");
                    assertThat(p.category()).isEqualTo(Category.LOCALLY_EMPLOYED_STAFF);
                    assertThat(p.dateOfBirth()).isEqualTo(LocalDate.of(1980, 1, 5));
                });
    }

    static Stream<DynamicTest> forEachSeed(ThrowingConsumer<Generators> property) {
        Long only = Long.getLong("import.seed");
        LongStream seeds = only == null ? LongStream.range(0, SEEDS) : LongStream.of(only);
        return seeds.mapToObj(seed -> dynamicTest("seed " + seed, () -> property.accept(new Generators(seed))));
    }

    static ParsedList read(String filename, byte[] content, Map<ImportField, String> wanted) {
        return ParsedList.read(filename, content, wanted, TODAY, KABUL);
    }

    static Object attempt(String filename, byte[] content) {
        try {
            return Outcome.of(read(filename, content, Map.of()));
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    /** Everything a read list says, comparable with equals. */
    record Outcome(
            List<String> headings,
            Map<ImportField, String> mapping,
            List<PersonRow> accepted,
            List<ParsedList.Rejected> rejected,
            List<Integer> empty,
            List<List<String>> firstRows,
            List<String> missingRequired) {
        static Outcome of(ParsedList list) {
            return new Outcome(
                    List.copyOf(list.headings),
                    Map.copyOf(list.mapping),
                    List.copyOf(list.accepted),
                    List.copyOf(list.rejected),
                    List.copyOf(list.emptyRows),
                    list.firstRows.stream().map(Arrays::asList).toList(),
                    List.copyOf(list.missingRequired));
        }
    }

    static List<String> textOf(PersonRow p) {
        return Stream.of(
                        p.sourceKey(),
                        p.householdKey(),
                        p.givenName(),
                        p.familyName(),
                        p.location(),
                        p.email(),
                        p.phone(),
                        p.documentNumber())
                .filter(v -> v != null)
                .toList();
    }

    static boolean validUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static final byte[] WORKBOOK = xlsx(sheet -> {
        cells(sheet.createRow(0), "Family name", "Category", "Phone");
        for (int i = 1; i <= 20; i++) {
            cells(sheet.createRow(i), "Karimi " + i, "LES", "+93 70 123 45" + i);
        }
    });

    static byte[] xlsx(Consumer<Sheet> content) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            content.accept(book.createSheet("People"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Row cells(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }

    static byte[] flipped(Generators g, byte[] content) {
        byte[] out = content.clone();
        for (int i = g.between(1, 20); i > 0; i--) {
            out[g.between(0, out.length - 1)] = (byte) g.between(0, 255);
        }
        return out;
    }

    static byte[] zip(Generators g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            List<String> names = List.of(
                    "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "x.txt");
            for (String name : names) {
                if (g.percent(70)) {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(
                            g.percent(50)
                                    ? utf8("<?xml version=\"1.0\"?><"
                                            + g.letters(1, 8).strip() + "x/>")
                                    : g.bytes(g.between(0, 400)));
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** What reading a generated table should give: row numbers accepted, refused and empty. */
    record Expected(List<Integer> accepted, List<Integer> rejected, List<Integer> empty) {}

    enum Kind {
        VALID,
        INVALID,
        EMPTY
    }

    /** A generated data row: its cells, what it is, its key when valid, the fields given a control character. */
    record Line(List<String> cells, Kind kind, String key, Set<ImportField> controlled) {}

    /**
     * A generated list: column headings as written, the field of each column (null when unmapped), the
     * saved mapping, the rows, and how the CSV is written.
     */
    record Table(
            List<String> written,
            List<ImportField> fields,
            Map<ImportField, String> wanted,
            List<Line> rows,
            char delimiter,
            String lineEnd,
            boolean quoteAll,
            boolean bom,
            boolean terminated) {

        static Table generate(Generators g) {
            boolean lineBreaks = g.percent(50);
            List<ImportField> fields = new ArrayList<>(List.of(FAMILY_NAME, CATEGORY));
            for (ImportField f : ImportField.values()) {
                if (!f.required() && g.percent(35)) {
                    fields.add(f);
                }
            }
            for (int i = g.between(0, 2); i > 0; i--) {
                fields.add(null);
            }
            g.shuffle(fields);
            Map<ImportField, String> wanted = new EnumMap<>(ImportField.class);
            List<String> written = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                ImportField f = fields.get(i);
                String heading = f == null
                        ? "Notes " + i + " " + g.letters(0, 10)
                        : g.recase(f.name().replace('_', ' ').toLowerCase(Locale.ROOT));
                if (f != null
                        && (g.percent(50) || ImportField.forHeading(heading).orElse(null) != f)) {
                    heading = "C" + i + " " + g.letters(0, 12);
                    wanted.put(f, heading.strip());
                }
                written.add(g.percent(20) ? " " + heading + " " : heading);
            }
            int n = g.between(0, 40);
            List<Line> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(line(g, fields, n, lineBreaks));
            }
            return new Table(
                    written,
                    fields,
                    wanted,
                    rows,
                    g.oneOf(',', ';', '\t'),
                    g.oneOf("\n", "\r\n"),
                    g.percent(20),
                    g.percent(20),
                    g.percent(80));
        }

        String heading(ImportField field) {
            return written.get(fields.indexOf(field)).strip();
        }

        String csv(boolean withBom) {
            StringBuilder out = new StringBuilder(withBom ? "\uFEFF" : "");
            out.append(Generators.csvLine(written, delimiter, quoteAll));
            String last = "";
            for (Line row : rows) {
                last = Generators.csvLine(row.cells(), delimiter, quoteAll);
                out.append(lineEnd).append(last);
            }
            boolean lastEmpty = !rows.isEmpty() && last.isEmpty();
            return terminated || lastEmpty ? out.append(lineEnd).toString() : out.toString();
        }

        byte[] bytes() {
            return utf8(csv(bom));
        }

        Expected expected() {
            Map<String, Integer> keys = new HashMap<>();
            List<Integer> accepted = new ArrayList<>();
            List<Integer> rejected = new ArrayList<>();
            List<Integer> empty = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                int number = i + 2;
                Line row = rows.get(i);
                switch (row.kind()) {
                    case EMPTY -> empty.add(number);
                    case INVALID -> rejected.add(number);
                    case VALID -> (keys.putIfAbsent(row.key(), number) == null ? accepted : rejected).add(number);
                }
            }
            return new Expected(accepted, rejected, empty);
        }

        static Line line(Generators g, List<ImportField> fields, int n, boolean lineBreaks) {
            if (g.percent(10)) {
                List<String> cells = new ArrayList<>();
                for (int i = g.between(0, fields.size() + 1); i > 0; i--) {
                    cells.add(g.whitespace());
                }
                return new Line(cells, Kind.EMPTY, null, Set.of());
            }
            Draft d = new Draft();
            Map<ImportField, String> values = new EnumMap<>(ImportField.class);
            for (ImportField f :
                    EnumSet.copyOf(fields.stream().filter(f -> f != null).toList())) {
                values.put(f, d.valid(g, f, n));
            }
            if (values.containsKey(ImportField.DOCUMENT_KIND)
                    && values.getOrDefault(ImportField.DOCUMENT_NUMBER, "").isBlank()) {
                values.put(ImportField.DOCUMENT_KIND, "");
            }
            Set<ImportField> controlled = EnumSet.noneOf(ImportField.class);
            boolean corrupted = g.percent(30);
            if (corrupted) {
                List<ImportField> mapped = List.copyOf(values.keySet());
                for (int i = g.between(1, 3); i > 0; i--) {
                    ImportField f = g.oneOf(mapped);
                    controlled.remove(f);
                    switch (g.between(0, 3)) {
                        case 0 -> {
                            values.put(f, g.withControl(values.get(f), lineBreaks));
                            controlled.add(f);
                        }
                        case 1 -> values.put(f, g.tooLong());
                        case 2 -> values.put(f, invalid(g, f));
                        default -> values.put(f, f.required() ? g.whitespace() : invalid(g, f));
                    }
                }
            }
            List<String> cells = new ArrayList<>();
            for (ImportField f : fields) {
                cells.add(f == null ? (g.percent(40) ? g.anything(lineBreaks) : "") : values.get(f));
            }
            if (g.percent(10)) {
                cells.add(g.text(1, 10));
            }
            while (g.percent(15)
                    && !cells.isEmpty()
                    && cells.get(cells.size() - 1).isBlank()) {
                cells.remove(cells.size() - 1);
            }
            Kind kind = cells.stream().allMatch(String::isBlank) ? Kind.EMPTY : corrupted ? Kind.INVALID : Kind.VALID;
            return new Line(cells, kind, kind == Kind.VALID ? d.key(values) : null, controlled);
        }

        static String invalid(Generators g, ImportField f) {
            return switch (f) {
                case CATEGORY -> g.notACategory();
                case CHIEF_OF_MISSION, EMERGENCY_STAFF, UNACCOMPANIED_MINOR -> g.oneOf("maybe", "si", "2");
                case NATIONALITY, DOCUMENT_COUNTRY -> g.oneOf("Afghanistan", "USA", "X1", "ZZ");
                case DATE_OF_BIRTH ->
                    g.percent(50)
                            ? g.refused(g.date(EARLIEST, TODAY))
                            : g.date(TODAY.plusDays(1), TODAY.plusYears(30)).toString();
                case TDY_ARRIVAL, TDY_DEPARTURE, EMAIL_VERIFIED, PHONE_VERIFIED, DOCUMENT_EXPIRES ->
                    g.refused(g.date(EARLIEST, TODAY));
                case RELATIONSHIP -> g.oneOf("cousin", "neighbour");
                case CITIZENSHIP -> "perhaps";
                case INTENT -> "soon";
                case LAST_CONTACT -> g.oneOf("yesterday", "11/20/2026");
                case EMAIL -> g.oneOf("not-an-email", "a@b", "a b@example.org");
                case PHONE -> g.oneOf("call me", "12-34", "+93 70 CALL ME");
                case DOCUMENT_KIND -> "driving licence";
                case KEY, HOUSEHOLD, GIVEN_NAME, FAMILY_NAME, LOCATION, DOCUMENT_NUMBER -> g.tooLong();
            };
        }
    }

    /** The facts of a row being generated that its key depends on. */
    static final class Draft {
        private LocalDate dob;
        private LocalDate arrival;
        private Category category;

        String valid(Generators g, ImportField f, int rows) {
            return switch (f) {
                case KEY ->
                    g.percent(15) ? g.whitespace() : g.oneOf("", " ") + "R" + g.between(1, Math.max(1, rows / 2));
                case FAMILY_NAME -> g.name();
                case GIVEN_NAME -> g.percent(20) ? g.whitespace() : g.name();
                case CATEGORY -> {
                    Generators.Spelled s = g.category();
                    category = s.category();
                    yield s.text();
                }
                case CHIEF_OF_MISSION, EMERGENCY_STAFF, UNACCOMPANIED_MINOR ->
                    g.oneOf("yes", "No", "Y", "n", "TRUE", "false", "1", "0", "x", "");
                case NATIONALITY, DOCUMENT_COUNTRY -> g.oneOf("AF", "us", "Gb", "de", "PK", "");
                case DATE_OF_BIRTH -> {
                    dob = g.percent(20) ? null : g.date(EARLIEST, TODAY);
                    yield dob == null ? "" : g.accepted(dob);
                }
                case HOUSEHOLD -> g.oneOf("", "H1", "H2", " case 7 ");
                case RELATIONSHIP ->
                    g.oneOf("head", "Spouse", "son", "Daughter", "other relative", "self", "Other", "");
                case CITIZENSHIP -> g.oneOf("verified", "Claimed", "disproved", "unknown", "not a citizen", "");
                case INTENT -> g.oneOf("leave", "stay", "undecided", "Maybe", "yes", "no", "");
                case LOCATION -> g.text(0, 40);
                case LAST_CONTACT ->
                    g.oneOf(
                            "2026-11-20",
                            "2026-11-20T10:15",
                            "2026-11-20T10:15:30+04:30",
                            "2026-11-20T06:00:00Z",
                            "20 Nov 2026",
                            "");
                case TDY_ARRIVAL -> {
                    arrival = g.percent(30) ? null : g.date(LocalDate.of(2025, 1, 1), TODAY);
                    yield arrival == null ? "" : g.accepted(arrival);
                }
                case TDY_DEPARTURE ->
                    arrival == null
                            ? g.accepted(g.date(LocalDate.of(2025, 1, 1), TODAY))
                            : g.accepted(arrival.plusDays(g.between(0, 90)));
                case EMAIL -> g.oneOf("ahmad@example.org", "x.y+z@mail.example.af", "رحیمی@example.af", "");
                case EMAIL_VERIFIED, PHONE_VERIFIED, DOCUMENT_EXPIRES ->
                    g.percent(30) ? "" : g.accepted(g.date(LocalDate.of(1990, 1, 1), LocalDate.of(2040, 12, 31)));
                case PHONE -> g.oneOf("+93 70 123 4567", "0701234567", "(202) 555-0100", "+1.202.555.0100", "");
                case DOCUMENT_KIND -> g.oneOf("passport", "National ID", "tazkira", "visa", "other", "");
                case DOCUMENT_NUMBER -> g.percent(30) ? "" : "P" + g.between(100_000, 999_999);
            };
        }

        /** The key a valid row is matched by: its record id, or else its name, date of birth and category. */
        String key(Map<ImportField, String> values) {
            String id = values.getOrDefault(KEY, "");
            if (!id.isBlank()) {
                return id.strip();
            }
            String given = values.getOrDefault(GIVEN_NAME, "");
            return "~" + values.get(FAMILY_NAME).strip().toLowerCase(Locale.ROOT) + "|"
                    + given.strip().toLowerCase(Locale.ROOT) + "|" + (dob == null ? "" : dob) + "|" + category.name();
        }
    }
}
