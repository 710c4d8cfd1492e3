package org.muster.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the audit chain inside the caller's transaction, so an entry exists exactly when the
 * change it describes was committed. Appends are serialised across every node by a PostgreSQL
 * advisory lock held to the end of the transaction; that keeps {@code seq} gap-free and the chain
 * linear. The actor is the authenticated user of the current thread, or {@code system}.
 */
@Service
public class AuditLog {
    private static final long CHAIN_LOCK = 0x4d5553544552L; // "MUSTER"

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a state change by the current user. {@code postId} null means installation-wide. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String action, Long postId, String summary) {
        return recordAs(currentActor(), action, postId, summary);
    }

    /** Records that the current user saw sensitive content (a person's details, a classified portion). */
    @Transactional
    public AuditEntry viewed(Long postId, String what) {
        return recordAs(currentActor(), "viewed", postId, what);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry recordAs(String actor, String action, Long postId, String summary) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        var last = jdbc.sql("select seq, hash from audit_entry order by seq desc limit 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
        long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
        String prevHash = last.map(r -> (String) r[1]).orElse(AuditChain.GENESIS);
        OffsetDateTime at = AuditChain.truncate(OffsetDateTime.now(clock));
        String hash = AuditChain.hash(prevHash, seq, at, actor, postId, action, summary);
        jdbc.sql("insert into audit_entry (seq, at, actor, post_id, action, summary, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, at, actor, postId, action, summary, prevHash, hash)
                .update();
        return new AuditEntry(seq, at, actor, postId, action, summary, prevHash, hash);
    }

    /** The newest entries of one post, newest first. Callers check the reader's membership first. */
    public List<AuditEntry> recent(long postId, int limit) {
        return jdbc.sql("select * from audit_entry where post_id = ? order by seq desc limit ?")
                .params(postId, limit)
                .query(AuditLog::entry)
                .list();
    }

    /** Entries of the whole installation, newest first, one page at a time (for administrators). */
    public List<AuditEntry> page(long beforeSeq, int limit) {
        return jdbc.sql("select * from audit_entry where seq < ? order by seq desc limit ?")
                .params(beforeSeq, limit)
                .query(AuditLog::entry)
                .list();
    }

    static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long post = rs.getLong("post_id");
        Long postId = rs.wasNull() ? null : post;
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class),
                rs.getString("actor"),
                postId,
                rs.getString("action"),
                rs.getString("summary"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
