package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The references from the tables an import fills to each row's person and household, checked per
 * statement instead of by foreign keys (V17, ADR 0006). A row naming a person or household that is
 * not there is refused with the foreign-key error, the whole statement with it; a person or household
 * still named cannot be removed, also when the naming row and the removal race each other.
 */
@MusterIntegrationTest
class PersonReferenceChecksIntegrationTests {
    static final long MISSING = ImportReferenceChecksIntegrationTests.MISSING;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TestData data;

    @Autowired
    PeopleImport imports;

    @Autowired
    DataSource dataSource;

    final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOther() {
        other.shutdownNow();
    }

    record Imported(long postId, long importId, long personId, long householdId) {}

    /** One imported person in a household: a provenance row, a key, a contact and a history row. */
    Imported imported() {
        Post post = data.post();
        String csv = "ID,Household,Family name,Category,Email\nR1,H1,Rahimi,LES,rahimi@example.org\n";
        imports.importFile(post.id(), "HR list", "staff.csv", csv.getBytes(StandardCharsets.UTF_8));
        return jdbc.sql("""
                        select f.post_id, f.id import_id, s.person_id, p.household_id
                        from import_file f join person_source s on s.import_id = f.id join person p on p.id = s.person_id
                        where f.post_id = ?
                        """).param(post.id()).query(Imported.class).single();
    }

    /** A person nothing names yet, committed. */
    long lonePerson(long postId) {
        return jdbc.sql("""
                        insert into person (post_id, given_name, family_name, category, chief_of_mission, created_at)
                        values (?, '', 'Lone', 'OTHER_DESIGNATED_NATIONAL', false, now()) returning id
                        """).param(postId).query(Long.class).single();
    }

    long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    /** The statement fails with the foreign-key error (23503), its message containing {@code message}. */
    static void refusedAsForeignKey(ThrowingCallable statement, String message) {
        assertThatThrownBy(statement)
                .hasRootCauseInstanceOf(SQLException.class)
                .rootCause()
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
    }

    @Test
    void rowsNamingNoPersonOrHouseholdAreRefused() {
        Imported i = imported();

        refusedAsForeignKey(
                () -> jdbc.sql("""
                                insert into person (post_id, household_id, given_name, family_name, category,
                                    chief_of_mission, created_at)
                                values (?, ?, '', 'Nowhere', 'OTHER_DESIGNATED_NATIONAL', false, now())
                                """).params(i.postId(), MISSING).update(), "is not present in \"household\"");
        refusedAsForeignKey(
                () -> jdbc.sql("insert into household_key (source_id, source_key, household_id)"
                                + " select source_id, 'X', ? from import_file where id = ?")
                        .params(MISSING, i.importId())
                        .update(),
                "is not present in \"household\"");
        refusedAsForeignKey(
                () -> jdbc.sql("insert into person_key (source_id, source_key, person_id)"
                                + " select source_id, 'X', ? from import_file where id = ?")
                        .params(MISSING, i.importId())
                        .update(),
                "is not present in \"person\"");
        refusedAsForeignKey(
                () -> jdbc.sql("insert into person_source (person_id, import_id, row_number, fields)"
                                + " values (?, ?, 100, '{}')")
                        .params(MISSING, i.importId())
                        .update(),
                "is not present in \"person\"");
        refusedAsForeignKey(
                () -> jdbc.sql(
                                "insert into contact_point (person_id, kind, value) values (?, 'PHONE', '+93 70 000 0009')")
                        .param(MISSING)
                        .update(),
                "is not present in \"person\"");
        refusedAsForeignKey(
                () -> jdbc.sql("insert into identity_document (person_id, kind, number) values (?, 'PASSPORT', 'P1')")
                        .param(MISSING)
                        .update(),
                "is not present in \"person\"");
        refusedAsForeignKey(() -> jdbc.sql("""
                                insert into person_state (person_id, valid_from, post_id, category, chief_of_mission)
                                values (?, now(), ?, 'US_DIRECT_HIRE', true)
                                """).params(MISSING, i.postId()).update(), "is not present in \"person\"");
    }

    @Test
    void oneRowNamingNoPersonRefusesTheWholeStatement() {
        Imported i = imported();

        refusedAsForeignKey(
                () -> jdbc.sql("""
                                insert into contact_point (person_id, kind, value)
                                values (?, 'PHONE', '+93 70 000 0001'), (?, 'PHONE', '+93 70 000 0002')
                                """).params(i.personId(), MISSING).update(),
                "person_id = " + MISSING + " is not present in \"person\"");
        assertThat(count("select count(*) from contact_point where person_id = ?", i.personId()))
                .isOne();
    }

