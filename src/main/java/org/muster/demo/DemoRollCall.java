package org.muster.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.muster.people.CheckIn;
import org.muster.people.CheckInChannel;
import org.muster.people.CheckInStatus;
import org.muster.people.CheckIns;
import org.muster.people.RollCall;
import org.muster.people.RollCalls;
import org.muster.posts.Post;
import org.muster.security.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo embassy's roll-call after the airport-road clashes, started {@value #MINUTES_AGO} minutes
 * before the load by the security officer, with its first answers, earlier ones more often than later:
 * about three in four chief-of-mission personnel through the gate, about one in four of everyone else
 * phoned by the consular section; one in twenty of them needs help, one in twenty is not at post. The
 * rest are still unknown, so the live page shows a curve below its target line and a list of people to
 * reach. Deterministic by person id; check-in ids derive from the roll-call and the person. Started
 * once the server is ready ({@link DemoUnderWay}).
 */
@Component
class DemoRollCall {
    static final String TITLE = "Compound accountability after the airport-road clashes";
    static final int MINUTES_AGO = 25;

    private final RollCalls rollCalls;
    private final CheckIns checkIns;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoRollCall(RollCalls rollCalls, CheckIns checkIns, UserAccounts accounts, JdbcClient jdbc, Clock clock) {
        this.rollCalls = rollCalls;
        this.checkIns = checkIns;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean isThere(Post post) {
        return jdbc.sql("select exists (select 1 from roll_call where post_id = ? and title = ?)")
                .params(post.id(), TITLE)
                .query(Boolean.class)
                .single();
    }

    private record Member(long personId, boolean chiefOfMission) {}

    void apply(Post post) {
        RollCall rollCall =
                DemoSignIn.as(accounts, "rso.kbl", () -> rollCalls.start(post.id(), TITLE, null, null, null));
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime started = now.minusMinutes(MINUTES_AGO);
        // the demo's one liberty: the roll-call began before the load did
        jdbc.sql("update roll_call set started_at = ? where id = ?")
                .params(started, rollCall.id())
                .update();
        List<Member> members = jdbc.sql("""
                        select p.id, p.chief_of_mission from roll_call_member m join person p on p.id = m.person_id
                        where m.roll_call_id = ? order by p.id
                        """)
                .param(rollCall.id())
                .query((rs, n) -> new Member(rs.getLong(1), rs.getBoolean(2)))
                .list();
        List<CheckIn> atTheGate = new ArrayList<>();
        List<CheckIn> byPhone = new ArrayList<>();
        for (Member m : members) {
            long slot = Math.floorMod(m.personId() * 7919L, 100);
            boolean answered = m.chiefOfMission() ? slot < 75 : slot < 25;
            if (!answered) {
                continue;
            }
            double share = slot / (m.chiefOfMission() ? 75.0 : 25.0);
            // earlier answers are more common: the share s of answers comes in after s squared of the time
            long seconds = 30 + Math.round((MINUTES_AGO - 1) * 60 * share * share);
            CheckInStatus status = switch ((int) Math.floorMod(m.personId(), 20)) {
                case 0 -> CheckInStatus.NEEDS_HELP;
                case 1 -> CheckInStatus.NOT_AT_POST;
                default -> CheckInStatus.SAFE;
            };
            CheckInChannel channel = m.chiefOfMission() ? CheckInChannel.GATE : CheckInChannel.OFFICER;
            CheckIn checkIn = new CheckIn(
                    UUID.nameUUIDFromBytes(("demo roll-call " + rollCall.id() + " person " + m.personId()).getBytes()),
                    m.personId(),
                    status,
                    channel,
                    started.plus(Duration.ofSeconds(seconds)),
                    null);
            (m.chiefOfMission() ? atTheGate : byPhone).add(checkIn);
        }
        record(post, rollCall, "gate.kbl", atTheGate);
        record(post, rollCall, "consular.kbl", byPhone);
    }

    private void record(Post post, RollCall rollCall, String username, List<CheckIn> all) {
        for (int from = 0; from < all.size(); from += CheckIns.BATCH_LIMIT) {
            List<CheckIn> batch = all.subList(from, Math.min(all.size(), from + CheckIns.BATCH_LIMIT));
            DemoSignIn.as(accounts, username, () -> checkIns.checkInAll(post.id(), rollCall.id(), batch));
        }
    }
}
