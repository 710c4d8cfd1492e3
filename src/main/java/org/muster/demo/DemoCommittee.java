package org.muster.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Supplier;
import org.muster.committee.AgendaItem;
import org.muster.committee.Committee;
import org.muster.committee.CommitteeMembers;
import org.muster.committee.MeetingMinutes;
import org.muster.committee.Presence;
import org.muster.committee.Recommendations;
import org.muster.committee.RecommendedPosture;
import org.muster.committee.Vote;
import org.muster.posts.Post;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.springframework.stereotype.Component;

/**
 * Gives the demo embassy its Emergency Action Committee and this morning's meeting, in session:
 * attendance, minutes with portions from (U) to (S), a secret worst-case assessment and a draft
 * recommendation with three votes for and one against with a dissent. Each step is done as the demo
 * account who would do it, so the audit log reads as it would in life. The texts are fictional.
 */
@Component
class DemoCommittee {
    private final CommitteeMembers members;
    private final Committee committee;
    private final MeetingMinutes minutes;
    private final Recommendations recommendations;
    private final UserAccounts accounts;
    private final Clock clock;

    DemoCommittee(
            CommitteeMembers members,
            Committee committee,
            MeetingMinutes minutes,
            Recommendations recommendations,
            UserAccounts accounts,
            Clock clock) {
        this.members = members;
        this.committee = committee;
        this.minutes = minutes;
        this.recommendations = recommendations;
        this.accounts = accounts;
        this.clock = clock;
    }

    void apply(Post post) {
        long postId = post.id();
        as("com.kbl", () -> {
            members.appoint(postId, "eac.kbl", "Deputy chief of mission", true);
            members.appoint(postId, "rso.kbl", "Regional security officer", false);
            members.appoint(postId, "consular.kbl", "Consular chief", false);
            members.appoint(postId, "management.kbl", "Management officer", false);
            return members.appoint(postId, "eac2.kbl", "Agency head (USAID)", false);
        });
        LocalDate today = LocalDate.now(clock.withZone(post.timeZone()));
        var at = today.atTime(LocalTime.of(9, 0)).atZone(post.timeZone()).toInstant();
        long id = as("eac.kbl", () -> committee.schedule(postId, "Daily EAC meeting", at))
                .id();
        as("eac.kbl", () -> {
            committee.addAgendaItem(postId, id, AgendaItem.other("Accountability: this morning's roll-call", null));
            committee.addAgendaItem(
                    postId, id, AgendaItem.other("Drawdown of eligible family members", at.plusSeconds(8 * 3600)));
            committee.open(postId, id);
            for (String member : new String[] {"eac.kbl", "rso.kbl", "consular.kbl", "management.kbl"}) {
                minutes.recordAttendance(postId, id, member, Presence.PRESENT);
            }
            minutes.recordAttendance(postId, id, "eac2.kbl", Presence.BY_PHONE);
            return minutes.addPortion(
                    postId,
                    id,
                    Classification.UNCLASSIFIED,
                    "The deputy chief of mission opened the meeting at 09:00. Present: all members; the agency head by phone.");
        });
        as(
                "management.kbl",
                () -> minutes.addPortion(
                        postId,
                        id,
                        Classification.SBU,
                        "Commercial seats out of Kabul are sold out for ten days; the charter broker quotes 72 hours' notice."));
        as("rso.kbl", () -> {
            minutes.addPortion(
                    postId,
                    id,
                    Classification.CONFIDENTIAL,
                    "Provincial reporting (see handle RSO-DEMO-0713) shows the northern road closed south of the pass.");
            minutes.addPortion(
                    postId,
                    id,
                    Classification.SECRET,
                    "Threat reporting (see handle RSO-DEMO-0714) describes planning against the airport approach road.");
            return minutes.assess(
                    postId,
                    id,
                    Classification.SECRET,
                    "The airport closes to commercial traffic within a week while 4,000 people remain under chief of"
                            + " mission authority; road movement to the airport becomes impossible (handle RSO-DEMO-0715).");
        });
        as(
                "consular.kbl",
                () -> minutes.addPortion(
                        postId,
                        id,
                        Classification.UNCLASSIFIED,
                        "Consular section: about 1,200 private U.S. citizens registered; the warden message goes out today."));
        long recommendation = as(
                        "eac.kbl",
                        () -> recommendations.propose(
                                postId,
                                id,
                                "Request ordered departure of eligible family members and non-emergency staff.",
                                RecommendedPosture.ORDERED_DEPARTURE))
                .id();
        for (String member : new String[] {"eac.kbl", "rso.kbl", "management.kbl"}) {
            as(member, () -> recommendations.vote(postId, recommendation, Vote.FOR, null));
        }
        as(
                "consular.kbl",
                () -> recommendations.vote(
                        postId,
                        recommendation,
                        Vote.AGAINST,
                        "Ordered departure now halves the consular section while citizens' requests are rising."));
    }

    /** Runs {@code work} signed in as the demo account, then restores whatever was signed in before. */
    private <T> T as(String username, Supplier<T> work) {
        return DemoSignIn.as(accounts, username, work);
    }
}
