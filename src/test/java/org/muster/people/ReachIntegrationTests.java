package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Reaching people: the latest-verified address per channel, each selection, and who may read them. */
@MusterIntegrationTest
class ReachIntegrationTests {
    @Autowired
    TestData data;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    Reach reach;

    @Autowired
    RollCalls rollCalls;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachPersonComesWithTheLatestVerifiedAddressOfEachKindAndTheirLanguage() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                List.of(
                        new NewPerson("Ann", "Adams", Category.US_DIRECT_HIRE, "US", null, "A", "Chancery"),
                        new NewPerson("Bob", "Baker", Category.PRIVATE_US_CITIZEN, "US", null, null, "Annex")),
                "a test");
        long adams = id(post, "Adams");
        contact(adams, "EMAIL", "never@example.org", null);
        contact(adams, "EMAIL", "new@example.org", LocalDate.of(2021, 8, 1));
        contact(adams, "EMAIL", "old@example.org", LocalDate.of(2021, 2, 1));
        contact(adams, "PHONE", "+93 1", null);
        jdbc.sql("update person set language = 'ps-AF' where id = ?")
                .param(adams)
                .update();
        String viewer = data.user(Role.VIEWER, Classification.UNCLASSIFIED, post);

        List<Reachable> everyone = data.as(viewer, () -> reach.everyone(post.id()));
        List<Reachable> annex = data.as(viewer, () -> reach.inLocations(post.id(), Set.of("Annex")));
        List<Reachable> staff = data.as(viewer, () -> reach.inCategories(post.id(), Set.of(Category.US_DIRECT_HIRE)));
        var households = data.as(viewer, () -> reach.households(post.id()));

        assertThat(everyone).extracting(Reachable::familyName).containsExactly("Adams", "Baker");
        Reachable ann = everyone.get(0);
        assertThat(ann.email()).as("verified most recently").isEqualTo("new@example.org");
        assertThat(ann.phone()).as("never verified, but the only phone").isEqualTo("+93 1");
        assertThat(ann.language()).isEqualTo("ps-AF");
        assertThat(ann.isPublic()).isFalse();
        assertThat(everyone.get(1).email()).isNull();
        assertThat(everyone.get(1).isPublic()).isTrue();
        assertThat(annex).extracting(Reachable::familyName).containsExactly("Baker");
        assertThat(staff).extracting(Reachable::familyName).containsExactly("Adams");
        assertThat(households)
                .extracting(HouseholdChoice::name, HouseholdChoice::people)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 1));
        assertThat(data.as(
                        viewer,
                        () -> reach.inHouseholds(
                                post.id(), Set.of(households.get(0).id()))))
                .extracting(Reachable::familyName)
                .containsExactly("Adams");
    }

    @Test
    void aRollCallOfAnotherPostAndANonMemberAreRefused() {
        Post post = data.post();
        Post other = data.post();
        registry.addAll(
                other.id(), List.of(new NewPerson("C", "Cole", Category.TDY_VISITOR, "US", null, null)), "a test");
        String otherLead = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, other);
        RollCall rc = data.as(otherLead, () -> rollCalls.start(other.id(), "Drill", null, null, null));
        String member = data.user(Role.CONSULAR, Classification.UNCLASSIFIED, post);

        assertThat(data.as(otherLead, () -> reach.unaccounted(other.id(), rc.id())))
                .extracting(Reachable::familyName)
                .containsExactly("Cole");
        assertThatThrownBy(() -> data.as(member, () -> reach.unaccounted(post.id(), rc.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> data.as(member, () -> reach.everyone(other.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private long id(Post post, String familyName) {
        return jdbc.sql("select id from person where post_id = ? and family_name = ?")
                .params(post.id(), familyName)
                .query(Long.class)
                .single();
    }

    private void contact(long person, String kind, String value, LocalDate verified) {
        jdbc.sql("insert into contact_point (person_id, kind, value, last_verified) values (?, ?, ?, ?)")
                .params(person, kind, value, verified)
                .update();
    }
}
