package org.muster.people.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.muster.people.ImportField;

/**
 * A list read and checked on a thread of its own while the importing transaction goes on: storing
 * the upload, then staging the accepted rows as they come ({@link #accepted()}), so that parsing
 * overlaps the database's work instead of preceding it. What the whole reading found ({@link #list()})
 * is there once the last row is checked. Closing it stops a reading nobody waits for any more.
 */
public final class ListReading implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final List<PersonRow> END = List.of();

    /**
     * Room for every row of a large list: the reading must not wait while the transaction stores the
     * upload (the rows are held in the list anyway).
     */
    private static final int BATCHES_AHEAD = 1024;

    private final BlockingQueue<List<PersonRow>> batches;
    private final CompletableFuture<List<String>> missingRequired = new CompletableFuture<>();
    private final FutureTask<ParsedList> reading;
    private boolean taken;

    private ListReading(
            String filename,
            byte[] content,
            Map<ImportField, String> wanted,
            LocalDate today,
            ZoneId zone,
            int batchesAhead) {
        this.batches = new ArrayBlockingQueue<>(batchesAhead);
        this.reading = new FutureTask<>(() -> {
            List<PersonRow> batch = new ArrayList<>(BATCH);
            try {
                ParsedList list = ParsedList.read(
                        filename,
                        content,
                        wanted,
                        today,
                        zone,
                        headingsRead -> missingRequired.complete(List.copyOf(headingsRead.missingRequired)),
                        row -> {
                            batch.add(row);
                            if (batch.size() == BATCH) {
                                hand(List.copyOf(batch));
                                batch.clear();
                            }
                        });
                if (!batch.isEmpty()) {
                    hand(List.copyOf(batch));
                }
                return list;
            } finally {
                // done when the headings were read; else the file was refused as a whole (or the
                // reading stopped), and the consumer must not wait
                missingRequired.complete(List.of());
                try {
                    batches.put(END);
                } catch (InterruptedException e) {
                    // closed: nobody takes rows any more
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** Starts reading {@code content} on {@code executor}. */
    public static ListReading start(
            Executor executor,
            String filename,
            byte[] content,
            Map<ImportField, String> wanted,
            LocalDate today,
            ZoneId zone) {
        return start(executor, filename, content, wanted, today, zone, BATCHES_AHEAD);
    }

    /** As above, holding at most {@code batchesAhead} batches of rows not yet taken. */
    static ListReading start(
            Executor executor,
            String filename,
            byte[] content,
            Map<ImportField, String> wanted,
            LocalDate today,
            ZoneId zone,
            int batchesAhead) {
        ListReading reading = new ListReading(filename, content, wanted, today, zone, batchesAhead);
        executor.execute(reading.reading);
        return reading;
    }

    private void hand(List<PersonRow> batch) {
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the import stopped waiting for its rows");
        }
    }

    /**
     * The labels of required fields the headings leave without a column, as soon as the headings are
     * read (empty when the file could not be read at all: {@link #list()} says why).
     */
    public List<String> missingRequired() {
        return await(missingRequired);
    }

    /**
     * The accepted rows in file order, each as soon as it is checked; iterating blocks for the next.
     * Once only. If the reading fails, iterating past the last row it handed over throws what
     * {@link #list()} throws.
     */
    public Iterable<PersonRow> accepted() {
        if (taken) {
            throw new IllegalStateException("the accepted rows are handed over once");
        }
        taken = true;
        return () -> new Iterator<>() {
            private Iterator<PersonRow> current = List.<PersonRow>of().iterator();
            private boolean ended;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !ended) {
                    List<PersonRow> next;
                    try {
                        next = batches.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the list's rows", e);
                    }
                    if (next == END) {
                        ended = true;
                        list();
                    } else {
                        current = next.iterator();
                    }
                }
                return current.hasNext();
            }

            @Override
            public PersonRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The whole list as read; waits for the reading to end and throws what it threw. */
    public ParsedList list() {
        return await(reading);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the list to be read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the reading if it is still going (its thread is interrupted at the next hand-over). */
    @Override
    public void close() {
        reading.cancel(true);
        batches.clear();
    }
}
