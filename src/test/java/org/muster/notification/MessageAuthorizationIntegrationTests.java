package org.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.people.RollCall;
import org.muster.people.RollCalls;
import org.muster.people.WardenAssignments;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may message whom, and the marking rules: every refusal is a 403 (or a named field) and leaves
 * no message, delivery, reach, review task or audit entry behind.
 */
@MusterIntegrationTest
class MessageAuthorizationIntegrationTests {
    private static final Set<Channel> IN_APP = Set.of(Channel.IN_APP);

    @Autowired
    MessageFixture fixture;

    @Autowired
    TestData data;

    @Autowired
    Messages messages;

    @Autowired
    RollCalls rollCalls;

    @Autowired
    WardenAssignments wardens;

    @Test
    void theChiefOfMissionConsularManagementAndAdministratorsMessageAnyAudience() {
        var r = fixture.register();
        for (Role role : new Role[] {Role.CHIEF_OF_MISSION, Role.CONSULAR, Role.MANAGEMENT, Role.ADMINISTRATOR}) {
            String user = fixture.user(role, Classification.UNCLASSIFIED, r.post());
            long id = data.as(
                    user, () -> messages.send(r.post().id(), MessageFixture.draft(Audience.wholePost(), IN_APP)));
            assertThat(id).as(role.name()).isPositive();
        }
    }

