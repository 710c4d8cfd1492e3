package org.muster.requests.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.requests.Queue;
import org.muster.requests.Ticket;
import org.muster.requests.TicketChange;
import org.muster.requests.TicketFilter;
import org.muster.requests.TicketPage;
import org.muster.requests.TicketStatus;
import org.muster.requests.TicketView;
import org.muster.requests.Tickets;
import org.muster.requests.UnreadAlert;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The current post's requests from the public, for the consular section, management, the chief of
 * mission and administrators: the list, a ticket, its changes, and the dashboard's alert card.
 */
@Controller
class TicketController {
    private final Tickets tickets;
    private final CurrentPost currentPost;
    private final Clock clock;

    TicketController(Tickets tickets, CurrentPost currentPost, Clock clock) {
        this.tickets = tickets;
        this.currentPost = currentPost;
        this.clock = clock;
    }

    @GetMapping("/requests")
    String list(
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            HttpSession session,
            Model model) {
        Post post = post(session);
        TicketFilter filter = new TicketFilter(
                queue == null || queue.isBlank() ? null : Queue.parse("queue", queue),
                status == null || status.isBlank() ? null : TicketStatus.parse("status", status),
                owner,
                unread,
                page);
        TicketPage result = tickets.list(post.id(), filter);
        model.addAttribute("result", result);
        model.addAttribute("filter", filter);
        model.addAttribute("queues", Queue.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("owners", tickets.owners(post.id()));
        model.addAttribute("ages", ages(result.tickets()));
        model.addAttribute("overdueBefore", OffsetDateTime.now(clock).minus(Tickets.UNREAD_LIMIT));
        return "requests/list";
    }

    @GetMapping("/requests/{id}")
    String ticket(@PathVariable long id, HttpSession session, Model model) {
        Post post = post(session);
        show(post, tickets.open(post.id(), id), model);
        return "requests/ticket";
    }

    @PostMapping("/requests/{id}")
    String update(
            @PathVariable long id,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String note,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = post(session);
        try {
            TicketView view = tickets.update(post.id(), id, new TicketChange(owner, queue, status, note));
            redirect.addFlashAttribute("notice", "Request " + view.ticket().reference() + " updated.");
            return "redirect:/requests/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            show(post, tickets.open(post.id(), id), model);
            return "requests/ticket";
        }
    }

    /** The dashboard's card: the 24-hour alert, or nothing (an empty body removes the placeholder). */
    @GetMapping("/requests/card")
    String card(HttpSession session, Model model) {
        var post = currentPost.get(session);
        if (post.isEmpty() || !tickets.mayHandle(post.get().id())) {
            return "requests/empty";
        }
        UnreadAlert alert = tickets.unreadAlert(post.get().id());
        if (!alert.raised()) {
            return "requests/empty";
        }
        model.addAttribute("alert", alert);
        model.addAttribute(
                "oldestAge", Ticket.describe(Duration.between(alert.oldestReceivedAt(), OffsetDateTime.now(clock))));
        return "requests/fragments :: card";
    }

    private void show(Post post, TicketView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("age", Ticket.describe(view.ticket().age(OffsetDateTime.now(clock))));
        model.addAttribute("queues", Queue.values());
        model.addAttribute(
                "statuses",
                view.ticket().status() == TicketStatus.RECEIVED
                        ? List.of(TicketStatus.values())
                        : List.of(TicketStatus.values()).subList(1, TicketStatus.values().length));
        model.addAttribute("owners", tickets.owners(post.id()));
    }

    private List<String> ages(List<Ticket> list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return list.stream().map(t -> Ticket.describe(t.age(now))).toList();
    }

    private Post post(HttpSession session) {
        return currentPost.get(session).orElseThrow(() -> new NotFoundException("Choose a post first."));
    }
}
