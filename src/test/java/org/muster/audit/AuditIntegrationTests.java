package org.muster.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@MusterIntegrationTest
class AuditIntegrationTests {
    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TestData data;

    /** Tests here tamper with the chain; each test restores what it altered so others see it intact. */
    @AfterEach
    void chainIsIntactAgain() {
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void everyStateChangeAppendsALinkedEntry() {
        Post post = data.post();
        AuditEntry entry = tx.execute(s -> audit.record("test.changed", post.id(), "changed something"));

        assertThat(entry.actor()).isEqualTo("system");
        assertThat(entry.postId()).isEqualTo(post.id());
        AuditEntry previous = jdbc.sql("select * from audit_entry where seq = ?")
                .param(entry.seq() - 1)
                .query(AuditLog::entry)
                .single();
        assertThat(entry.prevHash()).isEqualTo(previous.hash());
        assertThat(AuditChain.hash(entry)).isEqualTo(entry.hash());
        assertThat(audit.recent(post.id(), 5)).extracting(AuditEntry::action).contains("test.changed", "post.created");
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> audit.record("test.loose", null, "no transaction"))
                .hasMessageContaining("transaction");
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        AuditEntry entry = tx.execute(s -> audit.record("test.fixed", null, "original"));

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set summary = 'forged' where seq = ?")
                        .param(entry.seq())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = ?")
                        .param(entry.seq())
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void verifyReportsTheFirstAlteredEntry() {
        AuditEntry altered = tx.execute(s -> audit.record("test.original", null, "original words"));
        tx.execute(s -> audit.record("test.after", null, "a later entry"));

        bypassingTrigger("update audit_entry set summary = 'forged words' where seq = " + altered.seq());
        try {
            AuditVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBreak().orElseThrow().seq()).isEqualTo(altered.seq());
            assertThat(result.firstBreak().orElseThrow().reason()).contains("altered");
            assertThat(result.checked()).isEqualTo(altered.seq() - 1);
        } finally {
            bypassingTrigger("update audit_entry set summary = 'original words' where seq = " + altered.seq());
        }
    }

    @Test
    void verifyReportsADeletedEntry() {
        AuditEntry deleted = tx.execute(s -> audit.record("test.doomed", null, "to be deleted"));
        tx.execute(s -> audit.record("test.after", null, "a later entry"));

        bypassingTrigger("delete from audit_entry where seq = " + deleted.seq());
        try {
            AuditVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBreak().orElseThrow().seq()).isEqualTo(deleted.seq());
            assertThat(result.firstBreak().orElseThrow().reason()).contains("missing");
        } finally {
            bypassingTrigger("insert into audit_entry (seq, at, actor, post_id, action, summary, prev_hash, hash)"
                    + " values (" + deleted.seq() + ", '" + deleted.at() + "', 'system', null, 'test.doomed',"
                    + " 'to be deleted', '" + deleted.prevHash() + "', '" + deleted.hash() + "')");
        }
    }

    private void bypassingTrigger(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }
}
