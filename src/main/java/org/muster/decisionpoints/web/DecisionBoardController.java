package org.muster.decisionpoints.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.muster.decisionpoints.Confidence;
import org.muster.decisionpoints.Crossings;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.NewObservation;
import org.muster.decisionpoints.Observations;
import org.muster.decisionpoints.ReplayedCrossing;
import org.muster.decisionpoints.Timeline;
import org.muster.decisionpoints.TimelineMapping;
import org.muster.decisionpoints.TimelineReport;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision board of the current post: every decision point with its value, trend and status (now
 * or at the end of a past date), the map of located ones, recording an observation, importing or
 * replaying a timeline, and the set's export, import and versions.
 */
@Controller
class DecisionBoardController {
    private final BoardPage page;
    private final CurrentPost currentPost;
    private final NeedToKnow needToKnow;
    private final Observations observations;
    private final DecisionPoints decisionPoints;
    private final Crossings crossings;

    DecisionBoardController(
            BoardPage page,
            CurrentPost currentPost,
            NeedToKnow needToKnow,
            Observations observations,
            DecisionPoints decisionPoints,
            Crossings crossings) {
        this.page = page;
        this.currentPost = currentPost;
        this.needToKnow = needToKnow;
        this.observations = observations;
        this.decisionPoints = decisionPoints;
        this.crossings = crossings;
    }

    @GetMapping("/decision-points")
    String board(@RequestParam(required = false) String asOf, HttpSession session, Model model) {
        var post = currentPost.get(session);
        if (post.isEmpty()) {
            return "redirect:/";
        }
        LocalDate date = asOf == null || asOf.isBlank() ? null : DecisionPointsApiController.date(asOf);
        page.fill(model, post.get(), needToKnow.requireMember(post.get().id()), date);
        return "decisionpoints/board";
    }

    @PostMapping("/decision-points/observations")
    String record(BoardPage.ObservationForm form, HttpSession session, Model model, RedirectAttributes redirect) {
        Post post = post(session);
        int before = crossings.open(post.id()).size();
        try {
            observations.record(post.id(), observation(form, post));
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            model.addAttribute("form", form);
            return render(post, model);
        }
        int raised = crossings.open(post.id()).size() - before;
        redirect.addFlashAttribute(
                "notice",
                "Observation recorded: " + form.subject().trim() + " "
                        + form.event().trim() + "."
                        + (raised > 0
                                ? " " + raised + " decision point" + (raised == 1 ? "" : "s") + " crossed."
                                : ""));
        return "redirect:/decision-points";
    }

    @PostMapping("/decision-points/timeline")
    String timeline(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String mapping,
            @RequestParam(defaultValue = "record") String mode,
            HttpSession session,
            Model model)
            throws IOException {
        Post post = post(session);
        model.addAttribute("mapping", mapping);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "choose a CSV file to upload");
            }
            TimelineMapping columns = TimelineMapping.parse(mapping);
            if (mode.equals("replay")) {
                needToKnow.requireMember(post.id());
                Timeline timeline = observations.readTimeline(file.getBytes(), columns, post.timeZone());
                List<ReplayedCrossing> replayed =
                        crossings.replay(decisionPoints.current(post.id()).toDocument(), timeline.accepted());
                model.addAttribute("replayTimeline", timeline);
                model.addAttribute("replayed", replayed);
            } else {
                TimelineReport report = observations.importTimeline(post.id(), file.getBytes(), columns);
                model.addAttribute("timelineReport", report);
            }
            model.addAttribute("timelineFile", file.getOriginalFilename());
        } catch (InvalidInputException e) {
            model.addAttribute("timelineError", e);
        }
        return render(post, model);
    }

    @PostMapping("/decision-points/import")
    String importSet(
            @RequestParam(required = false) MultipartFile file,
            HttpSession session,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Post post = post(session);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "choose a decision-point file (JSON) to upload");
            }
            var saved = decisionPoints.importJson(post.id(), file.getBytes());
            redirect.addFlashAttribute(
                    "notice",
                    "Decision points saved as version " + saved.version() + ": "
                            + saved.decisionPoints().size() + " in force.");
            return "redirect:/decision-points";
        } catch (InvalidInputException e) {
            model.addAttribute("importError", e);
            return render(post, model);
        }
    }

    @GetMapping("/decision-points/export")
    ResponseEntity<byte[]> export(HttpSession session) {
        Post post = post(session);
        return file(
                post.code().toLowerCase(Locale.ROOT) + "-decision-points.json", decisionPoints.exportJson(post.id()));
    }

    @GetMapping("/decision-points/versions/{version}")
    ResponseEntity<byte[]> version(@PathVariable int version, HttpSession session) {
        Post post = post(session);
        String json = DecisionPoints.toJson(decisionPoints.version(post.id(), version));
        return file(
                post.code().toLowerCase(Locale.ROOT) + "-decision-points-v" + version + ".json",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String render(Post post, Model model) {
        Reader reader = needToKnow.requireMember(post.id());
        page.fill(model, post, reader, null);
        return "decisionpoints/board";
    }

    private Post post(HttpSession session) {
        return currentPost.get(session).orElseThrow(() -> new InvalidInputException("post", "choose a post first"));
    }

    static NewObservation observation(BoardPage.ObservationForm form, Post post) {
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(
                    form.observedAt() == null ? "" : form.observedAt().trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("observedAt", "give the date and time it was observed");
        }
        BigDecimal value;
        try {
            value = form.value() == null || form.value().isBlank()
                    ? null
                    : new BigDecimal(form.value().trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", "'" + form.value() + "' is not a number such as 12 or 4.5");
        }
        return new NewObservation(
                at.atZone(post.timeZone()).toInstant(),
                form.subject(),
                form.event(),
                value,
                form.source(),
                form.confidence() == null ? Confidence.MODERATE : form.confidence(),
                form.classification() == null ? Classification.UNCLASSIFIED : form.classification(),
                form.handle(),
                form.note());
    }

    private static ResponseEntity<byte[]> file(String name, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(content);
    }
}
