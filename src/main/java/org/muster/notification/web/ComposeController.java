package org.muster.notification.web;

import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.List;
import org.muster.notification.AudienceKind;
import org.muster.notification.Channel;
import org.muster.notification.Language;
import org.muster.notification.MessageTemplates;
import org.muster.notification.Messages;
import org.muster.notification.Preview;
import org.muster.notification.ReviewTasks;
import org.muster.people.Category;
import org.muster.people.Reach;
import org.muster.people.RollCalls;
import org.muster.people.WardenAssignments;
import org.muster.posts.Post;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The compose page: a template fills all three languages; the texts (Dari and Pashto right to
 * left), audience, channels, marking and threat flag; Preview shows the audience counted by channel
 * and category and who cannot be reached; Send (after the sender confirms) queues it.
 */
@Controller
class ComposeController {
    private final MessagePages pages;
    private final Messages messages;
    private final MessageTemplates templates;
    private final ReviewTasks reviews;
    private final Reach reach;
    private final RollCalls rollCalls;
    private final WardenAssignments wardens;

    ComposeController(
            MessagePages pages,
            Messages messages,
            MessageTemplates templates,
            ReviewTasks reviews,
            Reach reach,
            RollCalls rollCalls,
            WardenAssignments wardens) {
        this.pages = pages;
        this.messages = messages;
        this.templates = templates;
        this.reviews = reviews;
        this.reach = reach;
        this.rollCalls = rollCalls;
        this.wardens = wardens;
    }

    @GetMapping("/messages/new")
    String compose(
            @RequestParam(required = false) String template,
            @RequestParam(required = false) Long reviewTask,
            HttpSession session,
            Model model) {
        Post post = pages.post(session);
        Reader reader = pages.requireSender(post.id());
        boolean onlyOwnList = !pages.mayChooseAnyAudience(reader);
        ComposeForm form = ComposeForm.blank(
                onlyOwnList ? AudienceKind.WARDEN_LIST : reviewTask != null ? AudienceKind.POST : null,
                onlyOwnList ? reader.userId() : null,
                reviewTask);
        if (template != null && !template.isBlank()) {
            form = form.with(templates
                    .find(post.id(), template)
                    .orElseThrow(() ->
                            new InvalidInputException("template", "no template '" + template + "' at this post")));
        }
        return page(post, reader, form, null, null, model);
    }

    @PostMapping("/messages/preview")
    String preview(@ModelAttribute("form") ComposeForm form, HttpSession session, Model model) {
        Post post = pages.post(session);
        Reader reader = pages.requireSender(post.id());
        try {
            Preview preview = messages.preview(post.id(), form.draft());
            return page(post, reader, form, preview, null, model);
        } catch (InvalidInputException e) {
            return page(post, reader, form, null, e, model);
        }
    }

    @PostMapping("/messages")
    String send(
            @ModelAttribute("form") ComposeForm form, HttpSession session, Model model, RedirectAttributes redirect) {
        Post post = pages.post(session);
        Reader reader = pages.requireSender(post.id());
        Preview preview = null;
        try {
            var draft = form.draft();
            preview = messages.preview(post.id(), draft);
            if (!form.confirm()) {
                throw new InvalidInputException(
                        "confirm", "tick the box to confirm you checked the texts and the audience");
            }
            long id = messages.send(post.id(), draft);
            redirect.addFlashAttribute(
                    "notice",
                    "Message #" + id + " queued: " + preview.totalDeliveries() + " deliveries to " + preview.people()
                            + (preview.people() == 1 ? " person." : " people."));
            return "redirect:/messages/" + id;
        } catch (InvalidInputException e) {
            return page(post, reader, form, preview, e, model);
        }
    }

    private String page(
            Post post, Reader reader, ComposeForm form, Preview preview, InvalidInputException error, Model model) {
        long postId = post.id();
        boolean any = pages.mayChooseAnyAudience(reader);
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("fieldError", error);
        model.addAttribute("templates", templates.list(postId));
        model.addAttribute("languages", Language.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute(
                "classifications",
                Arrays.stream(Classification.values())
                        .filter(reader.clearance()::dominates)
                        .toList());
        model.addAttribute("audienceKinds", any ? List.of(AudienceKind.values()) : List.of(AudienceKind.WARDEN_LIST));
        model.addAttribute("categories", Category.values());
        model.addAttribute("households", any ? reach.households(postId) : List.of());
        model.addAttribute("locations", any ? rollCalls.locations(postId) : List.of());
        model.addAttribute("rollCalls", any ? rollCalls.list(postId, 0) : List.of());
        model.addAttribute(
                "wardens",
                wardens.list(postId).stream()
                        .filter(w -> any || w.userId() == reader.userId())
                        .toList());
        model.addAttribute("reviewTasks", reader.has(Role.WARDEN) && !any ? List.of() : reviews.open(postId));
        return "messages/compose";
    }
}
