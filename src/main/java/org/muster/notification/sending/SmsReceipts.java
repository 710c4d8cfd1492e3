package org.muster.notification.sending;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.muster.audit.AuditLog;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Delivery receipts from the SMS gateway: it reports, by the reference Muster sent with each SMS (the
 * delivery id), whether the phone received it. "delivered" makes the delivery DELIVERED whatever Muster
 * last knew of it (the receipt is the phone's word; a delivery still queued for a retry is not sent
 * again); "failed", "undelivered", "rejected" and "expired" make a sent delivery (or one still being
 * sent: gateways may refuse within milliseconds) FAILED with the gateway's reason; interim states ("accepted", "queued", "sent", ...) change nothing. A later
 * "failed" does not undo "delivered", and a receipt given twice changes nothing the second time.
 * References that are not an SMS delivery are listed back, not refused, so that a gateway does not
 * resend a batch for them. All of a batch or nothing: one bad receipt refuses the batch and names it.
 */
@Service
public class SmsReceipts {
    /** At most this many receipts in one request. */
    public static final int BATCH_LIMIT = 1_000;

    private static final Set<String> DELIVERED = Set.of("delivered");
    private static final Set<String> FAILED = Set.of("failed", "undelivered", "rejected", "expired");
    private static final Set<String> INTERIM =
            Set.of("accepted", "queued", "sending", "sent", "buffered", "enroute", "scheduled");
    private static final int REASON_LIMIT = 300;

    /** The actor of the audit entries: the gateway, not a person. */
    static final String ACTOR = "SMS gateway";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MessageCompletion completion;
    private final Clock clock;

    SmsReceipts(JdbcClient jdbc, AuditLog audit, MessageCompletion completion, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.completion = completion;
        this.clock = clock;
    }

    /** What a batch of receipts did: deliveries now delivered or failed, receipts that changed nothing, unknown references. */
    public record Outcome(int delivered, int failed, int unchanged, List<String> unknown) {}

    private record Receipt(UUID delivery, String status, String reason) {}

    /** Applies the receipts in {@code body}: one receipt object, or an array of them. */
    @Transactional
    public Outcome apply(JsonNode body) {
        List<Receipt> receipts = read(body);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String[] all =
                receipts.stream().map(r -> r.delivery().toString()).distinct().toArray(String[]::new);
        Set<String> known =
                new HashSet<>(jdbc.sql("select id::text from delivery where id = any(?::uuid[]) and channel = 'SMS'"
                                + " order by id for update")
                        .param(all)
                        .query(String.class)
                        .list());
        Set<String> unknown = new LinkedHashSet<>();
        int unknownReceipts = 0;
        List<String> delivered = new ArrayList<>();
        List<String> failedIds = new ArrayList<>();
        List<String> failedReasons = new ArrayList<>();
        for (Receipt r : receipts) {
            String id = r.delivery().toString();
            if (!known.contains(id)) {
                unknown.add(id);
                unknownReceipts++;
            } else if (DELIVERED.contains(r.status())) {
                delivered.add(id);
            } else if (FAILED.contains(r.status())) {
                failedIds.add(id);
                failedReasons.add(r.reason());
            }
        }
        Map<Long, int[]> byPost = new LinkedHashMap<>();
        Set<Long> messages = new HashSet<>();
        jdbc.sql("update delivery set status = 'DELIVERED', delivered_at = ?, sent_at = coalesce(sent_at, ?),"
                        + " failure = null, claimed_by = null, lease_until = null"
                        + " where id = any(?::uuid[]) and status <> 'DELIVERED' returning post_id, message_id")
                .params(now, now, delivered.toArray(String[]::new))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list()
                .forEach(changed -> tally(changed, 0, byPost, messages));
        // the first failure receipt of a delivery in the batch gives the reason; a gateway may refuse
        // before the sender has written SENT (the sender's write then leaves the delivery alone)
        jdbc.sql("update delivery d set status = 'FAILED', failure = r.reason, claimed_by = null, lease_until = null"
                        + " from (select distinct on (id) id, reason from unnest(?::uuid[], ?::text[]) with ordinality"
                        + " as u (id, reason, n) order by id, n) r"
                        + " where d.id = r.id and d.status in ('SENT', 'SENDING') returning d.post_id, d.message_id")
                .params(failedIds.toArray(String[]::new), failedReasons.toArray(String[]::new))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list()
                .forEach(changed -> tally(changed, 1, byPost, messages));
        // a receipt for a delivery waiting for a retry or being sent may have been its message's last one
        // outstanding
        if (!messages.isEmpty()) {
            completion.finish(List.copyOf(messages));
        }
        int deliveredCount = 0;
        int failedCount = 0;
        for (Map.Entry<Long, int[]> e : byPost.entrySet()) {
            deliveredCount += e.getValue()[0];
            failedCount += e.getValue()[1];
            audit.recordAs(
                    ACTOR,
                    "sms.receipts",
                    e.getKey(),
                    "the SMS gateway's receipts: " + e.getValue()[0] + " delivered, " + e.getValue()[1] + " failed");
        }
        int unchanged = receipts.size() - unknownReceipts - deliveredCount - failedCount;
        return new Outcome(deliveredCount, failedCount, unchanged, List.copyOf(unknown));
    }

    /** Counts a changed delivery ({@code post_id}, {@code message_id}) as delivered (slot 0) or failed (slot 1). */
    private static void tally(long[] changed, int slot, Map<Long, int[]> byPost, Set<Long> messages) {
        byPost.computeIfAbsent(changed[0], p -> new int[2])[slot]++;
        messages.add(changed[1]);
    }

    private static List<Receipt> read(JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new InvalidInputException("receipts", "send one receipt object or an array of them");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        if (nodes.isEmpty()) {
            throw new InvalidInputException("receipts", "the array is empty");
        }
        if (nodes.size() > BATCH_LIMIT) {
            throw new InvalidInputException("receipts", "at most " + BATCH_LIMIT + " receipts in one request");
        }
        List<Receipt> receipts = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String at = body.isArray() ? "[" + i + "]." : "";
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                throw new InvalidInputException(body.isArray() ? "[" + i + "]" : "receipts", "is not an object");
            }
            JsonNode reference = node.get("reference");
            if (reference == null
                    || !reference.isString()
                    || reference.asString().isBlank()) {
                throw new InvalidInputException(
                        at + "reference", "is required: the reference Muster sent with the SMS");
            }
            UUID id;
            try {
                id = UUID.fromString(reference.asString().trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        at + "reference", "'" + excerpt(reference.asString()) + "' is not a Muster reference");
            }
            JsonNode statusNode = node.get("status");
            String status = statusNode == null || !statusNode.isString()
                    ? ""
                    : statusNode.asString().trim().toLowerCase(Locale.ROOT);
            if (!DELIVERED.contains(status) && !FAILED.contains(status) && !INTERIM.contains(status)) {
                throw new InvalidInputException(
                        at + "status",
                        "use delivered, failed, undelivered, rejected or expired (or an interim state: accepted,"
                                + " queued, sending, sent, buffered, enroute, scheduled)");
            }
            JsonNode error = node.get("error");
            String reason = "the gateway reported " + status
                    + (error != null && error.isString() && !error.asString().isBlank()
                            ? ": " + excerpt(error.asString().strip())
                            : "");
            receipts.add(new Receipt(id, status, reason));
        }
        return receipts;
    }

    private static String excerpt(String text) {
        return text.length() <= REASON_LIMIT ? text : text.substring(0, REASON_LIMIT) + "…";
    }
}
