package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The references from the tables an import fills to their post, list and imported file, checked per
 * statement instead of by foreign keys (V16, ADR 0005): a row naming a parent that is not there is
 * refused with the foreign-key error, the whole statement with it, and the parents cannot be removed.
 */
@MusterIntegrationTest
class ImportReferenceChecksIntegrationTests {
    static final long MISSING = Long.MAX_VALUE;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TestData data;

    @Autowired
    PeopleImport imports;

    record Imported(long postId, long sourceId, long importId, long personId) {}

    Imported imported() {
        Post post = data.post();
        String csv = "ID,Family name,Category,Email\nR1,Rahimi,LES,rahimi@example.org\n";
        imports.importFile(post.id(), "HR list", "staff.csv", csv.getBytes(StandardCharsets.UTF_8));
        return jdbc.sql("""
                        select f.post_id, f.source_id, f.id import_id, s.person_id
                        from import_file f join person_source s on s.import_id = f.id
                        where f.post_id = ?
                        """).param(post.id()).query(Imported.class).single();
    }

    /** Runs a statement in a transaction of its own, rolled back whatever it does. */
    void inRolledBack(Runnable statement) {
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            statement.run();
        });
    }

    static void refusedAsForeignKey(ThrowingCallable statement, String parent) {
        PersonReferenceChecksIntegrationTests.refusedAsForeignKey(statement, "is not present in \"" + parent + "\"");
    }

    @Test
    void aPersonOrHouseholdOrHistoryNamingNoPostIsRefused() {
        Imported i = imported();

        refusedAsForeignKey(() -> jdbc.sql("""
                                insert into person (post_id, given_name, family_name, category, chief_of_mission, created_at)
                                values (?, '', 'Nowhere', 'OTHER_DESIGNATED_NATIONAL', false, now())
                                """).param(MISSING).update(), "post");
        refusedAsForeignKey(
                () -> jdbc.sql("insert into household (post_id, name, created_at) values (?, 'Nowhere', now())")
                        .param(MISSING)
                        .update(),
                "post");
        refusedAsForeignKey(() -> jdbc.sql("""
                                insert into person_state (person_id, valid_from, post_id, category, chief_of_mission)
                                values (?, now() + interval '1 day', ?, 'US_DIRECT_HIRE', true)
                                """).params(i.personId(), MISSING).update(), "post");
        refusedAsForeignKey(
                () -> jdbc.sql("update person set post_id = ? where id = ?")
                        .params(MISSING, i.personId())
                        .update(),
                "post");
        assertThat(jdbc.sql("select post_id from person where id = ?")
                        .param(i.personId())
                        .query(Long.class)
                        .single())
                .isEqualTo(i.postId());
    }

    @Test
    void oneRowNamingNoImportRefusesTheWholeStatement() {
        Imported i = imported();

        refusedAsForeignKey(
                () -> jdbc.sql("""
                                insert into person_source (person_id, import_id, row_number, fields)
                                values (?, ?, 100, '{}'), (?, ?, 101, '{}')
                                """)
                        .params(i.personId(), i.importId(), i.personId(), MISSING)
                        .update(),
                "import_file");
        assertThat(jdbc.sql("select count(*) from person_source where person_id = ?")
                        .param(i.personId())
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void keysAndContactsAndDocumentsNamingNoListOrImportAreRefused() {
        Imported i = imported();
        long household = jdbc.sql(
                        "insert into household (post_id, name, created_at) values (?, 'H1', now()) returning id")
                .param(i.postId())
                .query(Long.class)
                .single();

        refusedAsForeignKey(
                () -> jdbc.sql("insert into person_key (source_id, source_key, person_id) values (?, 'X', ?)")
                        .params(MISSING, i.personId())
                        .update(),
                "import_source");
        refusedAsForeignKey(
                () -> jdbc.sql("insert into household_key (source_id, source_key, household_id) values (?, 'X', ?)")
                        .params(MISSING, household)
                        .update(),
                "import_source");
        refusedAsForeignKey(() -> jdbc.sql("""
                                insert into identity_document (person_id, kind, number, import_id, row_number)
                                values (?, 'PASSPORT', 'P1', ?, 2)
                                """).params(i.personId(), MISSING).update(), "import_file");
        refusedAsForeignKey(
                () -> jdbc.sql("insert into contact_point (person_id, kind, value, import_id, row_number)"
                                + " values (?, 'PHONE', '+93 70 000 0009', ?, 3)")
                        .params(i.personId(), MISSING)
                        .update(),
                "import_file");
        // a later row stating the same contact takes over its provenance: the import it names must exist
        refusedAsForeignKey(() -> jdbc.sql("""
                                insert into contact_point (person_id, kind, value, import_id, row_number)
                                values (?, 'EMAIL', 'rahimi@example.org', ?, 3)
                                on conflict (person_id, kind, value) do update set import_id = excluded.import_id
                                """).params(i.personId(), MISSING).update(), "import_file");
        assertThat(jdbc.sql("select import_id from contact_point where person_id = ?")
                        .param(i.personId())
                        .query(Long.class)
                        .single())
                .isEqualTo(i.importId());
    }

    @Test
    void anUpdateThatPointsAReferenceAtAMissingParentIsRefused() {
        Imported i = imported();
        long household = jdbc.sql(
                        "insert into household (post_id, name, created_at) values (?, 'H1', now()) returning id")
                .param(i.postId())
                .query(Long.class)
                .single();
        jdbc.sql("insert into household_key (source_id, source_key, household_id) values (?, 'H1', ?)")
                .params(i.sourceId(), household)
                .update();
        jdbc.sql("insert into identity_document (person_id, kind, number, import_id, row_number)"
                        + " values (?, 'PASSPORT', 'P1', ?, 2)")
                .params(i.personId(), i.importId())
                .update();
        record Update(String sql, long id, String parent) {}

        for (Update u : new Update[] {
            new Update("update household set post_id = ? where id = ?", household, "post"),
            new Update("update person_state set post_id = ? where person_id = ?", i.personId(), "post"),
            new Update("update person_key set source_id = ? where person_id = ?", i.personId(), "import_source"),
            new Update("update household_key set source_id = ? where household_id = ?", household, "import_source"),
            new Update("update identity_document set import_id = ? where person_id = ?", i.personId(), "import_file"),
            new Update("update contact_point set import_id = ? where person_id = ?", i.personId(), "import_file")
        }) {
            refusedAsForeignKey(() -> jdbc.sql(u.sql()).params(MISSING, u.id()).update(), u.parent());
        }
        // an update naming a list that is there passes
        assertThat(jdbc.sql("update person_key set source_key = source_key, source_id = ? where person_id = ?")
                        .params(i.sourceId(), i.personId())
                        .update())
                .isOne();
    }

    @Test
    void postsListsAndImportedFilesAreNeverRemoved() {
        Imported i = imported();

        for (String delete : new String[] {
            "delete from import_file where id = " + i.importId(),
            "delete from import_source where id = " + i.sourceId(),
            "delete from post where id = " + i.postId()
        }) {
            assertThatThrownBy(() -> inRolledBack(() -> jdbc.sql(delete).update()))
                    .as(delete)
                    .rootCause()
                    .hasMessageContaining("rows are never removed: DELETE refused");
        }
        assertThat(jdbc.sql("select count(*) from import_file where id = ?")
                        .param(i.importId())
                        .query(Integer.class)
                        .single())
                .isOne();
    }
}
