package org.muster.people.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import org.muster.people.CheckIn;
import org.muster.people.CheckInBatchResult;
import org.muster.people.CheckInRecord;
import org.muster.people.CheckInResult;
import org.muster.people.CheckIns;
import org.muster.people.CheckInsRejectedException;
import org.muster.people.CheckInsRejectedException.Problem;
import org.muster.people.RollCallMember;
import org.muster.people.RollCallMembers;
import org.muster.security.Releasable;
import org.muster.shared.Marked;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-ins over the API: one at a time (201 when recorded, 200 with the stored check-in when its
 * id was sent before), in batches of up to 500, and a member's history.
 */
@RestController
@RequestMapping("/api/v1/posts/{code}/roll-calls/{rollCallId}")
class CheckInApiController extends RollCallApiSupport {
    private final CheckIns checkIns;
    private final RollCallMembers members;

    CheckInApiController(PostCodes posts, CheckIns checkIns, RollCallMembers members) {
        super(posts);
        this.checkIns = checkIns;
        this.members = members;
    }

    record CheckInBatchForm(List<CheckInForm> checkIns) {}

    /** A member's check-ins, oldest report first; {@code member} carries the current status. */
    record CheckInHistory(@JsonIgnore long postId, RollCallMember member, List<CheckInRecord> checkIns)
            implements Marked, Releasable {
        @Override
        public List<?> releasableContent() {
            return checkIns;
        }
    }

    @PostMapping("/check-ins")
    ResponseEntity<CheckInRecord> checkIn(
            @PathVariable String code, @PathVariable long rollCallId, @RequestBody CheckInForm form) {
        List<Problem> problems = new ArrayList<>();
        CheckIn checkIn = form.toCheckIn("", problems);
        if (checkIn == null) {
            throw new CheckInsRejectedException(problems);
        }
        var result = checkIns.checkIn(postId(code), rollCallId, checkIn);
        return ResponseEntity.status(status(result)).body(result.checkIn());
    }

    /** 201 for a check-in recorded now, 200 for one recorded before under the same id (also the direct route's). */
    static HttpStatus status(CheckInResult result) {
        return result.replayed() ? HttpStatus.OK : HttpStatus.CREATED;
    }

    @PostMapping("/check-ins/batch")
    CheckInBatchResult batch(
            @PathVariable String code, @PathVariable long rollCallId, @RequestBody CheckInBatchForm form) {
        if (form.checkIns() == null
                || form.checkIns().isEmpty()
                || form.checkIns().size() > CheckIns.BATCH_LIMIT) {
            throw new CheckInsRejectedException(
                    List.of(new Problem("checkIns", "send 1 to " + CheckIns.BATCH_LIMIT + " check-ins")));
        }
        List<Problem> problems = new ArrayList<>();
        List<CheckIn> batch = new ArrayList<>(form.checkIns().size());
        for (int i = 0; i < form.checkIns().size(); i++) {
            CheckInForm item = form.checkIns().get(i);
            String prefix = "checkIns[" + i + "].";
            if (item == null) {
                problems.add(new Problem("checkIns[" + i + "]", "is empty"));
            } else {
                batch.add(item.toCheckIn(prefix, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new CheckInsRejectedException(problems);
        }
        return checkIns.checkInAll(postId(code), rollCallId, batch);
    }

    @GetMapping("/members/{personId}/history")
    CheckInHistory history(@PathVariable String code, @PathVariable long rollCallId, @PathVariable long personId) {
        long postId = postId(code);
        RollCallMember member = members.member(postId, rollCallId, personId);
        return new CheckInHistory(postId, member, checkIns.history(postId, rollCallId, personId));
    }
}
