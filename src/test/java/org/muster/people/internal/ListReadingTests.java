package org.muster.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.muster.shared.InvalidInputException;

/** A list read on a thread of its own hands over what reading it in place would give, and stops when closed. */
class ListReadingTests {
    static final LocalDate TODAY = LocalDate.of(2021, 8, 15);
    static final ZoneId KABUL = ZoneId.of("Asia/Kabul");

    /** Each task on a new thread of its own, kept for the test to join. */
    final ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();

    final Executor executor = task -> {
        Thread t = new Thread(task, "list-reading-test");
        threads.add(t);
        t.start();
    };

    /** {@code rows} people; every 97th row lacks its family name, every 101st repeats the id of the row before. */
    static byte[] list(int rows) {
        StringBuilder csv = new StringBuilder("ID,Family name,Given name,Category,Email\n");
        for (int i = 1; i <= rows; i++) {
            String id = i % 101 == 0 ? "P" + (i - 1) : "P" + i;
            String family = i % 97 == 0 ? "" : "Family" + i;
            csv.append(id)
                    .append(',')
                    .append(family)
                    .append(",Given")
                    .append(i)
                    .append(",LES,p")
                    .append(i)
                    .append("@example.org\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void handsOverTheRowsAcceptedInFileOrderAndThenTheWholeList() {
        byte[] content = list(5_000);
        ParsedList inPlace = ParsedList.read("people.csv", content, Map.of(), TODAY, KABUL);

        try (ListReading reading = ListReading.start(executor, "people.csv", content, Map.of(), TODAY, KABUL, 2)) {
            assertThat(reading.missingRequired()).isEmpty();
            List<PersonRow> handed = new ArrayList<>();
            reading.accepted().forEach(handed::add);

            assertThat(handed).isEqualTo(inPlace.accepted).hasSizeGreaterThan(4_800);
            ParsedList list = reading.list();
            assertThat(list.accepted).as("handed over, not kept").isEmpty();
            assertThat(list.acceptedRows()).isEqualTo(inPlace.accepted.size());
            assertThat(list.dataRows()).isEqualTo(inPlace.dataRows());
            assertThat(list.rejected).hasSameSizeAs(inPlace.rejected).hasSizeGreaterThan(80);
            assertThat(list.rejected.stream().map(ParsedList.Rejected::row).toList())
                    .isEqualTo(inPlace.rejected.stream()
                            .map(ParsedList.Rejected::row)
                            .toList());
            assertThat(list.mapping).isEqualTo(inPlace.mapping);
        }
    }

    @Test
    void aFileWithoutARequiredColumnHandsOverNoRow() {
        byte[] content = "ID,Given name\nP1,Ann\n".getBytes(StandardCharsets.UTF_8);

        try (ListReading reading = ListReading.start(executor, "people.csv", content, Map.of(), TODAY, KABUL)) {
            assertThat(reading.missingRequired()).containsExactly("Family name", "Category");
            assertThat(reading.accepted()).isEmpty();
            assertThat(reading.list().missingRequired).containsExactly("Family name", "Category");
        }
    }

    @Test
    void aFileRefusedAsAWholeFailsTheRowsAndTheListWithItsReason() {
        byte[] content = "not a workbook".getBytes(StandardCharsets.UTF_8);

        try (ListReading reading = ListReading.start(executor, "people.xlsx", content, Map.of(), TODAY, KABUL)) {
            assertThat(reading.missingRequired()).isEmpty();
            assertThatThrownBy(() -> reading.accepted().iterator().hasNext()).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(reading::list).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void closingStopsAReadingNobodyTakesRowsFrom() throws InterruptedException {
        ListReading reading = ListReading.start(executor, "people.csv", list(20_000), Map.of(), TODAY, KABUL, 1);
        assertThat(reading.accepted().iterator().next().sourceKey()).isEqualTo("P1");
        Thread reader = threads.peek();
        // with one batch of room the reader waits to hand over the next long before the end of the file
        for (int i = 0; i < 100 && reader.getState() != Thread.State.WAITING; i++) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(reader.getState()).isEqualTo(Thread.State.WAITING);

        reading.close();

        reader.join(5_000);
        assertThat(reader.isAlive()).isFalse();
    }

    @Test
    void theRowsAreHandedOverOnce() {
        try (ListReading reading = ListReading.start(executor, "people.csv", list(3), Map.of(), TODAY, KABUL)) {
            reading.accepted();
            assertThatThrownBy(reading::accepted).isInstanceOf(IllegalStateException.class);
        }
    }
}
