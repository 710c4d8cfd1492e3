package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@MusterIntegrationTest
class PeopleRegistryIntegrationTests {
    @Autowired
    PeopleRegistry registry;

    @Autowired
    TestData data;

    @Test
    void headcountCountsByCategoryChiefOfMissionAuthorityAndHouseholds() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                List.of(
                        new NewPerson("Ann", "Lee", Category.US_DIRECT_HIRE, "US", LocalDate.of(1980, 1, 1), null),
                        new NewPerson("Omid", "Safi", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, "safi"),
                        new NewPerson("Roya", "Safi", Category.SIV_APPLICANT, "AF", null, "safi"),
                        new NewPerson("", "Hill", Category.PRIVATE_US_CITIZEN, "US", null, null)),
                "a test");
        String member = data.user(Role.VIEWER, Classification.UNCLASSIFIED, post);

        Headcount count = data.as(member, () -> registry.headcount(post.id()));

        assertThat(count.total()).isEqualTo(4);
        assertThat(count.chiefOfMission()).isEqualTo(2);
        assertThat(count.households()).isEqualTo(1);
        assertThat(count.byCategory()).containsEntry(Category.SIV_APPLICANT, 1L);
    }

    @Test
    void theTaskForceTotalsFollowEveryChangeToTheRegister(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Post post = data.post();
        Post other = data.post();
        registry.addAll(
                post.id(),
                List.of(
                        new NewPerson("Ann", "Lee", Category.US_DIRECT_HIRE, "US", null, null),
                        new NewPerson("Omid", "Safi", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null),
                        new NewPerson("Bo", "Hill", Category.PRIVATE_US_CITIZEN, "US", null, null),
                        new NewPerson("Cy", "Hill", Category.PRIVATE_US_CITIZEN, "US", null, null)),
                "a test");
        registry.addAll(
                other.id(), List.of(new NewPerson("Di", "Ray", Category.TDY_VISITOR, "US", null, null)), "a test");
        String taskForce = data.user(Role.TASK_FORCE, Classification.UNCLASSIFIED, post, other);
        List<Long> both = List.of(post.id(), other.id());

        assertThat(data.as(taskForce, () -> registry.totals(both)))
                .containsEntry(post.id(), new PostTotals(post.id(), 4, 2, 0, 2))
                .containsEntry(other.id(), new PostTotals(other.id(), 1, 1, 0, 0))
                .isEqualTo(recount(jdbc, both));

        jdbc.sql("update person set citizenship = case given_name when 'Bo' then 'VERIFIED' else 'DISPROVED' end"
                        + " where post_id = ? and category = 'PRIVATE_US_CITIZEN'")
                .param(post.id())
                .update();
        jdbc.sql("update person set category = 'CONTRACTOR_NON_COM', chief_of_mission = false where given_name = 'Omid'"
                        + " and post_id = ?")
                .param(post.id())
                .update();
        jdbc.sql("update person set post_id = ? where given_name = 'Ann' and post_id = ?")
                .params(other.id(), post.id())
                .update();
        jdbc.sql("update person set location = 'Compound 2' where post_id = ?")
                .param(post.id())
                .update();
        jdbc.sql("delete from person_state where person_id in (select id from person where given_name = 'Di')")
                .update();
        jdbc.sql("delete from person where given_name = 'Di' and post_id = ?")
                .param(other.id())
                .update();

        assertThat(data.as(taskForce, () -> registry.totals(both)))
                .containsEntry(post.id(), new PostTotals(post.id(), 3, 0, 1, 1))
                .containsEntry(other.id(), new PostTotals(other.id(), 1, 1, 0, 0))
                .isEqualTo(recount(jdbc, both));
    }

    /** The totals counted from the register itself, as the figures kept by the triggers must stay. */
    private static java.util.Map<Long, PostTotals> recount(
            org.springframework.jdbc.core.simple.JdbcClient jdbc, List<Long> postIds) {
        java.util.Map<Long, PostTotals> totals = new java.util.HashMap<>();
        postIds.forEach(id -> totals.put(id, new PostTotals(id, 0, 0, 0, 0)));
        jdbc.sql("select post_id, count(*), count(*) filter (where chief_of_mission),"
                        + " count(*) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship = 'VERIFIED'),"
                        + " count(*) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship is distinct from"
                        + " 'DISPROVED') from person where post_id = any(?) group by post_id")
                .param(postIds.toArray(Long[]::new))
                .query((rs, n) ->
                        new PostTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list()
                .forEach(t -> totals.put(t.postId(), t));
        return totals;
    }

    @Test
    void namesAreStoredExactlyAsWrittenWhateverTheirCharacters(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Post post = data.post();
        List<String> awkward = List.of("O\"Neil, Jr.", "محمد", "Line\nbreak", "Back\\slash", "  spaced  ", "NULL");
        registry.addAll(
                post.id(),
                awkward.stream()
                        .map(n -> new NewPerson(n, "Family", Category.PRIVATE_US_CITIZEN, null, null, null))
                        .toList(),
                "a test");

        assertThat(jdbc.sql("select given_name from person where post_id = ? order by id")
                        .param(post.id())
                        .query(String.class)
                        .list())
                .containsExactlyElementsOf(awkward);
    }

    @Test
    void aNonMemberIsRefusedTheHeadcount() {
        Post post = data.post();
        String outsider = data.user(Role.TASK_FORCE, Classification.SECRET, data.post());

        assertThatThrownBy(() -> data.as(outsider, () -> registry.headcount(post.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPersonWithoutAFamilyNameIsRefusedByField() {
        assertThatThrownBy(() -> new NewPerson("Ann", " ", Category.US_DIRECT_HIRE, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("familyName");
        assertThatThrownBy(() -> new NewPerson("Ann", "Lee", Category.US_DIRECT_HIRE, "USA", null, null))
                .hasMessageStartingWith("nationality");
    }
}
