package org.muster.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.muster.shared.Marked;

/**
 * One person of a roll-call with their current status, who reported it, how and when, and the
 * check-in that set it (all null while nobody has), and the ways to reach them. A contact is {@code stale} when it was never
 * verified or not within {@code muster.people.contact-stale-after}.
 */
public record RollCallMember(
        @JsonIgnore long postId,
        long rollCallId,
        long personId,
        String givenName,
        String familyName,
        Category category,
        String location,
        boolean chiefOfMission,
        CheckInStatus status,
        CheckInChannel channel,
        String reportedBy,
        OffsetDateTime reportedAt,
        UUID lastCheckIn,
        List<Contact> contacts)
        implements Marked {

    public record Contact(String kind, String value, LocalDate lastVerified, boolean stale) {}

    public RollCallMember {
        contacts = List.copyOf(contacts);
    }

    public String name() {
        return givenName.isEmpty() ? familyName : familyName + ", " + givenName;
    }

    public boolean selfReported() {
        return channel != null && channel.selfReported();
    }
}
