package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * An import written two rows at a time writes what one batch would: households that span batches
 * are created once, and a child's adult in a later batch still counts (the unaccompanied-minor step
 * runs after the last batch).
 */
@MusterIntegrationTest
@TestPropertySource(properties = "muster.import.batch-rows=2")
class BatchedImportIntegrationTests {
    static final String HEADING = "ID,Surname,First name,Category,DOB,Household\n";
    static final String LIST = HEADING
            + "B1,Amiri,Arash,SIV,2015-01-01,H1\n"
            + "B2,Amiri,Bahar,SIV,1980-01-01,H2\n"
            + "B3,Amiri,Cyrus,SIV,2016-01-01,H2\n"
            + "B4,Amiri,Dina,SIV,2014-01-01,H1\n"
            + "B5,Amiri,Elham,SIV,1978-01-01,H1\n"
            + "B6,Amiri,Farid,SIV,2017-01-01,H3\n"
            + "B7,Amiri,Gul,SIV,2018-01-01,\n";

    @Autowired
    TestData data;

    @Autowired
    PeopleImport imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aListInManyBatchesIsWrittenAsOne() {
        Post post = data.post();

        ImportReport first =
                imports.importFile(post.id(), "Consular list", "a.csv", LIST.getBytes(StandardCharsets.UTF_8));
        ImportReport again =
                imports.importFile(post.id(), "Consular list", "a.csv", LIST.getBytes(StandardCharsets.UTF_8));

        assertThat(first.added()).isEqualTo(7);
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(7);
        assertThat(jdbc.sql("""
                        select p.given_name || ' ' || coalesce(h.name, '-') || ' ' || p.unaccompanied_minor
                        from person p left join household h on h.id = p.household_id
                        where p.post_id = ? order by p.given_name
                        """).param(post.id()).query(String.class).list())
                .containsExactly(
                        "Arash H1 false",
                        "Bahar H2 false",
                        "Cyrus H2 false",
                        "Dina H1 false",
                        "Elham H1 false",
                        "Farid H3 true",
                        "Gul - true");
        assertThat(count("select count(*) from household where post_id = ?", post))
                .isEqualTo(3);
        assertThat(count(
                        "select count(*) from person_key k join person p on p.id = k.person_id where p.post_id = ?",
                        post))
                .isEqualTo(7);
        assertThat(count(
                        "select count(*) from person_source s join person p on p.id = s.person_id where p.post_id = ?",
                        post))
                .as("one provenance row per row of each import")
                .isEqualTo(14);
        assertThat(count(
                        "select count(*) from person_state s join person p on p.id = s.person_id where p.post_id = ?",
                        post))
                .isEqualTo(7);
        assertThat(List.of(first.rows(), again.rows())).containsExactly(7, 7);
    }

    long count(String sql, Post post) {
        return jdbc.sql(sql).param(post.id()).query(Long.class).single();
    }
}
