package org.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.people.CheckIn;
import org.muster.people.CheckInChannel;
import org.muster.people.CheckInStatus;
import org.muster.people.CheckIns;
import org.muster.people.RollCall;
import org.muster.people.RollCalls;
import org.muster.people.WardenAssignments;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each kind of audience resolves to its people, and each person to one delivery per reachable channel. */
@MusterIntegrationTest
class AudienceIntegrationTests {
    private static final Set<Channel> ALL = Set.of(Channel.EMAIL, Channel.SMS, Channel.IN_APP);

    @Autowired
    TestData data;

    @Autowired
    MessageFixture fixture;

    @Autowired
    Messages messages;

    @Autowired
    RollCalls rollCalls;

    @Autowired
    CheckIns checkIns;

    @Autowired
    WardenAssignments wardens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyoneAtThePostIsCountedByChannelAndCategoryWithTheUnreachableNamed() {
        var r = fixture.register();
        String consular = fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post());

        Preview p = data.as(
                consular, () -> messages.preview(r.post().id(), MessageFixture.draft(Audience.wholePost(), ALL)));

        assertThat(p.problems()).isEmpty();
        assertThat(p.audienceLabel()).isEqualTo("everyone at the post");
        assertThat(p.toPublic()).isTrue();
        assertThat(p.people()).isEqualTo(4);
        assertThat(p.byCategory())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Category.US_DIRECT_HIRE, 1,
                        Category.PRIVATE_US_CITIZEN, 1,
                        Category.LOCALLY_EMPLOYED_STAFF, 1,
                        Category.SIV_APPLICANT, 1));
        assertThat(p.deliveries())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Channel.EMAIL, 2, Channel.SMS, 2, Channel.IN_APP, 4));
        assertThat(p.unreachable().get(Channel.EMAIL).count()).isEqualTo(2);
        assertThat(p.unreachable().get(Channel.EMAIL).names()).containsExactly("Baker, Bob", "Cyrus, Cyrus");
        assertThat(p.unreachable().get(Channel.SMS).names()).containsExactly("Cyrus, Cyrus", "Dost, Dawood");
        assertThat(p.readers())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Language.ENGLISH, 2, Language.DARI, 1, Language.PASHTO, 1));
    }

    @Test
    void sendingQueuesOneDeliveryPerReachableChannelToTheLatestVerifiedAddressInThePersonsLanguage() {
        var r = fixture.register();
        String com = fixture.user(Role.CHIEF_OF_MISSION, Classification.UNCLASSIFIED, r.post());
        Draft draft = new Draft(
                null,
                Map.of(
                        Language.ENGLISH, new MessageText("Stay home", "Stay at home today. {link}"),
                        Language.DARI, new MessageText("در خانه بمانید", "امروز در خانه بمانید. {link}")),
                Classification.UNCLASSIFIED,
                ALL,
                Audience.wholePost(),
                false,
                null);

        long id = data.as(com, () -> messages.send(r.post().id(), draft));

        var rows = jdbc.sql("select person_id, channel, address, language, status from delivery where message_id = ?"
                        + " order by person_id, channel")
                .param(id)
                .query((rs, n) ->
                        tuple(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        tuple(r.adams(), "EMAIL", "ann@example.org", "en-US", "QUEUED"),
                        tuple(r.adams(), "SMS", "+93 700 000 001", "en-US", "QUEUED"),
                        tuple(r.adams(), "IN_APP", null, "en-US", "QUEUED"),
                        tuple(r.baker(), "SMS", "+93 700 000 002", "fa-AF", "QUEUED"),
                        tuple(r.baker(), "IN_APP", null, "fa-AF", "QUEUED"),
                        tuple(r.cyrus(), "IN_APP", null, "en-US", "QUEUED"),
                        tuple(r.dost(), "EMAIL", "dost@example.org", "en-US", "QUEUED"),
                        tuple(r.dost(), "IN_APP", null, "en-US", "QUEUED"));
        assertThat(jdbc.sql("select recipients, to_public, audience_label, created_by from message where id = ?")
                        .param(id)
                        .query((rs, n) -> tuple(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
                        .single())
                .isEqualTo(tuple(8, true, "everyone at the post", com));
        assertThat(jdbc.sql(
                                "select people, citizens, unreachable_email, unreachable_sms from message_reach where message_id = ?")
                        .param(id)
                        .query((rs, n) -> tuple(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                        .single())
                .as("four people reached, two of them outside chief-of-mission authority")
                .isEqualTo(tuple(4, 2, 2, 2));
        assertThat(jdbc.sql("select summary from audit_entry where post_id = ? and action = 'message.sent'")
                        .param(r.post().id())
                        .query(String.class)
                        .single())
                .isEqualTo("Message #" + id + " 'Stay home' to everyone at the post: 2 recipients by e-mail, 2 by SMS,"
                        + " 4 in-app; reaches private citizens");
    }

    @Test
    void categoriesHouseholdsAndLocationsSelectTheirPeople() {
        var r = fixture.register();
        String consular = fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post());
        long post = r.post().id();

        Preview staff = data.as(
                consular,
                () -> messages.preview(
                        post,
                        MessageFixture.draft(
                                Audience.categories(Set.of(Category.US_DIRECT_HIRE, Category.LOCALLY_EMPLOYED_STAFF)),
                                Set.of(Channel.IN_APP))));
        Preview household = data.as(
                consular,
                () -> messages.preview(
                        post,
                        MessageFixture.draft(Audience.households(Set.of(r.household())), Set.of(Channel.IN_APP))));
        Preview karteSe = data.as(
                consular,
                () -> messages.preview(
                        post, MessageFixture.draft(Audience.locations(Set.of("Karte Se")), Set.of(Channel.IN_APP))));
        Preview otherHousehold = data.as(
                consular,
                () -> messages.preview(
                        post, MessageFixture.draft(Audience.households(Set.of(-1L)), Set.of(Channel.IN_APP))));

        assertThat(staff.byCategory().keySet())
                .containsExactlyInAnyOrder(Category.US_DIRECT_HIRE, Category.LOCALLY_EMPLOYED_STAFF);
        assertThat(staff.toPublic()).as("official staff only").isFalse();
        assertThat(staff.audienceLabel()).isEqualTo("categories Locally employed staff, U.S. direct-hire employee");
        assertThat(household.people()).isEqualTo(2);
        assertThat(household.byCategory().keySet())
                .containsExactlyInAnyOrder(Category.US_DIRECT_HIRE, Category.PRIVATE_US_CITIZEN);
        assertThat(household.toPublic()).isTrue();
        assertThat(household.audienceLabel()).isEqualTo("households Adams (#" + r.household() + ")");
        assertThat(karteSe.byCategory().keySet())
                .containsExactlyInAnyOrder(Category.PRIVATE_US_CITIZEN, Category.LOCALLY_EMPLOYED_STAFF);
        assertThat(karteSe.audienceLabel()).isEqualTo("locations Karte Se");
        assertThat(otherHousehold.problems()).extracting(Preview.Problem::field).containsExactly("audience.households");
    }

    @Test
    void theUnaccountedOfARollCallOpenOrClosedAndAWardensListSelectTheirPeople() {
        var r = fixture.register();
        long post = r.post().id();
        String rso = fixture.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, r.post());
        String warden = fixture.user(Role.WARDEN, Classification.UNCLASSIFIED, r.post());
        String consular = fixture.user(Role.CONSULAR, Classification.UNCLASSIFIED, r.post());
        RollCall rc = data.as(rso, () -> rollCalls.start(post, "Evening muster", null, null, null));
        data.as(
                rso,
                () -> checkIns.checkIn(
                        post,
                        rc.id(),
                        new CheckIn(
                                UUID.randomUUID(), r.adams(), CheckInStatus.SAFE, CheckInChannel.OFFICER, null, null)));
        data.as(rso, () -> wardens.assign(post, fixture.userId(warden), List.of("Taimani", "Chancery")));

        Draft toUnaccounted = MessageFixture.draft(Audience.unaccounted(rc.id()), Set.of(Channel.IN_APP));
        Preview open = data.as(rso, () -> messages.preview(post, toUnaccounted));
        data.as(rso, () -> rollCalls.close(post, rc.id()));
        Preview closed = data.as(rso, () -> messages.preview(post, toUnaccounted));
        Preview wardenList = data.as(
                consular,
                () -> messages.preview(
                        post,
                        MessageFixture.draft(Audience.wardenList(fixture.userId(warden)), Set.of(Channel.IN_APP))));

        assertThat(open.people()).isEqualTo(3);
        assertThat(open.byCategory()).doesNotContainKey(Category.US_DIRECT_HIRE);
        assertThat(open.audienceLabel()).isEqualTo("the unaccounted of roll-call #" + rc.id() + " 'Evening muster'");
        assertThat(closed.people()).isEqualTo(3);
        assertThat(wardenList.byCategory().keySet())
                .containsExactlyInAnyOrder(Category.US_DIRECT_HIRE, Category.SIV_APPLICANT);
        assertThat(wardenList.audienceLabel()).isEqualTo("the warden list of " + warden + " (Chancery, Taimani)");
    }
}
