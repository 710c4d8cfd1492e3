package org.muster.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.muster.people.PeopleRegistry;
import org.muster.posts.NewPost;
import org.muster.posts.Post;
import org.muster.posts.PostKind;
import org.muster.posts.Posts;
import org.muster.security.NewUser;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the fictional demo installation: Embassy KBL (Kabul, July 2021) and Consulate MZR, with the
 * accounts of {@link DemoAccounts}. Kabul's roll-call under way and its messages follow once the server
 * is ready ({@link DemoUnderWay}). Deterministic and idempotent: loading twice changes nothing.
 */
@Service
public class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final long SEED = 20210715L;

    private final Posts posts;
    private final UserAccounts accounts;
    private final PeopleRegistry people;
    private final DemoWhereabouts whereabouts;
    private final DemoDecisionPoints decisionPoints;
    private final DemoPosture posture;
    private final DemoCommittee committee;
    private final DemoUnderWay underWay;

    DemoData(
            Posts posts,
            UserAccounts accounts,
            PeopleRegistry people,
            DemoWhereabouts whereabouts,
            DemoDecisionPoints decisionPoints,
            DemoPosture posture,
            DemoCommittee committee,
            DemoUnderWay underWay) {
        this.decisionPoints = decisionPoints;
        this.posts = posts;
        this.accounts = accounts;
        this.people = people;
        this.whereabouts = whereabouts;
        this.posture = posture;
        this.committee = committee;
        this.underWay = underWay;
    }

    /**
     * Starts what is under way at Kabul, its roll-call and messages, unless it already is, and says whether
     * it did: for the command line; a server with {@code muster.demo=true} does it by itself a moment
     * after start-up.
     */
    public boolean startUnderWay() {
        return underWay.applyUnlessThere();
    }

    /** Loads the demo unless it is already there; returns whether anything was loaded. */
    @Transactional
    public boolean load() {
        if (posts.findByCode("KBL").isPresent()) {
            return false;
        }
        long started = System.nanoTime();
        Post kbl = posts.create(
                new NewPost("KBL", "U.S. Embassy Kabul (demo)", PostKind.EMBASSY, "Afghanistan", "Asia/Kabul"));
        Post mzr = posts.create(new NewPost(
                "MZR", "U.S. Consulate Mazar-i-Sharif (demo)", PostKind.CONSULATE, "Afghanistan", "Asia/Kabul"));
        DemoNames names = new DemoNames(SEED);
        List<NewUser> users = new ArrayList<>();
        for (DemoAccounts.Account a : DemoAccounts.ALL) {
            if (accounts.exists(a.username())) {
                continue;
            }
            Set<Long> postIds = new HashSet<>();
            if (a.posts().contains("KBL")) {
                postIds.add(kbl.id());
            }
            if (a.posts().contains("MZR")) {
                postIds.add(mzr.id());
            }
            String displayName = a.role() == Role.ADMINISTRATOR ? "Demo administrator" : names.american();
            users.add(new NewUser(
                    a.username(), displayName, DemoAccounts.PASSWORD, Set.of(a.role()), a.clearance(), postIds, false));
        }
        accounts.createAll(users);
        int kabul = people.addAll(
                kbl.id(),
                DemoPeople.generate(SEED, "KBL", DemoPeople.Shape.KABUL),
                "the demo generator (seed " + SEED + ")");
        int mazar = people.addAll(
                mzr.id(),
                DemoPeople.generate(SEED + 1, "MZR", DemoPeople.Shape.MAZAR),
                "the demo generator (seed " + (SEED + 1) + ")");
        whereabouts.apply(kbl.id(), true);
        whereabouts.apply(mzr.id(), false);
        decisionPoints.apply(kbl.id());
        posture.open(kbl);
        committee.apply(kbl);
        log.info(
                "Loaded the demo in {} ms: posts KBL ({} people) and MZR ({} people), {} accounts",
                (System.nanoTime() - started) / 1_000_000,
                kabul,
                mazar,
                DemoAccounts.ALL.size());
        return true;
    }
}
