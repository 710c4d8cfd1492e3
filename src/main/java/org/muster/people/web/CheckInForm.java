package org.muster.people.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.muster.people.CheckIn;
import org.muster.people.CheckInChannel;
import org.muster.people.CheckInStatus;
import org.muster.people.CheckInsRejectedException.Problem;
import org.muster.shared.InvalidInputException;

/**
 * A check-in as JSON sends it. Text fields are read here rather than by Jackson so that every bad
 * field of a batch is reported, not just the first. {@code channel} defaults to {@code API};
 * {@code reportedAt} is ISO-8601 with an offset, e.g. {@code 2021-08-15T10:00:00Z}.
 */
record CheckInForm(String id, Long personId, String status, String channel, String reportedAt, String note) {

    /** The check-in, or null after adding its problems, each field prefixed by {@code prefix}. */
    CheckIn toCheckIn(String prefix, List<Problem> problems) {
        int before = problems.size();
        UUID uuid = null;
        if (id == null || id.isBlank()) {
            problems.add(new Problem(prefix + "id", "is required: a UUID chosen by the client, reused on a retry"));
        } else {
            try {
                uuid = UUID.fromString(id.trim());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(prefix + "id", "must be a UUID such as 3f2b8c1e-6a3d-4e0f-9c55-0d6f1c2a7b90"));
            }
        }
        if (personId == null || personId <= 0) {
            problems.add(new Problem(prefix + "personId", "is required"));
        }
        CheckInStatus parsedStatus = parse(problems, () -> CheckInStatus.parse(prefix + "status", status));
        CheckInChannel parsedChannel = channel == null || channel.isBlank()
                ? CheckInChannel.API
                : parse(problems, () -> CheckInChannel.parse(prefix + "channel", channel));
        OffsetDateTime at = null;
        if (reportedAt != null && !reportedAt.isBlank()) {
            try {
                at = OffsetDateTime.parse(reportedAt.trim());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(
                        prefix + "reportedAt", "must be an ISO-8601 time with offset, e.g. 2021-08-15T10:00:00Z"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new CheckIn(uuid, personId, parsedStatus, parsedChannel, at, note);
        } catch (InvalidInputException e) {
            problems.add(new Problem(prefix + e.field(), e.reason()));
            return null;
        }
    }

    private static <T> T parse(List<Problem> problems, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidInputException e) {
            problems.add(new Problem(e.field(), e.reason()));
            return null;
        }
    }
}
