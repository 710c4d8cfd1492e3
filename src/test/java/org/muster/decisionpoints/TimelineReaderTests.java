package org.muster.decisionpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;

class TimelineReaderTests {
    static final ZoneId KABUL = ZoneId.of("Asia/Kabul");
    static final Instant NOW = Instant.parse("2021-09-01T00:00:00Z");

    @Test
    void theKabulFileIsReadWithItsDefaultHeadingsAndTheProvinceIsReportedAsNotImported() {
        Timeline t = TimelineReader.read(
                EvaluatorTests.resource("provincial-capitals.csv"), TimelineMapping.DEFAULT, KABUL, NOW);

        assertThat(t.rows()).isEqualTo(27);
        assertThat(t.accepted()).hasSize(27);
        assertThat(t.refused()).isEmpty();
        assertThat(t.unmappedHeadings()).containsExactly("province");
        TimelineRow first = t.accepted().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.subject()).isEqualTo("Zaranj");
        assertThat(first.observedAt()).isEqualTo("2021-08-05T19:30:00Z");
        assertThat(first.observation().note()).isEqualTo("first provincial capital taken");
        assertThat(first.observation().source()).isEqualTo("Reuters factbox; Al Jazeera timeline");
    }

    @Test
    void aByteOrderMarkAndAMappingAreHonoured() {
        String csv = "\uFEFFwhen,city,what,who,how sure\n2021-08-13 14:30,Herat,fell,VOA,high\n";

        Timeline t = TimelineReader.read(
                bytes(csv),
                TimelineMapping.parse("date=when, subject=city, event=what, source=who, confidence=how sure"),
                KABUL,
                NOW);

        assertThat(t.refused()).isEmpty();
        assertThat(t.accepted().get(0).observedAt()).isEqualTo("2021-08-13T10:00:00Z");
        assertThat(t.accepted().get(0).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void everyBadRowIsReportedWithItsRowFieldAndReasonAndNothingIsDropped() {
        String csv = """
                date,subject,event,value,source,confidence,classification,handle,note
                2021-08-13,Herat,fell,,VOA,,,,
                13/08/2021,Ghazni,fell,,VOA,,,,
                2021-09-30,Kabul,entered,,VOA,,,,
                2021-08-13,,fell,,VOA,,,,
                2021-08-13,Threat,level,high,VOA,sure,,,
                ,,,,,,,,
                2021-08-13,Report,fell,,desk,,SECRET,,
                2021-08-13,Report,fell,,desk,,SECRET,S-123,
                2021-08-13,Report,fell,,desk,,SBU,H-1,some text
                2021-08-13T10:00+04:30,Kunduz,fell,,VOA,,,,
                """;

        Timeline t = TimelineReader.read(bytes(csv), TimelineMapping.DEFAULT, KABUL, NOW);

        assertThat(t.rows()).isEqualTo(10);
        assertThat(t.accepted()).extracting(TimelineRow::row).containsExactly(2, 9, 11);
        assertThat(t.emptyRows()).containsExactly(7);
        assertThat(t.refused())
                .extracting(r -> r.row() + " " + r.field())
                .containsExactly("3 date", "4 date", "5 subject", "6 value", "6 confidence", "8 handle", "10 note");
        assertThat(t.refused().get(1).reason()).contains("in the future");
        assertThat(t.accepted().get(1).observation().classification()).isEqualTo(Classification.SECRET);
        assertThat(t.accepted().get(2).observedAt()).isEqualTo("2021-08-13T05:30:00Z");
    }

    @Test
    void aFileIsRefusedAsAWholeWhenNoRowCanBeRead() {
        refused(new byte[] {'d', 'a', 't', 'e', '\n', (byte) 0xE9, '\n'}, TimelineMapping.DEFAULT, "file");
        refused(bytes("date,subject,source\n2021-08-13,Herat,VOA\n"), TimelineMapping.DEFAULT, "file");
        refused(bytes(""), TimelineMapping.DEFAULT, "file");
        refused(bytes("date,subject,event,source\n"), TimelineMapping.parse("subject=city"), "mapping");
        assertThatThrownBy(() -> TimelineMapping.parse("place=city"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("mapping:");
    }

    static void refused(byte[] content, TimelineMapping mapping, String field) {
        assertThatThrownBy(() -> TimelineReader.read(content, mapping, KABUL, NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field())
                        .as(e.getMessage())
                        .isEqualTo(field));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
