package org.muster.people.web;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.muster.people.Category;
import org.muster.people.CheckInStatus;
import org.muster.people.RollCall;
import org.muster.people.RollCallClosedException;
import org.muster.people.RollCallMemberFilter;
import org.muster.people.RollCallMembers;
import org.muster.people.RollCallScope;
import org.muster.people.RollCalls;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roll-call pages: the post's roll-calls with the form to start one, the live page of one
 * (while open, its progress section refreshes itself every 5 seconds and its list of people every
 * 10), and closing with a confirmation step.
 */
@Controller
class RollCallController {
    private final RollCalls rollCalls;
    private final RollCallMembers members;
    private final RollCallPages pages;
    private final CurrentPost currentPost;
    private final NeedToKnow needToKnow;

    RollCallController(
            RollCalls rollCalls,
            RollCallMembers members,
            RollCallPages pages,
            CurrentPost currentPost,
            NeedToKnow needToKnow) {
        this.rollCalls = rollCalls;
        this.members = members;
        this.pages = pages;
        this.currentPost = currentPost;
        this.needToKnow = needToKnow;
    }

    record StartForm(
            String title,
            List<Category> categories,
            List<String> locations,
            Integer targetPercent,
            Integer targetMinutes) {
        StartForm {
            categories = categories == null ? List.of() : categories;
            locations = locations == null ? List.of() : locations;
        }
    }

    /**
     * The member list's filter as the form shows it, bound from the query; {@code status} ALL lists
     * everyone, none the unaccounted.
     */
    record FilterForm(String status, String category, String location, String name, Integer page) {
        FilterForm {
            status = status == null || status.isBlank() ? CheckInStatus.UNKNOWN.name() : status;
            category = category == null ? "" : category;
            location = location == null ? "" : location;
            name = name == null ? "" : name;
            page = page == null ? 0 : page;
        }
    }

    @GetMapping("/roll-calls")
    String list(@RequestParam(defaultValue = "0") int page, HttpSession session, Model model) {
        var post = currentPost.get(session);
        if (post.isEmpty()) {
            return "redirect:/";
        }
        long postId = post.get().id();
        Reader reader = needToKnow.requireMember(postId);
        long total = rollCalls.count(postId);
        model.addAttribute("rollCalls", rollCalls.list(postId, page));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", (total + RollCalls.PAGE_SIZE - 1) / RollCalls.PAGE_SIZE);
        model.addAttribute("canStart", RollCallPages.isLead(reader));
        model.addAttribute("categories", Category.values());
        model.addAttribute("locations", rollCalls.locations(postId));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new StartForm(
                            "",
                            List.of(),
                            List.of(),
                            RollCall.DEFAULT_TARGET_PERCENT,
                            RollCall.DEFAULT_TARGET_MINUTES));
        }
        return "rollcall/list";
    }

    @PostMapping("/roll-calls")
    String start(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) List<Category> categories,
            @RequestParam(required = false) List<String> locations,
            @RequestParam(required = false) Integer targetPercent,
            @RequestParam(required = false) Integer targetMinutes,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post =
                currentPost.get(session).orElseThrow(() -> new InvalidInputException("post", "choose a post first"));
        StartForm form = new StartForm(title, categories, locations, targetPercent, targetMinutes);
        try {
            RollCall started = rollCalls.start(
                    post.id(),
                    title,
                    new RollCallScope(
                            java.util.Set.copyOf(form.categories()), java.util.Set.copyOf(form.locations()), null),
                    targetPercent,
                    targetMinutes);
            redirect.addFlashAttribute("notice", "Roll-call started: " + started.members() + " people to account for.");
            return "redirect:/roll-calls/" + started.id();
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            model.addAttribute("form", form);
            return list(0, session, model);
        }
    }

    @GetMapping("/roll-calls/{id}")
    String live(@PathVariable long id, FilterForm filter, Model model) {
        var progress = pages.progress(id, model);
        long postId = progress.postId();
        Reader reader = memberList(postId, id, filter, model);
        model.addAttribute("categories", Category.values());
        model.addAttribute(
                "locations", progress.onlyLocations() != null ? progress.onlyLocations() : rollCalls.locations(postId));
        model.addAttribute("canClose", RollCallPages.isLead(reader));
        return "rollcall/live";
    }

    /** The people section alone (count, table, pages), for the live page's own refresh of its list. */
    @GetMapping("/roll-calls/{id}/members")
    String members(@PathVariable long id, FilterForm filter, Model model) {
        long postId = rollCalls.postOf(id);
        pages.rollCall(postId, id, model);
        memberList(postId, id, filter, model);
        return "rollcall/fragments :: members";
    }

    /** Puts the page of members the filter selects and their answer forms in the model; returns the reader. */
    private Reader memberList(long postId, long rollCallId, FilterForm form, Model model) {
        Reader reader = needToKnow.requireMember(postId);
        var filter = new RollCallMemberFilter(
                "ALL".equals(form.status()) ? null : CheckInStatus.parse("status", form.status()),
                form.category().isBlank() ? null : RollCallApiController.category("category", form.category()),
                form.location(),
                form.name(),
                form.page());
        var page = members.members(postId, rollCallId, filter);
        model.addAttribute("members", page);
        model.addAttribute("filter", form);
        RollCallPages.answerForms(page.items(), reader, model);
        return reader;
    }

    /** The progress section alone, for the page's own refresh. */
    @GetMapping("/roll-calls/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        pages.progress(id, model);
        return "rollcall/fragments :: progress";
    }

    @GetMapping("/roll-calls/{id}/close")
    String confirmClose(@PathVariable long id, Model model) {
        var progress = pages.progress(id, model);
        model.addAttribute("canClose", RollCallPages.isLead(needToKnow.requireMember(progress.postId())));
        return "rollcall/close";
    }

    @PostMapping("/roll-calls/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        long postId = rollCalls.postOf(id);
        try {
            RollCall closed = rollCalls.close(postId, id);
            redirect.addFlashAttribute(
                    "notice",
                    "Roll-call closed: " + closed.accounted() + " of " + closed.members()
                            + " accounted for. The result is frozen.");
        } catch (RollCallClosedException e) {
            redirect.addFlashAttribute("notice", "This roll-call was already closed; its result is unchanged.");
        }
        return "redirect:/roll-calls/" + id;
    }
}
