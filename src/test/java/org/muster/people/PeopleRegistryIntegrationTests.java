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
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@MusterIntegrationTest
class PeopleRegistryIntegrationTests {
    @Autowired
    PeopleRegistry registry;

    @Autowired
    UserAccounts accounts;

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

        Headcount count = as(member, () -> registry.headcount(post.id()));

        assertThat(count.total()).isEqualTo(4);
        assertThat(count.chiefOfMission()).isEqualTo(2);
        assertThat(count.households()).isEqualTo(1);
        assertThat(count.byCategory()).containsEntry(Category.SIV_APPLICANT, 1L);
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

        assertThatThrownBy(() -> as(outsider, () -> registry.headcount(post.id())))
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

    private <T> T as(String username, java.util.function.Supplier<T> work) {
        var user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
