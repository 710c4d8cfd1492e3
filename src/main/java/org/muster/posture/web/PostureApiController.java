package org.muster.posture.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.muster.people.Category;
import org.muster.posts.Posts;
import org.muster.posture.Departure;
import org.muster.posture.Drawdown;
import org.muster.posture.DrawdownView;
import org.muster.posture.Posture;
import org.muster.posture.PostureClocks;
import org.muster.posture.PostureOverview;
import org.muster.posture.PostureRequest;
import org.muster.posture.PostureView;
import org.muster.posture.Postures;
import org.muster.posture.Subset;
import org.muster.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Posture and drawdown over the API: read, request, decide, review, record departures. */
@RestController
class PostureApiController {
    private final Posts posts;
    private final Postures postures;
    private final PostureOverview overview;
    private final Drawdown drawdown;

    PostureApiController(Posts posts, Postures postures, PostureOverview overview, Drawdown drawdown) {
        this.posts = posts;
        this.postures = postures;
        this.overview = overview;
        this.drawdown = drawdown;
    }

    /** Empty or missing {@code categories} and no {@code underAge}: the posture concerns everyone. */
    record RequestForm(String posture, List<String> categories, Integer underAge, String justification) {}

    record ReasonForm(String reason) {}

    record ReviewForm(String note) {}

    record DepartureForm(Long personId, OffsetDateTime departedAt) {}

    @GetMapping("/api/v1/posts/{code}/posture")
    PostureView posture(@PathVariable String code) {
        return overview.posture(posts.byCode(code).id());
    }

    @PostMapping("/api/v1/posts/{code}/posture")
    ResponseEntity<PostureRequest> request(@PathVariable String code, @RequestBody RequestForm form) {
        long postId = posts.byCode(code).id();
        PostureRequest created = postures.request(
                postId,
                Posture.parse("posture", form.posture()),
                new Subset(categories(form.categories()), form.underAge()),
                form.justification());
        return ResponseEntity.created(URI.create("/api/v1/posture-requests/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/posts/{code}/posture/history")
    List<PostureRequest> history(@PathVariable String code) {
        return postures.history(posts.byCode(code).id());
    }

    @GetMapping("/api/v1/posture-requests/{id}")
    PostureRequest get(@PathVariable long id) {
        return postures.get(id);
    }

    @PostMapping("/api/v1/posture-requests/{id}/approve")
    PostureRequest approve(@PathVariable long id, @RequestBody(required = false) ReasonForm form) {
        return postures.approve(id, form == null ? null : form.reason());
    }

    @PostMapping("/api/v1/posture-requests/{id}/refuse")
    PostureRequest refuse(@PathVariable long id, @RequestBody(required = false) ReasonForm form) {
        return postures.refuse(id, form == null ? null : form.reason());
    }

    @PostMapping("/api/v1/posts/{code}/posture/reviews")
    PostureClocks review(@PathVariable String code, @RequestBody(required = false) ReviewForm form) {
        return postures.recordReview(posts.byCode(code).id(), form == null ? null : form.note());
    }

    @GetMapping("/api/v1/posts/{code}/drawdown")
    DrawdownView drawdown(@PathVariable String code, @RequestParam(defaultValue = "0") int page) {
        return overview.drawdown(posts.byCode(code).id(), page);
    }

    @PostMapping("/api/v1/posts/{code}/drawdown/departures")
    ResponseEntity<Departure> depart(@PathVariable String code, @RequestBody DepartureForm form) {
        if (form.personId() == null) {
            throw new InvalidInputException("personId", "is required");
        }
        Departure d = drawdown.recordDeparture(posts.byCode(code).id(), form.personId(), form.departedAt());
        return ResponseEntity.status(201).body(d);
    }

    static Set<Category> categories(List<String> names) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        List<String> list = names == null ? List.of() : names;
        for (int i = 0; i < list.size(); i++) {
            try {
                categories.add(
                        Category.valueOf(list.get(i) == null ? "" : list.get(i).trim()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "categories[" + i + "]",
                        "unknown category '" + list.get(i) + "'; one of " + Arrays.toString(Category.values()));
            }
        }
        return categories;
    }
}
