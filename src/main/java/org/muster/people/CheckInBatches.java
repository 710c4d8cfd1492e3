package org.muster.people;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The batch path of {@link CheckIns}: checks a whole batch in memory and with two locking
 * queries, then writes it with one set-based statement (arrays unnested), inside the caller's
 * transaction. Four statements for up to 500 check-ins.
 */
@Component
class CheckInBatches {
    record Applied(CheckInBatchResult result, List<Long> personIds) {}

    private final JdbcClient jdbc;
    private final RollCallAccess access;

    CheckInBatches(JdbcClient jdbc, RollCallAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Checks the batch, then writes what is new in it; runs in the caller's transaction, which must
     * roll back on any exception (nothing of the batch is then written).
     */
    Applied apply(long postId, long rollCallId, List<CheckIn> batch, Reader reader, OffsetDateTime now) {
        OffsetDateTime[] reportedAt = new OffsetDateTime[batch.size()];
        List<Integer> kept = check(postId, rollCallId, batch, reader, now, reportedAt);
        int replayed = dropReplays(postId, rollCallId, batch, kept, reader);
        int n = kept.size();
        String[] ids = new String[n];
        Long[] persons = new Long[n];
        String[] statuses = new String[n];
        String[] channels = new String[n];
        String[] times = new String[n];
        String[] notes = new String[n];
        for (int k = 0; k < n; k++) {
            int i = kept.get(k);
            CheckIn c = batch.get(i);
            ids[k] = c.id().toString();
            persons[k] = c.personId();
            statuses[k] = c.status().name();
            channels[k] = c.channel().name();
            times[k] = reportedAt[i].toString();
            notes[k] = c.note();
        }
        if (n == 0) {
            return new Applied(new CheckInBatchResult(postId, rollCallId, batch.size(), 0, replayed, 0), List.of());
        }
        return jdbc.sql(CheckInStatements.APPLY_BATCH)
                .params(ids, persons, statuses, channels, times, notes)
                .params(rollCallId, reader.username(), now, rollCallId)
                .query((rs, row) -> {
                    List<Long> applied = List.of((Long[]) rs.getArray("applied").getArray());
                    return new Applied(
                            new CheckInBatchResult(
                                    postId, rollCallId, batch.size(), rs.getInt("recorded"), replayed, applied.size()),
                            applied);
                })
                .single();
    }

    /**
     * Fails with every problem of the batch, or returns the indexes of its distinct check-ins after
     * filling in their report times. Locks the roll-call against closing and the members it names.
     */
    private List<Integer> check(
            long postId,
            long rollCallId,
            List<CheckIn> batch,
            Reader reader,
            OffsetDateTime now,
            OffsetDateTime[] reportedAt) {
        List<CheckInsRejectedException.Problem> problems = new ArrayList<>();
        Map<UUID, Integer> firstIndex = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CheckIn c = batch.get(i);
            try {
                reportedAt[i] = CheckIns.reportedAt(c, now, field(i, "reportedAt"));
            } catch (InvalidInputException e) {
                problems.add(new CheckInsRejectedException.Problem(e.field(), e.reason()));
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(c.id(), i);
            if (earlier == null) {
                kept.add(i);
            } else if (!batch.get(earlier).equals(c)) {
                problems.add(new CheckInsRejectedException.Problem(
                        field(i, "id"), "repeats the id of checkIns[" + earlier + "] with different content"));
            }
        }
        record RollCallState(OffsetDateTime startedAt, OffsetDateTime closedAt) {}
        RollCallState rollCall = jdbc.sql(CheckInStatements.LOCK_ROLL_CALL)
                .params(rollCallId, postId)
                .query((rs, n) ->
                        new RollCallState(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                .optional()
                .orElseThrow(() -> RollCalls.notFound(rollCallId));
        if (rollCall.closedAt() != null) {
            throw new RollCallClosedException(rollCallId);
        }
        Map<Long, String> members = new HashMap<>();
        Long[] personIds = batch.stream().map(CheckIn::personId).distinct().toArray(Long[]::new);
        jdbc.sql(CheckInStatements.LOCK_MEMBERS).params(rollCallId, personIds).query(rs -> {
            members.put(rs.getLong(1), rs.getString(2));
        });
        Set<String> allowed = RollCallAccess.limitedToAssignedLocations(reader)
                ? new HashSet<>(access.wardenLocations(postId, reader.userId()))
                : null;
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CheckIn c = batch.get(i);
            if (!members.containsKey(c.personId())) {
                problems.add(new CheckInsRejectedException.Problem(
                        field(i, "personId"), "person " + c.personId() + " is not in roll-call " + rollCallId));
            } else if (allowed != null && !allowed.contains(members.get(c.personId()))) {
                outside.add(field(i, "personId"));
            }
            if (c.reportedAt() != null
                    && c.reportedAt().isBefore(rollCall.startedAt().minus(CheckIns.TOLERANCE))) {
                problems.add(new CheckInsRejectedException.Problem(
                        field(i, "reportedAt"), "is before the roll-call started (" + rollCall.startedAt() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(p -> index(p.field())));
            throw new CheckInsRejectedException(problems);
        }
        if (!outside.isEmpty()) {
            throw new AccessDeniedException("Not in the locations assigned to you as warden: " + outside);
        }
        return kept;
    }

    /** Removes retried check-ins from {@code kept}; fails on an id already used for something else. */
    private int dropReplays(long postId, long rollCallId, List<CheckIn> batch, List<Integer> kept, Reader reader) {
        String[] ids = kept.stream().map(i -> batch.get(i).id().toString()).toArray(String[]::new);
        Map<UUID, CheckInRecord> stored = new LinkedHashMap<>();
        CheckIns.find(jdbc, ids).forEach(r -> stored.put(r.id(), r));
        if (stored.isEmpty()) {
            return 0;
        }
        int before = kept.size();
        for (var it = kept.iterator(); it.hasNext(); ) {
            int i = it.next();
            CheckIn c = batch.get(i);
            CheckInRecord r = stored.get(c.id());
            if (r == null) {
                continue;
            }
            if (r.postId() != postId || !r.sameRequest(c, rollCallId, reader.username())) {
                throw new CheckInConflictException(
                        field(i, "id"), "Check-in " + c.id() + " was already recorded with different content.");
            }
            it.remove();
        }
        return before - kept.size();
    }

    static String field(int index, String name) {
        return "checkIns[" + index + "]." + name;
    }

    private static int index(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        return open < 0 || close < open ? -1 : Integer.parseInt(field.substring(open + 1, close));
    }
}
