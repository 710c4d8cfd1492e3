package org.muster.people;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/**
 * Everything the register knows about one person, and where each fact came from: {@code sources}
 * lists every list row that stated something about them, with the facts it stated.
 */
public record PersonDetail(
        PersonSummary person,
        LocalDate tdyArrival,
        LocalDate tdyDeparture,
        List<Contact> contacts,
        List<Document> documents,
        List<PersonSummary> household,
        List<Source> sources,
        List<State> history)
        implements Marked, Releasable {

    public record Contact(String kind, String value, LocalDate lastVerified, boolean stale, String source) {}

    public record Document(String kind, String number, String issuingCountry, LocalDate expires) {}

    public record Source(String list, String filename, long importId, int row, List<String> facts, OffsetDateTime at) {}

    public record State(OffsetDateTime from, Category category, String location, String citizenship) {}

    @Override
    public long postId() {
        return person.postId();
    }

    @Override
    public List<?> releasableContent() {
        return household;
    }
}
