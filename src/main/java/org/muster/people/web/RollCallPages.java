package org.muster.people.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.muster.people.CheckInChannel;
import org.muster.people.CheckInStatus;
import org.muster.people.RollCallFigures;
import org.muster.people.RollCallMember;
import org.muster.people.RollCallProgress;
import org.muster.people.RollCalls;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the roll-call pages share: the model of one roll-call's page and the chart's data. */
@Component
class RollCallPages {
    private final RollCalls rollCalls;
    private final Posts posts;

    RollCallPages(RollCalls rollCalls, Posts posts) {
        this.rollCalls = rollCalls;
        this.posts = posts;
    }

    /** Puts the roll-call's post, its progress and the chart data in the model; returns the progress. */
    RollCallProgress progress(long rollCallId, Model model) {
        long postId = rollCalls.postOf(rollCallId);
        Post post = posts.get(postId);
        RollCallProgress progress = rollCalls.progress(postId, rollCallId);
        model.addAttribute("post", post);
        model.addAttribute("progress", progress);
        model.addAttribute("rollCall", progress.rollCall());
        model.addAttribute("chart", chart(progress));
        return progress;
    }

    /** Puts the roll-call and its post in the model, as the reader may see them. */
    void rollCall(long postId, long rollCallId, Model model) {
        model.addAttribute("post", posts.get(postId));
        model.addAttribute("rollCall", rollCalls.get(postId, rollCallId));
    }

    /** Puts what the rows' answer forms need in the model: a fresh check-in id each, the statuses, the reader's channel. */
    static void answerForms(List<RollCallMember> rows, Reader reader, Model model) {
        model.addAttribute("checkInIds", checkInIds(rows));
        model.addAttribute("statuses", CheckInStatus.values());
        model.addAttribute("answerChannel", answerChannel(reader));
    }

    /**
     * The channel through which this reader answers for someone on the page: an officer's, else
     * the gate's, else a warden's; null when they may not answer.
     */
    static CheckInChannel answerChannel(Reader reader) {
        if (reader.hasAny(Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER, Role.MANAGEMENT, Role.CONSULAR)) {
            return CheckInChannel.OFFICER;
        }
        if (reader.has(Role.GATE)) {
            return CheckInChannel.GATE;
        }
        return reader.has(Role.WARDEN) ? CheckInChannel.WARDEN : null;
    }

    /** A fresh check-in id for each row's answer form, so that a double submit records once. */
    static Map<Long, UUID> checkInIds(List<RollCallMember> members) {
        Map<Long, UUID> ids = new HashMap<>();
        members.forEach(m -> ids.put(m.personId(), UUID.randomUUID()));
        return ids;
    }

    static boolean isLead(Reader reader) {
        return answerChannel(reader) == CheckInChannel.OFFICER;
    }

    /**
     * JSON for the chart script: minutes elapsed, the target and the curve as [minute, all %, COM %].
     * A point is drawn no later than now: the last minute's bucket is still filling.
     */
    static String chart(RollCallProgress progress) {
        RollCallFigures f = progress.figures();
        StringJoiner points = new StringJoiner(",", "[", "]");
        for (RollCallFigures.Point p : f.curve()) {
            double minute = Math.min(p.minute(), Math.max(progress.elapsedMinutes(), 0));
            points.add("[" + number(minute) + "," + number(RollCallFigures.percent(p.accounted(), f.members())) + ","
                    + number(RollCallFigures.percent(p.chiefOfMissionAccounted(), f.chiefOfMission())) + "]");
        }
        return "{\"elapsed\":" + number(progress.elapsedMinutes())
                + ",\"targetPercent\":" + progress.rollCall().targetPercent()
                + ",\"targetMinutes\":" + progress.rollCall().targetMinutes()
                + ",\"chiefOfMission\":" + f.chiefOfMission()
                + ",\"points\":" + points + "}";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