    /**
     * A statement naming a dense run of ids is checked by one count over that run (V19); a run with a
     * removed person in it must still be refused, naming that person, and rows around the gap accepted.
     */
    @Test
    void aRemovedPersonInsideARunOfNamedOnesIsStillFoundMissing() {
        Imported i = imported();
        java.util.List<Long> run = jdbc.sql("""
                        insert into person (post_id, given_name, family_name, category, chief_of_mission, created_at)
                        select ?, '', 'Run ' || n, 'OTHER_DESIGNATED_NATIONAL', false, now()
                        from generate_series(1, 5) n returning id
                        """).param(i.postId()).query(Long.class).list().stream()
                .sorted()
                .toList();
        // the statement drew five consecutive ids, so each insert below names a dense run
        assertThat(run.get(4) - run.get(0)).isEqualTo(4);
        long gap = run.get(2);
        jdbc.sql("delete from person where id = ?").param(gap).update();
        String contacts = "insert into contact_point (person_id, kind, value)"
                + " select id, 'PHONE', '+93 70 100 ' || n from unnest(?::bigint[]) with ordinality u (id, n)";

        refusedAsForeignKey(
                () -> jdbc.sql(contacts).param(run.toArray(Long[]::new)).update(),
                "person_id = " + gap + " is not present in \"person\"");
        refusedAsForeignKey(
                () -> jdbc.sql(contacts)
                        .param(new Long[] {run.get(0), run.get(0), run.get(1), run.get(1), gap})
                        .update(),
                "person_id = " + gap + " is not present in \"person\"");
        refusedAsForeignKey(
                () -> jdbc.sql(contacts).param(new Long[] {gap}).update(),
                "person_id = " + gap + " is not present in \"person\"");
        refusedAsForeignKey(
                () -> jdbc.sql(contacts)
                        .param(new Long[] {Long.MIN_VALUE, MISSING})
                        .update(),
                "is not present in \"person\"");
        assertThat(jdbc.sql("select count(*) from contact_point where person_id = any(?::bigint[])")
                        .param(run.toArray(Long[]::new))
                        .query(Long.class)
                        .single())
                .isZero();

        Long[] aroundTheGap = {run.get(0), run.get(1), run.get(3), run.get(4)};
        assertThat(jdbc.sql(contacts).param(aroundTheGap).update()).isEqualTo(4);
        assertThat(jdbc.sql("insert into person_state (person_id, valid_from, post_id, category, chief_of_mission)"
                                + " select id, now(), ?, 'OTHER_DESIGNATED_NATIONAL', false"
                                + " from unnest(?::bigint[]) id")
                        .params(i.postId(), new Long[] {run.get(0), run.get(1)})
                        .update())
                .isEqualTo(2);
    }

