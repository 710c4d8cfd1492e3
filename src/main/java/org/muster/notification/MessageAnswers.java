package org.muster.notification;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.muster.security.NeedToKnow;
import org.muster.shared.Classification;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers to a message, for the staff of its post: the counts of each person's latest answer and
 * the {@value #LATEST} most recent of those answers, with names and notes. Thread-safe.
 */
@Service
public class MessageAnswers {
    static final int LATEST = 100;

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;

    MessageAnswers(JdbcClient jdbc, NeedToKnow needToKnow) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
    }

    /**
     * The answers to a message for its post's staff: fails unless the reader is a member of the
     * message's post cleared for its marking ({@link NeedToKnow}); an unknown message is not found.
     */
    @Transactional(readOnly = true)
    public MessageResponses of(long messageId) {
        var message = jdbc.sql("select post_id, classification from message where id = ?")
                .param(messageId)
                .query((rs, n) -> new MessageResponses(
                        messageId, rs.getLong(1), Classification.valueOf(rs.getString(2)), Map.of(), 0, List.of()))
                .optional()
                .orElseThrow(() -> new NotFoundException("Message " + messageId + " does not exist."));
        needToKnow.check(message);
        Map<Answer, Integer> counts = new EnumMap<>(Answer.class);
        jdbc.sql("select answer, count(*) from (select distinct on (person_id) answer from response"
                        + " where message_id = ? order by person_id, answered_at desc, id desc) l group by answer")
                .param(messageId)
                .query(rs -> {
                    counts.put(Answer.valueOf(rs.getString(1)), rs.getInt(2));
                });
        List<MessageResponses.Row> latest = jdbc.sql("select * from (select distinct on (r.person_id) r.person_id,"
                        + " p.given_name, p.family_name, r.answer, r.note, r.answered_at,"
                        + " count(*) over (partition by r.person_id) answers"
                        + " from response r join person p on p.id = r.person_id where r.message_id = ?"
                        + " order by r.person_id, r.answered_at desc, r.id desc) l order by answered_at desc limit ?")
                .params(messageId, LATEST)
                .query((rs, n) -> new MessageResponses.Row(
                        rs.getLong("person_id"),
                        (rs.getString("given_name") + " " + rs.getString("family_name")).strip(),
                        Answer.valueOf(rs.getString("answer")),
                        rs.getString("note"),
                        rs.getObject("answered_at", OffsetDateTime.class),
                        rs.getInt("answers")))
                .list();
        int people = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new MessageResponses(messageId, message.postId(), message.classification(), counts, people, latest);
    }
}
