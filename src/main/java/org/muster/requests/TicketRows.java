package org.muster.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.muster.notification.Language;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads tickets with the display names of their owner and first reader. */
final class TicketRows {
    private TicketRows() {}

    /** {@code select} of tickets {@code t} (owner {@code o}) followed by {@code rest} (named parameters). */
    static JdbcClient.StatementSpec select(JdbcClient jdbc, String rest) {
        return jdbc.sql("select t.*, o.display_name owner_name, r.display_name reader_name from ticket t"
                + " left join app_user o on o.id = t.owner_id left join app_user r on r.id = t.first_read_by "
                + rest);
    }

    static Ticket ticket(ResultSet rs, int n) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new Ticket(
                rs.getLong("id"),
                rs.getLong("post_id"),
                rs.getString("reference"),
                Queue.valueOf(rs.getString("queue")),
                TicketStatus.valueOf(rs.getString("status")),
                ownerId,
                rs.getString("owner_name"),
                rs.getString("requester_name"),
                rs.getString("email"),
                rs.getString("phone"),
                Language.parse("language", rs.getString("language")),
                rs.getString("subject"),
                rs.getString("body"),
                TicketChannel.valueOf(rs.getString("channel")),
                rs.getObject("received_at", OffsetDateTime.class),
                rs.getObject("first_read_at", OffsetDateTime.class),
                rs.getString("reader_name"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
