package org.muster.requests;

import java.time.OffsetDateTime;
import java.util.List;
import org.muster.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only history of tickets, and the members who may own them. Callers check access. */
@Component
class TicketHistory {
    private final JdbcClient jdbc;

    TicketHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(
            long ticketId,
            OffsetDateTime at,
            String actor,
            TicketEvent.Kind kind,
            String from,
            String to,
            String note) {
        jdbc.sql("insert into ticket_event (ticket_id, at, actor, kind, from_value, to_value, note)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(ticketId, at, actor, kind.name(), from, to, note)
                .update();
    }

    List<TicketEvent> of(long ticketId) {
        return jdbc.sql("select * from ticket_event where ticket_id = ? order by id")
                .param(ticketId)
                .query((rs, n) -> new TicketEvent(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        TicketEvent.Kind.valueOf(rs.getString("kind")),
                        rs.getString("from_value"),
                        rs.getString("to_value"),
                        rs.getString("note")))
                .list();
    }

    String username(long userId) {
        return jdbc.sql("select username from app_user where id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    List<Tickets.Owner> owners(long postId, List<Role> roles) {
        return jdbc.sql("select u.id, u.username, u.display_name from app_user u"
                        + " join post_membership m on m.user_id = u.id and m.post_id = ?"
                        + " where u.enabled and u.roles && ?::text[] order by u.display_name, u.username")
                .params(postId, roles.stream().map(Role::name).toArray(String[]::new))
                .query((rs, n) ->
                        new Tickets.Owner(rs.getLong("id"), rs.getString("username"), rs.getString("display_name")))
                .list();
    }
}