    @Test
    void gateViewersCommitteeMembersTheTaskForceAndTheApprovingAuthorityMessageNobody() {
        var r = fixture.register();
        long before = fixture.written(r.post());
        for (Role role :
                new Role[] {Role.GATE, Role.VIEWER, Role.COMMITTEE_MEMBER, Role.TASK_FORCE, Role.APPROVING_AUTHORITY}) {
            String user = fixture.user(role, Classification.SECRET, r.post());
            for (Audience audience : List.of(
                    Audience.wholePost(),
                    Audience.categories(Set.of(Category.US_DIRECT_HIRE)),
                    Audience.wardenList(fixture.userId(user)))) {
                Draft draft = MessageFixture.draft(audience, IN_APP);
                assertThatThrownBy(
                                () -> data.as(user, () -> messages.send(r.post().id(), draft)))
                        .as(role + " sending to " + audience.kind())
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() ->
                                data.as(user, () -> messages.preview(r.post().id(), draft)))
                        .as(role + " previewing " + audience.kind())
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
        assertThat(fixture.written(r.post())).isEqualTo(before);
    }

    @Test
    void aMemberOfAnotherPostMessagesNobodyHere() {
        var r = fixture.register();
        String elsewhere = fixture.user(Role.CHIEF_OF_MISSION, Classification.SECRET, data.post());
        long before = fixture.written(r.post());

        assertThatThrownBy(() -> data.as(
                        elsewhere,
                        () -> messages.send(r.post().id(), MessageFixture.draft(Audience.wholePost(), IN_APP))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.written(r.post())).isEqualTo(before);
    }

    @Test
    void theSecurityOfficerMessagesOfficialStaffAndTheUnaccountedOfARollCallOnly() {
        var r = fixture.register();
        long post = r.post().id();
        String rso = fixture.user(Role.SECURITY_OFFICER, Classification.SECRET, r.post());
        RollCall rc = data.as(rso, () -> rollCalls.start(post, "Drill", null, null, null));
        Audience staff = Audience.categories(Set.of(Category.US_DIRECT_HIRE, Category.LOCALLY_EMPLOYED_STAFF));
        Audience chancery = Audience.locations(Set.of("Chancery"));

        long toStaff = data.as(rso, () -> messages.send(post, MessageFixture.draft(staff, IN_APP)));
        long toChancery = data.as(rso, () -> messages.send(post, MessageFixture.draft(chancery, IN_APP)));
        long toUnaccounted =
                data.as(rso, () -> messages.send(post, MessageFixture.draft(Audience.unaccounted(rc.id()), IN_APP)));
        long before = fixture.written(r.post());

        assertThat(List.of(toStaff, toChancery, toUnaccounted)).allMatch(id -> id > 0);
        for (Audience audience : List.of(
                Audience.wholePost(),
                Audience.categories(Set.of(Category.US_DIRECT_HIRE, Category.PRIVATE_US_CITIZEN)),
                Audience.locations(Set.of("Karte Se")),
                Audience.households(Set.of(r.household())))) {
            assertThatThrownBy(() -> data.as(rso, () -> messages.send(post, MessageFixture.draft(audience, IN_APP))))
                    .as(audience.kind().name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(fixture.written(r.post())).isEqualTo(before);
    }

    @Test
    void aWardenMessagesOnlyTheirOwnListAndOnlyUnclassified() {
        var r = fixture.register();
        long post = r.post().id();
        String warden = fixture.user(Role.WARDEN, Classification.SECRET, r.post());
        String otherWarden = fixture.user(Role.WARDEN, Classification.SECRET, r.post());
        String management = fixture.user(Role.MANAGEMENT, Classification.UNCLASSIFIED, r.post());
        data.as(management, () -> wardens.assign(post, fixture.userId(warden), List.of("Taimani")));
        data.as(management, () -> wardens.assign(post, fixture.userId(otherWarden), List.of("Karte Se")));
        Audience own = Audience.wardenList(fixture.userId(warden));

        long sent = data.as(warden, () -> messages.send(post, MessageFixture.draft(own, Set.of(Channel.EMAIL))));
        long before = fixture.written(r.post());
        Draft marked = new Draft(
                null,
                Map.of(Language.ENGLISH, new MessageText("Marked", "Marked text")),
                Classification.SBU,
                IN_APP,
                own,
                false,
                null);

        assertThat(sent).isPositive();
        assertThatThrownBy(() -> data.as(warden, () -> messages.send(post, marked)))
                .isInstanceOf(AccessDeniedException.class);
        for (Audience audience : List.of(
                Audience.wardenList(fixture.userId(otherWarden)),
                Audience.wholePost(),
                Audience.locations(Set.of("Taimani")))) {
            assertThatThrownBy(() -> data.as(warden, () -> messages.send(post, MessageFixture.draft(audience, IN_APP))))
                    .as(audience.kind().name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(fixture.written(r.post())).isEqualTo(before);
    }

    @Test
    void contentAboveUnclassifiedGoesInAppOnlyAndNoHigherThanTheSendersClearance() {
        var r = fixture.register();
        long post = r.post().id();
        String cleared = fixture.user(Role.CONSULAR, Classification.SBU, r.post());
        String uncleared = fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post());
        long before = fixture.written(r.post());

        for (Set<Channel> external : List.of(Set.of(Channel.EMAIL), Set.of(Channel.SMS, Channel.IN_APP))) {
            assertThatThrownBy(() -> data.as(cleared, () -> messages.send(post, sbu(external))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("channels: content marked SBU may go only to in-app notices");
        }
        assertThatThrownBy(() -> data.as(uncleared, () -> messages.send(post, sbu(IN_APP))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("classification: is above your clearance");
        Preview preview = data.as(cleared, () -> messages.preview(post, sbu(Set.of(Channel.EMAIL))));
        assertThat(fixture.written(r.post())).isEqualTo(before);
        long inApp = data.as(cleared, () -> messages.send(post, sbu(IN_APP)));

        assertThat(preview.problems()).extracting(Preview.Problem::field).containsExactly("channels");
        assertThat(inApp).isPositive();
    }

    private static Draft sbu(Set<Channel> channels) {
        return new Draft(
                null,
                Map.of(Language.ENGLISH, new MessageText("Sensitive", "Sensitive text")),
                Classification.SBU,
                channels,
                Audience.wholePost(),
                false,
                null);
    }
}
