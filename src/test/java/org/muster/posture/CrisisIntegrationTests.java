package org.muster.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Opening and editing a crisis: exactly one accountable official, a configured approver, one open crisis. */
@PostureIntegrationTest
class CrisisIntegrationTests {
    @Autowired
    PostureFixture fixture;

    @Autowired
    TestData data;

    @Autowired
    Crises crises;

    @Autowired
    Postures postures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCrisisWithoutAnAccountableOfficialIsRefusedAndNothingIsWritten() {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        String approver = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, post);

        assertThatThrownBy(() -> fixture.as(com, () -> crises.open(post.id(), "Unrest", null, approver)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("accountableOfficial:");
        assertThatThrownBy(() -> fixture.as(com, () -> crises.open(post.id(), "Unrest", "  ", approver)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("accountableOfficial:");
        assertThatThrownBy(() -> jdbc.sql("insert into crisis (post_id, name, opened_at, opened_by, approver_id)"
                                + " select ?, 'x', now(), 'x', id from app_user where username = ?")
                        .params(post.id(), approver)
                        .update())
                .as("the schema itself holds exactly one accountable official")
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(fixture.count("select count(*) from crisis where post_id = ?", post.id()))
                .isZero();
        assertThat(fixture.as(com, () -> crises.current(post.id()))).isEmpty();
    }

    @Test
    void theApproverMustHoldTheApprovingAuthorityRoleAndOfficialsMustBeMembers() {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        String committee = data.user(Role.COMMITTEE_MEMBER, Classification.SECRET, post);
        String approverElsewhere = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, data.post());

        assertThatThrownBy(() -> fixture.as(com, () -> crises.open(post.id(), "Unrest", com, committee)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("approver:")
                .hasMessageContaining("Approving authority");
        assertThatThrownBy(() -> fixture.as(com, () -> crises.open(post.id(), "Unrest", com, approverElsewhere)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a member");
        assertThatThrownBy(() -> fixture.as(com, () -> crises.open(post.id(), "Unrest", "nobody-here", com)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("accountableOfficial:");
        assertThat(fixture.count("select count(*) from crisis where post_id = ?", post.id()))
                .isZero();
    }

    @Test
    void onlyTheChiefOfMissionOrAnAdministratorOpensOneCrisisAtATime() {
        var s = fixture.scene();
        String admin = data.user(Role.ADMINISTRATOR, Classification.SECRET, s.post());

        assertThatThrownBy(() ->
                        fixture.as(s.committee(), () -> crises.open(s.post().id(), "Another", s.com(), s.approver())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as(admin, () -> crises.open(s.post().id(), "Another", s.com(), s.approver())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already open");
        assertThat(fixture.count(
                        "select count(*) from crisis where post_id = ?",
                        s.post().id()))
                .isEqualTo(1);
        assertThat(s.crisis().accountableOfficial().username()).isEqualTo(s.com());
        assertThat(s.crisis().approver().username()).isEqualTo(s.approver());
        assertThat(fixture.count(
                        "select count(*) from audit_entry where post_id = ? and action = 'crisis.opened'",
                        s.post().id()))
                .isEqualTo(1);

        Crisis closed = fixture.as(admin, () -> crises.close(s.post().id()));
        Crisis reopened = fixture.as(admin, () -> crises.open(s.post().id(), "Second wave", s.com(), s.approver()));
        assertThat(closed.open()).isFalse();
        assertThat(reopened.id()).isNotEqualTo(closed.id());
    }

    @Test
    void changingTheAccountableOfficialIsAuditedAndKeepsExactlyOne() {
        var s = fixture.scene();
        String deputy = data.user(Role.COMMITTEE_MEMBER, Classification.SECRET, s.post());

        Crisis updated = fixture.as(
                s.com(),
                () -> crises.update(
                        s.post().id(),
                        new CrisisUpdate(
                                "Security deteriorating", deputy, s.approver(), 40, 500, LocalDate.of(2031, 8, 15))));

        assertThat(updated.accountableOfficial().username()).isEqualTo(deputy);
        assertThat(updated.corePresenceTarget()).isEqualTo(40);
        assertThat(updated.dailyCapacity()).isEqualTo(500);
        assertThat(jdbc.sql("select summary from audit_entry where post_id = ? and action ="
                                + " 'crisis.accountable-official-changed'")
                        .param(s.post().id())
                        .query(String.class)
                        .single())
                .contains("from Test " + s.com())
                .contains("to Test " + deputy);
        assertThat(fixture.count(
                        "select count(*) from audit_entry where post_id = ? and action = 'crisis.updated'",
                        s.post().id()))
                .isEqualTo(1);
        assertThatThrownBy(() -> fixture.as(
                        s.com(),
                        () -> crises.update(
                                s.post().id(),
                                new CrisisUpdate("Security deteriorating", "", s.approver(), 40, 500, null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("accountableOfficial:");
        assertThatThrownBy(() -> new CrisisUpdate("X", deputy, s.approver(), 40, 0, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("dailyCapacity:");
        assertThatThrownBy(() -> fixture.as(
                        s.committee(),
                        () -> crises.update(
                                s.post().id(), new CrisisUpdate("Mine now", s.committee(), s.approver(), 1, 1, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.as(s.com(), () -> crises.current(s.post().id()))
                        .orElseThrow()
                        .accountableOfficial()
                        .username())
                .isEqualTo(deputy);
    }

    @Test
    void aCrisisIsNotClosedWhileADepartureIsInForce() {
        var s = fixture.scene();
        long id = fixture.as(
                        s.com(), () -> postures.request(s.post().id(), Posture.AUTHORIZED_DEPARTURE, null, "Unrest"))
                .id();

        assertThatThrownBy(() -> fixture.as(s.com(), () -> crises.close(s.post().id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pending");
        fixture.as(s.approver(), () -> postures.approve(id, "Agreed"));
        assertThatThrownBy(() -> fixture.as(s.com(), () -> crises.close(s.post().id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in force");
        assertThat(fixture.as(s.com(), () -> crises.current(s.post().id()))).isPresent();
    }
}
