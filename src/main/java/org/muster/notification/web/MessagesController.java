package org.muster.notification.web;

import jakarta.servlet.http.HttpSession;
import org.muster.notification.CitizenMessages;
import org.muster.notification.DeliveryStatus;
import org.muster.notification.Language;
import org.muster.notification.Messages;
import org.muster.notification.ReviewTasks;
import org.muster.notification.SentMessages;
import org.muster.posts.Post;
import org.muster.security.NeedToKnow;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The post's messages (newest first, with the open no-double-standard review tasks), one message
 * with its texts in each language and its deliveries by status, closing a review task with a
 * reason, and the dashboard's card of messages to citizens.
 */
@Controller
class MessagesController {
    private final MessagePages pages;
    private final SentMessages sent;
    private final Messages messages;
    private final ReviewTasks reviews;
    private final CitizenMessages citizens;
    private final NeedToKnow needToKnow;

    MessagesController(
            MessagePages pages,
            SentMessages sent,
            Messages messages,
            ReviewTasks reviews,
            CitizenMessages citizens,
            NeedToKnow needToKnow) {
        this.pages = pages;
        this.sent = sent;
        this.messages = messages;
        this.reviews = reviews;
        this.citizens = citizens;
        this.needToKnow = needToKnow;
    }

    @GetMapping("/messages")
    String list(@RequestParam(defaultValue = "0") int page, HttpSession session, Model model) {
        Post post = pages.post(session);
        needToKnow.requireMember(post.id());
        model.addAttribute("messages", sent.list(post.id(), page));
        model.addAttribute("reviewTasks", reviews.open(post.id()));
        model.addAttribute("maySend", messages.maySend(post.id()));
        model.addAttribute("mayClose", reviews.mayClose(post.id()));
        return "messages/list";
    }

    @GetMapping("/messages/{id:\\d+}")
    String message(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            HttpSession session,
            Model model) {
        Post post = pages.post(session);
        DeliveryStatus filter = status == null || status.isBlank() ? null : parse(status);
        model.addAttribute("message", sent.get(post.id(), id));
        model.addAttribute("deliveries", sent.deliveries(post.id(), id, filter, page));
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("languages", Language.values());
        return "messages/message";
    }

    @PostMapping("/messages/review-tasks/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = pages.post(session);
        try {
            reviews.closeWithReason(post.id(), id, reason);
            redirect.addFlashAttribute("notice", "Review task #" + id + " closed; the reason is in the audit log.");
            return "redirect:/messages";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            model.addAttribute("closingTask", id);
            return list(0, session, model);
        }
    }

    @GetMapping("/messages/card")
    String card(HttpSession session, Model model) {
        Post post = pages.post(session);
        model.addAttribute("post", post);
        model.addAttribute("counts", citizens.counts(post.id()));
        model.addAttribute("reviewTasks", reviews.open(post.id()));
        return "messages/fragments :: card";
    }

    private static DeliveryStatus parse(String status) {
        try {
            return DeliveryStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "one of QUEUED, SENDING, SENT, DELIVERED, FAILED");
        }
    }
}
