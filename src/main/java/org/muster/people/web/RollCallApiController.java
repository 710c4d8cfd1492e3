package org.muster.people.web;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.muster.people.Category;
import org.muster.people.CheckInStatus;
import org.muster.people.RollCall;
import org.muster.people.RollCallMemberFilter;
import org.muster.people.RollCallMemberPage;
import org.muster.people.RollCallMembers;
import org.muster.people.RollCallProgress;
import org.muster.people.RollCallScope;
import org.muster.people.RollCalls;
import org.muster.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Roll-calls over the API: start, list, progress, members, close. */
@RestController
@RequestMapping("/api/v1/posts/{code}/roll-calls")
class RollCallApiController extends RollCallApiSupport {
    private final RollCalls rollCalls;
    private final RollCallMembers members;

    RollCallApiController(PostCodes posts, RollCalls rollCalls, RollCallMembers members) {
        super(posts);
        this.rollCalls = rollCalls;
        this.members = members;
    }

    /** Empty or missing lists do not narrow the scope. */
    record ScopeForm(List<String> categories, List<String> locations, List<Long> households) {}

    record RollCallForm(String title, ScopeForm scope, Integer targetPercent, Integer targetMinutes) {
        RollCallScope toScope() {
            if (scope == null) {
                return RollCallScope.WHOLE_POST;
            }
            Set<Category> categories = new HashSet<>();
            List<String> names = scope.categories() == null ? List.of() : scope.categories();
            for (int i = 0; i < names.size(); i++) {
                categories.add(category("scope.categories[" + i + "]", names.get(i)));
            }
            return new RollCallScope(
                    categories,
                    scope.locations() == null ? Set.of() : new HashSet<>(scope.locations()),
                    scope.households() == null ? Set.of() : new HashSet<>(scope.households()));
        }
    }

    @PostMapping
    ResponseEntity<RollCall> start(@PathVariable String code, @RequestBody RollCallForm form) {
        RollCall started =
                rollCalls.start(postId(code), form.title(), form.toScope(), form.targetPercent(), form.targetMinutes());
        return ResponseEntity.created(URI.create("/api/v1/posts/" + code + "/roll-calls/" + started.id()))
                .body(started);
    }

    @GetMapping
    List<RollCall> list(@PathVariable String code, @RequestParam(defaultValue = "0") int page) {
        return rollCalls.list(postId(code), page);
    }

    @GetMapping("/{rollCallId}")
    RollCallProgress progress(@PathVariable String code, @PathVariable long rollCallId) {
        return rollCalls.progress(postId(code), rollCallId);
    }

    /** Members, by default all of them; {@code status=UNKNOWN} gives the unaccounted. */
    @GetMapping("/{rollCallId}/members")
    RollCallMemberPage members(
            @PathVariable String code,
            @PathVariable long rollCallId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") int page) {
        return members.members(
                postId(code),
                rollCallId,
                new RollCallMemberFilter(
                        status == null || status.isBlank() ? null : CheckInStatus.parse("status", status),
                        category == null || category.isBlank() ? null : category("category", category),
                        location,
                        name,
                        page));
    }

    @PostMapping("/{rollCallId}/close")
    RollCallProgress close(@PathVariable String code, @PathVariable long rollCallId) {
        long postId = postId(code);
        rollCalls.close(postId, rollCallId);
        return rollCalls.progress(postId, rollCallId);
    }

    static Category category(String field, String text) {
        try {
            return Category.valueOf(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field, "unknown category '" + text + "'; one of " + Arrays.toString(Category.values()));
        }
    }
}
