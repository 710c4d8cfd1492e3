package org.muster.people.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.muster.people.Category;
import org.muster.people.PeopleDirectory;
import org.muster.people.RegisterExport;
import org.muster.people.RegisterQuery;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The register in the browser: search and filter, one person with provenance, exports. */
@Controller
class PeopleController {
    private static final int PAGE_SIZE = 50;

    private final PeopleDirectory directory;
    private final RegisterExport export;
    private final CurrentPost currentPost;
    private final Clock clock;
    private final Duration staleAfter;

    PeopleController(
            PeopleDirectory directory,
            RegisterExport export,
            CurrentPost currentPost,
            Clock clock,
            @Value("${muster.people.contact-stale-after:90d}") Duration staleAfter) {
        this.directory = directory;
        this.export = export;
        this.currentPost = currentPost;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** The register's filter as the query string gives it. */
    record Filter(
            String q,
            Category category,
            String location,
            String citizenship,
            String intent,
            boolean minors,
            boolean com) {
        RegisterQuery query(int page, int size) {
            return new RegisterQuery(q, category, location, citizenship, intent, minors, com, page, size);
        }
    }

    @GetMapping("/people")
    String register(
            HttpSession session,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String citizenship,
            @RequestParam(required = false) String intent,
            @RequestParam(defaultValue = "false") boolean minors,
            @RequestParam(defaultValue = "false") boolean com,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Post post = post(session);
        Filter filter = new Filter(q, category, location, citizenship, intent, minors, com);
        model.addAttribute("post", post);
        model.addAttribute("filter", filter);
        model.addAttribute("register", directory.page(post.id(), filter.query(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("locations", directory.locations(post.id()));
        model.addAttribute("categories", Category.values());
        return "people/register";
    }

    @GetMapping("/people/{id:\\d+}")
    String person(@PathVariable long id, HttpSession session, Model model) {
        Post post = post(session);
        model.addAttribute("post", post);
        model.addAttribute("detail", directory.person(post.id(), id, staleBefore()));
        return "people/person";
    }

    @GetMapping("/people/export.csv")
    void csv(
            HttpSession session,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String citizenship,
            @RequestParam(required = false) String intent,
            @RequestParam(defaultValue = "false") boolean minors,
            @RequestParam(defaultValue = "false") boolean com,
            HttpServletResponse response)
            throws IOException {
        Post post = post(session);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + post.code() + "-register.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.csv(post.id(), new Filter(q, category, location, citizenship, intent, minors, com).query(0, 1), out);
    }

    @GetMapping("/people/export.xlsx")
    void xlsx(
            HttpSession session,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String citizenship,
            @RequestParam(required = false) String intent,
            @RequestParam(defaultValue = "false") boolean minors,
            @RequestParam(defaultValue = "false") boolean com,
            HttpServletResponse response)
            throws IOException {
        Post post = post(session);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + post.code() + "-register.xlsx\"");
        export.xlsx(
                post.id(),
                new Filter(q, category, location, citizenship, intent, minors, com).query(0, 1),
                response.getOutputStream());
    }

    private LocalDate staleBefore() {
        return LocalDate.now(clock).minusDays(staleAfter.toDays());
    }

    private Post post(HttpSession session) {
        return currentPost.get(session).orElseThrow(() -> new NotFoundException("Choose a post first."));
    }
}
