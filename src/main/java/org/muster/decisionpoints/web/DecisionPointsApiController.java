package org.muster.decisionpoints.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.muster.decisionpoints.Board;
import org.muster.decisionpoints.BoardRow;
import org.muster.decisionpoints.BoardStatus;
import org.muster.decisionpoints.Confidence;
import org.muster.decisionpoints.Crossing;
import org.muster.decisionpoints.Crossings;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.EffectiveSet;
import org.muster.decisionpoints.NewObservation;
import org.muster.decisionpoints.Observation;
import org.muster.decisionpoints.Observations;
import org.muster.decisionpoints.SetVersion;
import org.muster.decisionpoints.TimelineMapping;
import org.muster.decisionpoints.TimelineReport;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decision points, observations and crossings over the API. The set travels in the documented file
 * format ({@code docs/decision-points.md}) both ways; a weaker or malformed set is a 400 problem
 * naming the decision point's key and field.
 */
@RestController
@RequestMapping("/api/v1/posts/{code}")
class DecisionPointsApiController {
    private final Posts posts;
    private final DecisionPoints decisionPoints;
    private final Observations observations;
    private final Crossings crossings;

    DecisionPointsApiController(
            Posts posts, DecisionPoints decisionPoints, Observations observations, Crossings crossings) {
        this.posts = posts;
        this.decisionPoints = decisionPoints;
        this.observations = observations;
        this.crossings = crossings;
    }

    /** An observation to record; {@code observedAt} is an ISO-8601 instant such as 2021-08-13T10:00:00Z. */
    record ObservationForm(
            Instant observedAt,
            String subject,
            String event,
            BigDecimal value,
            String source,
            String confidence,
            String classification,
            String handle,
            String note) {
        NewObservation toObservation() {
            return new NewObservation(
                    observedAt,
                    subject,
                    event,
                    value,
                    source,
                    confidence == null || confidence.isBlank() ? null : Confidence.parse("confidence", confidence),
                    classification == null || classification.isBlank() ? null : Classification.parse(classification),
                    handle,
                    note);
        }
    }

    /** The set in force (baseline merged with the post's latest version), in the file format. */
    @GetMapping(value = "/decision-points", produces = MediaType.APPLICATION_JSON_VALUE)
    String current(@PathVariable String code) {
        EffectiveSet set = decisionPoints.current(postId(code));
        return document(set);
    }

    /** Saves the body (the file format) as the post's next version; answers with the set now in force. */
    @PutMapping(value = "/decision-points", produces = MediaType.APPLICATION_JSON_VALUE)
    String save(@PathVariable String code, @RequestBody byte[] body) {
        return document(decisionPoints.importJson(postId(code), body));
    }

    @GetMapping("/decision-points/export")
    ResponseEntity<byte[]> export(@PathVariable String code) {
        long postId = postId(code);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + code.toLowerCase(Locale.ROOT) + "-decision-points.json\"")
                .body(decisionPoints.exportJson(postId));
    }

    @GetMapping("/decision-points/versions")
    List<SetVersion> versions(@PathVariable String code) {
        return decisionPoints.versions(postId(code));
    }

    @GetMapping(value = "/decision-points/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    String version(@PathVariable String code, @PathVariable int version) {
        return DecisionPoints.toJson(decisionPoints.version(postId(code), version));
    }

    @GetMapping("/observations")
    List<Observation> observations(@PathVariable String code, @RequestParam(defaultValue = "0") int page) {
        return observations.list(postId(code), page);
    }

    @PostMapping("/observations")
    ResponseEntity<Observation> record(@PathVariable String code, @RequestBody ObservationForm form) {
        Observation recorded = observations.record(postId(code), form.toObservation());
        return ResponseEntity.created(URI.create("/api/v1/posts/" + code + "/observations/" + recorded.id()))
                .body(recorded);
    }

    /** Imports a timeline sent as the body (CSV, UTF-8); {@code mapping} as {@code subject=capital,...}. */
    @PostMapping(
            value = "/observations/timeline",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    TimelineReport importTimeline(
            @PathVariable String code, @RequestParam(required = false) String mapping, @RequestBody byte[] body) {
        return observations.importTimeline(postId(code), body, TimelineMapping.parse(mapping));
    }

    /** The live crossings, newest first; with {@code asOf}, the board's crossed rows at the end of that date. */
    @GetMapping("/crossings")
    Object crossings(@PathVariable String code, @RequestParam(required = false) String asOf) {
        long postId = postId(code);
        if (asOf == null || asOf.isBlank()) {
            List<Crossing> all = crossings.all(postId);
            return all;
        }
        List<BoardRow> crossed = crossings.asOf(postId, date(asOf)).rows().stream()
                .filter(r -> r.status() != BoardStatus.NOT_CROSSED)
                .toList();
        return crossed;
    }

    /** The decision board now, or at the end of {@code asOf} (YYYY-MM-DD) in the post's time zone. */
    @GetMapping("/board")
    Board board(@PathVariable String code, @RequestParam(required = false) String asOf) {
        long postId = postId(code);
        return asOf == null || asOf.isBlank() ? crossings.board(postId) : crossings.asOf(postId, date(asOf));
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("asOf", "is not a date such as 2021-08-13");
        }
    }

    private long postId(String code) {
        return posts.findByCode(code)
                .map(Post::id)
                .orElseThrow(() -> new NotFoundException("No post with code " + code));
    }

    private static String document(EffectiveSet set) {
        return DecisionPoints.toJson(set);
    }
}