    @Test
    void anUpdateThatPointsAReferenceAtAMissingPersonOrHouseholdIsRefused() {
        Imported i = imported();
        jdbc.sql("insert into identity_document (person_id, kind, number) values (?, 'PASSPORT', 'P1')")
                .param(i.personId())
                .update();
        record Update(String sql, long id, String parent) {}

        for (Update u : new Update[] {
            new Update("update person set household_id = ? where id = ?", i.personId(), "household"),
            new Update(
                    "update household_key set household_id = ? where household_id = ?", i.householdId(), "household"),
            new Update("update person_key set person_id = ? where person_id = ?", i.personId(), "person"),
            new Update("update contact_point set person_id = ? where person_id = ?", i.personId(), "person"),
            new Update("update identity_document set person_id = ? where person_id = ?", i.personId(), "person"),
            new Update("update person_state set person_id = ? where person_id = ?", i.personId(), "person")
        }) {
            refusedAsForeignKey(
                    () -> jdbc.sql(u.sql()).params(MISSING, u.id()).update(),
                    "update on table \"" + u.sql().split(" ")[1] + "\" violates its reference to \"" + u.parent()
                            + "\"");
        }
        // moving a person to a household that is there passes
        long household = jdbc.sql(
                        "insert into household (post_id, name, created_at) values (?, 'H2', now()) returning id")
                .param(i.postId())
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("update person set household_id = ? where id = ?")
                        .params(household, i.personId())
                        .update())
                .isOne();
    }

    @Test
    void aPersonOrHouseholdStillNamedIsKeptAndOneNamedByNothingCanBeRemoved() {
        Imported i = imported();

        refusedAsForeignKey(
                () -> jdbc.sql("delete from person where id = ?")
                        .param(i.personId())
                        .update(),
                "delete on table \"person\" violates the reference from \"person_key\": id = " + i.personId());
        refusedAsForeignKey(
                () -> jdbc.sql("delete from household where id = ?")
                        .param(i.householdId())
                        .update(),
                "delete on table \"household\" violates the reference from \"person\": id = " + i.householdId());
        // the person's own rows, one table at a time: each still holds the removal back
        long person = lonePerson(i.postId());
        jdbc.sql("insert into identity_document (person_id, kind, number) values (?, 'PASSPORT', 'P7')")
                .param(person)
                .update();
        refusedAsForeignKey(
                () -> jdbc.sql("delete from person where id = ?").param(person).update(),
                "from \"identity_document\": id = " + person + " is still named in identity_document.person_id");
        jdbc.sql("delete from identity_document where person_id = ?")
                .param(person)
                .update();
        assertThat(jdbc.sql("delete from person where id = ?").param(person).update())
                .isOne();
        long household = jdbc.sql(
                        "insert into household (post_id, name, created_at) values (?, 'H3', now()) returning id")
                .param(i.postId())
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("delete from household where id = ?")
                        .param(household)
                        .update())
                .isOne();
        assertThat(count("select count(*) from person where id = ?", i.personId()))
                .isOne();
    }

    @Test
    void idsAreNeverChangedAndANamedTableIsNeverTruncated() {
        Imported i = imported();

        refusedAsForeignKey(
                () -> jdbc.sql("update person set id = default where id = ?")
                        .param(i.personId())
                        .update(),
                "the id of person " + i.personId() + " is never changed");
        refusedAsForeignKey(
                () -> jdbc.sql("update household set id = default where id = ?")
                        .param(i.householdId())
                        .update(),
                "the id of household " + i.householdId() + " is never changed");
        // in a transaction rolled back whatever happens: a truncate let through must not empty the tables
        refusedAsForeignKey(
                () -> tx.executeWithoutResult(status -> {
                    status.setRollbackOnly();
                    jdbc.sql("truncate household").update();
                }),
                "truncate of table \"household\" refused: rows of \"person\" name it");
        assertThat(count("select count(*) from household where id = ?", i.householdId()))
                .isOne();
    }

    /** Which of two racing transactions commits first must not leave a row naming a removed person. */
    @Test
    void aRemovalStartedWhileAContactIsWrittenWaitsForItAndIsThenRefused() throws Exception {
        Imported i = imported();
        long person = lonePerson(i.postId());

        try (Connection writer = dataSource.getConnection();
                Connection remover = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            remover.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement(
                    "insert into contact_point (person_id, kind, value) values (?, 'PHONE', '+93 70 000 0042')")) {
                insert.setLong(1, person);
                insert.executeUpdate();
            }
            long removerPid = pid(remover);
            Future<Integer> removal = other.submit(() -> {
                try (PreparedStatement delete = remover.prepareStatement("delete from person where id = ?")) {
                    delete.setLong(1, person);
                    return delete.executeUpdate();
                }
            });
            awaitLockWait(removerPid);
            writer.commit();
            refusedAsForeignKey(
                    () -> removal.get(30, TimeUnit.SECONDS),
                    "id = " + person + " is still named in contact_point.person_id");
            remover.rollback();
        }
        assertThat(count("select count(*) from person where id = ?", person)).isOne();
        assertThat(count("select count(*) from contact_point where person_id = ?", person))
                .isOne();
    }

    @Test
    void aContactWrittenWhileItsPersonIsRemovedWaitsForTheRemovalAndIsThenRefused() throws Exception {
        Imported i = imported();
        long person = lonePerson(i.postId());

        try (Connection writer = dataSource.getConnection();
                Connection remover = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            remover.setAutoCommit(false);
            try (PreparedStatement delete = remover.prepareStatement("delete from person where id = ?")) {
                delete.setLong(1, person);
                assertThat(delete.executeUpdate()).isOne();
            }
            long writerPid = pid(writer);
            Future<Integer> write = other.submit(() -> {
                try (PreparedStatement insert = writer.prepareStatement(
                        "insert into contact_point (person_id, kind, value) values (?, 'PHONE', '+93 70 000 0043')")) {
                    insert.setLong(1, person);
                    return insert.executeUpdate();
                }
            });
            awaitLockWait(writerPid);
            remover.commit();
            refusedAsForeignKey(() -> write.get(30, TimeUnit.SECONDS), "is not present in \"person\"");
            writer.rollback();
        }
        assertThat(count("select count(*) from person where id = ?", person)).isZero();
        assertThat(count("select count(*) from contact_point where person_id = ?", person))
                .isZero();
    }

    @Test
    void outsideReadCommittedARemovalIsRefusedAndAWriterLocksThePersonItNames() throws Exception {
        Imported i = imported();
        long person = lonePerson(i.postId());

        try (Connection repeatable = dataSource.getConnection()) {
            repeatable.setAutoCommit(false);
            repeatable.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = repeatable.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("delete from person where id = " + person))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("person rows are removed only at READ COMMITTED isolation")
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
            }
            repeatable.rollback();

            // its snapshot still shows the person another transaction has since removed
            try (Statement s = repeatable.createStatement()) {
                s.executeQuery("select 1").close();
            }
            assertThat(jdbc.sql("delete from person where id = ?").param(person).update())
                    .isOne();
            try (Statement s = repeatable.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("insert into contact_point (person_id, kind, value) values ("
                                + person + ", 'PHONE', '+93 70 000 0044')"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
            }
            repeatable.rollback();
        }
        assertThat(count("select count(*) from contact_point where person_id = ?", person))
                .isZero();
    }

    static long pid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the backend {@code pid} waits for a lock: the other transaction holds it back. */
    void awaitLockWait(long pid) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String waiting = jdbc.sql("select wait_event_type from pg_stat_activity where pid = ?")
                    .param(pid)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if ("Lock".equals(waiting)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("backend " + pid + " never waited for a lock");
    }
}
