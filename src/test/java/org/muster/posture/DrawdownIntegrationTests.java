package org.muster.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.Pagination;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.people.NewPerson;
import org.muster.people.PeopleGroups;
import org.muster.people.PeopleRegistry;
import org.muster.people.PersonSummary;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/** Who must leave under an ordered departure, recording departures, progress and the lead-time warning. */
@PostureIntegrationTest
class DrawdownIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    PostureFixture fixture;

    @Autowired
    Postures postures;

    @Autowired
    Crises crises;

    @Autowired
    Drawdown drawdown;

    @Autowired
    LeadTime leadTime;

    @Autowired
    MovableClock clock;

    @Autowired
    PeopleGroups groups;

    @Autowired
    PeopleRegistry registry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOrderedDepartureForFamilyMembersUnder18ListsTheChildrenStillAtPost() {
        var s = fixture.scene();
        LocalDate today = today(s);
        long child = fixture.person(s.post(), "Child", Category.ELIGIBLE_FAMILY_MEMBER, today.minusYears(9), false);
        long almost18 = fixture.person(
                s.post(),
                "Almost",
                Category.ELIGIBLE_FAMILY_MEMBER,
                today.minusYears(18).plusDays(1),
                false);
        fixture.person(s.post(), "Turned18", Category.ELIGIBLE_FAMILY_MEMBER, today.minusYears(18), false);
        fixture.person(s.post(), "Spouse", Category.ELIGIBLE_FAMILY_MEMBER, today.minusYears(40), false);
        fixture.person(s.post(), "Unknown", Category.ELIGIBLE_FAMILY_MEMBER, null, false);
        fixture.person(s.post(), "Staff", Category.US_DIRECT_HIRE, today.minusYears(45), false);
        fixture.person(s.post(), "Citizen", Category.PRIVATE_US_CITIZEN, today.minusYears(5), false);

        assertThat(fixture.as(s.management(), () -> drawdown.mustLeave(s.post().id())))
                .as("nobody must leave before an ordered departure")
                .isEmpty();
        order(s, new Subset(Set.of(Category.ELIGIBLE_FAMILY_MEMBER), 18));

        assertThat(fixture.as(s.management(), () -> drawdown.mustLeave(s.post().id())))
                .extracting(PersonSummary::id)
                .containsExactlyInAnyOrder(child, almost18);
        MustLeavePage page =
                fixture.as(s.committee(), () -> drawdown.mustLeave(s.post().id(), 0));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.posture().posture()).isEqualTo(Posture.ORDERED_DEPARTURE);
    }

    @Test
    void emergencyStaffStayAndDeparturesLeaveTheList() {
        var s = fixture.scene();
        long staff = fixture.person(s.post(), "Staff", Category.US_DIRECT_HIRE, null, false);
        long essential = fixture.person(s.post(), "Essential", Category.US_DIRECT_HIRE, null, true);
        long spouse = fixture.person(s.post(), "Spouse", Category.ELIGIBLE_FAMILY_MEMBER, null, false);
        long citizen = fixture.person(s.post(), "Citizen", Category.PRIVATE_US_CITIZEN, null, false);
        order(s, Subset.EVERYONE);

        assertThat(ids(s)).containsExactlyInAnyOrder(staff, spouse);
        assertThatThrownBy(() -> fixture.as(
                        s.committee(), () -> drawdown.recordDeparture(s.post().id(), spouse, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as(
                        s.management(),
                        () -> drawdown.recordDeparture(
                                s.post().id(), spouse, OffsetDateTime.now(clock).plusHours(2))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("departedAt:");

        Departure left = fixture.as(
                s.management(), () -> drawdown.recordDeparture(s.post().id(), spouse, null));

        assertThat(left.recordedBy()).isEqualTo(s.management());
        assertThat(ids(s)).containsExactly(staff);
        assertThatThrownBy(() -> fixture.as(
                        s.com(), () -> drawdown.recordDeparture(s.post().id(), spouse, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already recorded");
        fixture.as(s.com(), () -> drawdown.recordDeparture(s.post().id(), citizen, null));
        assertThat(fixture.as(s.com(), () -> drawdown.departedCount(s.post().id())))
                .isEqualTo(2);
        assertThat(fixture.count(
                        "select count(*) from audit_entry where post_id = ? and action = 'drawdown.departed'",
                        s.post().id()))
                .isEqualTo(2);
        assertThat(essential).isPositive();
    }

    @Test
    void progressCountsChiefOfMissionPersonnelRemainingEachDayAgainstTheTarget() {
        var s = fixture.scene();
        long a = fixture.person(s.post(), "A", Category.US_DIRECT_HIRE, null, false);
        long b = fixture.person(s.post(), "B", Category.LOCALLY_EMPLOYED_STAFF, null, false);
        fixture.person(s.post(), "C", Category.TDY_VISITOR, null, false);
        long citizen = fixture.person(s.post(), "Citizen", Category.PRIVATE_US_CITIZEN, null, false);
        fixture.as(
                s.com(),
                () -> crises.update(s.post().id(), new CrisisUpdate("Drawdown", s.com(), s.approver(), 1, 100, null)));
        fixture.as(s.management(), () -> drawdown.recordDeparture(s.post().id(), a, null));
        fixture.as(s.management(), () -> drawdown.recordDeparture(s.post().id(), citizen, null));

        clock.advance(Duration.ofDays(2));
        fixture.as(s.management(), () -> drawdown.recordDeparture(s.post().id(), b, null));
        DrawdownProgress progress =
                fixture.as(s.committee(), () -> drawdown.progress(s.post().id()));

        assertThat(progress.corePresenceTarget()).isEqualTo(1);
        assertThat(progress.points()).hasSize(3);
        assertThat(progress.points())
                .extracting(DrawdownProgress.Point::remaining)
                .as("three chief-of-mission people; the private citizen is not counted")
                .containsExactly(2L, 2L, 1L);
        assertThat(progress.points())
                .extracting(DrawdownProgress.Point::departed)
                .containsExactly(2L, 0L, 1L);
        assertThat(progress.points().get(2).date()).isEqualTo(today(s));
        assertThat(progress.aboveTarget()).isZero();
    }

    @Test
    void theChiefOfMissionSeriesCountsAsTheHeadcountDoesAtEachInstant() {
        var s = fixture.scene();
        fixture.person(s.post(), "A", Category.US_DIRECT_HIRE, null, false);
        OffsetDateTime afterOne = OffsetDateTime.now(clock);
        clock.advance(Duration.ofHours(1));
        fixture.person(s.post(), "B", Category.LOCALLY_EMPLOYED_STAFF, null, false);
        fixture.person(s.post(), "Citizen", Category.PRIVATE_US_CITIZEN, null, false);
        OffsetDateTime before = afterOne.minusDays(1);
        OffsetDateTime now = OffsetDateTime.now(clock);

        List<Long> series =
                fixture.as(s.committee(), () -> groups.chiefOfMissionAt(s.post().id(), List.of(before, afterOne, now)));

        assertThat(series).containsExactly(0L, 1L, 2L);
        assertThat(series)
                .containsExactly(fixture.as(
                        s.committee(),
                        () -> List.of(before, afterOne, now).stream()
                                .map(at -> registry.headcount(s.post().id(), at).chiefOfMission())
                                .toArray(Long[]::new)));
    }

    @Test
    void theLeadTimeWarnsWhenMovingEveryoneTakesLongerThanTheThreatLeaves() {
        var s = fixture.scene();
        for (int i = 0; i < 7; i++) {
            fixture.person(s.post(), "Staff" + i, Category.US_DIRECT_HIRE, null, i == 0);
        }
        fixture.person(s.post(), "Citizen", Category.PRIVATE_US_CITIZEN, null, false);
        LocalDate today = today(s);
        setCapacity(s, 2, today.plusDays(3));

        LeadTimeWarning normal =
                fixture.as(s.committee(), () -> leadTime.warning(s.post().id()));
        assertThat(normal.peopleToMove())
                .as("everyone at post under a normal posture")
                .isEqualTo(8);
        assertThat(normal.daysNeeded()).isEqualTo(4);
        assertThat(normal.daysUntilThreat()).isEqualTo(3);
        assertThat(normal.warning()).isTrue();

        order(s, Subset.EVERYONE);
        LeadTimeWarning ordered =
                fixture.as(s.committee(), () -> leadTime.warning(s.post().id()));
        assertThat(ordered.peopleToMove())
                .as("must leave: six staff (the emergency staff member stays, the private citizen is not ordered)")
                .isEqualTo(6);
        assertThat(ordered.daysNeeded()).isEqualTo(3);
        assertThat(ordered.warning()).as("three days needed, three days left").isFalse();

        setCapacity(s, 1, today.plusDays(10));
        assertThat(fixture.as(s.committee(), () -> leadTime.warning(s.post().id()))
                        .warning())
                .isFalse();
        setCapacity(s, 1, today.plusDays(5));
        LeadTimeWarning tight =
                fixture.as(s.committee(), () -> leadTime.warning(s.post().id()));
        assertThat(tight.daysNeeded()).isEqualTo(6);
        assertThat(tight.daysUntilThreat()).isEqualTo(5);
        assertThat(tight.warning()).isTrue();

        setCapacity(s, null, today.plusDays(5));
        LeadTimeWarning unknown =
                fixture.as(s.committee(), () -> leadTime.warning(s.post().id()));
        assertThat(unknown.complete()).isFalse();
        assertThat(unknown.warning()).isFalse();
    }

    @Test
    void thePosturePageListsWhoMustLeaveAPageAtATime() {
        var s = fixture.scene();
        registry.addAll(
                s.post().id(),
                IntStream.range(0, Drawdown.PAGE_SIZE + 1)
                        .mapToObj(i -> new NewPerson("Test", "Staff" + i, Category.US_DIRECT_HIRE, "US", null, null))
                        .toList(),
                "a test");
        order(s, Subset.EVERYONE);
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(s.com(), TestData.PASSWORD);

        Pagination first = Pagination.of(client.get("/posture").body());
        String second = client.get(first.next()).body();

        assertThat(first)
                .isEqualTo(new Pagination(
                        "Pages of people who must leave", null, null, "1 of 2", "/posture?page=1#must-leave", "Next"));
        assertThat(Pagination.of(second))
                .isEqualTo(new Pagination(
                        "Pages of people who must leave",
                        "/posture?page=0#must-leave",
                        "Previous",
                        "2 of 2",
                        null,
                        null));
        assertThat(second.split("<tr id=\"person-", -1))
                .as("one person on the second page")
                .hasSize(2);
    }

    private void setCapacity(PostureFixture.Scene s, Integer capacity, LocalDate threat) {
        fixture.as(
                s.com(),
                () -> crises.update(
                        s.post().id(), new CrisisUpdate("Drawdown", s.com(), s.approver(), 2, capacity, threat)));
    }

    private void order(PostureFixture.Scene s, Subset subset) {
        long id = fixture.as(
                        s.com(),
                        () -> postures.request(s.post().id(), Posture.ORDERED_DEPARTURE, subset, "Fighting nearer"))
                .id();
        fixture.as(s.approver(), () -> postures.approve(id, "Agreed"));
    }

    private List<Long> ids(PostureFixture.Scene s) {
        return fixture.as(s.committee(), () -> drawdown.mustLeave(s.post().id())).stream()
                .map(PersonSummary::id)
                .toList();
    }

    private LocalDate today(PostureFixture.Scene s) {
        return OffsetDateTime.now(clock).atZoneSameInstant(s.post().timeZone()).toLocalDate();
    }
}
