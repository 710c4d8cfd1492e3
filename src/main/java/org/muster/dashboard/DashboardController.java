package org.muster.dashboard;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.muster.audit.AuditEntry;
import org.muster.audit.AuditLog;
import org.muster.people.Headcount;
import org.muster.people.PeopleRegistry;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Releasable;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Marked;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The post dashboard. Shows only cards backed by working features. */
@Controller
class DashboardController {
    private static final int RECENT_ACTIVITY = 12;

    private final CurrentPost currentPost;
    private final NeedToKnow needToKnow;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final PeopleRegistry people;

    DashboardController(
            PeopleRegistry people,
            CurrentPost currentPost,
            NeedToKnow needToKnow,
            UserAccounts accounts,
            AuditLog audit,
            Clock clock) {
        this.people = people;
        this.currentPost = currentPost;
        this.needToKnow = needToKnow;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the dashboard shows for one post; all of it is content of that post. */
    record Dashboard(
            Post post,
            ZonedDateTime localTime,
            Headcount headcount,
            Map<Role, Long> membersByRole,
            List<AuditEntry> activity)
            implements Marked, Releasable {
        @Override
        public long postId() {
            return post.id();
        }

        @Override
        public List<?> releasableContent() {
            return List.of(post, headcount);
        }
    }

    @GetMapping("/")
    String dashboard(
            HttpSession session,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String asOf,
            Model model) {
        Reader reader = needToKnow.reader();
        var post = currentPost.get(session);
        if (post.isEmpty()) {
            return "dashboard/no-post";
        }
        Post p = post.get();
        needToKnow.requireMember(p.id());
        List<AuditEntry> activity =
                reader.hasAny(Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER, Role.ADMINISTRATOR, Role.MANAGEMENT)
                        ? audit.recent(p.id(), RECENT_ACTIVITY)
                        : List.of();
        model.addAttribute(
                "dashboard",
                new Dashboard(
                        p,
                        ZonedDateTime.now(clock).withZoneSameInstant(p.timeZone()),
                        asOf == null || asOf.isBlank()
                                ? people.headcount(p.id())
                                : people.headcount(p.id(), asOf(asOf, p)),
                        accounts.membersByRole(p.id()),
                        activity));
        return "dashboard/dashboard";
    }

    /** A date-time typed in the post's local time (as a datetime-local field sends it). */
    private static java.time.OffsetDateTime asOf(String text, Post post) {
        try {
            return java.time.LocalDateTime.parse(text).atZone(post.timeZone()).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.muster.shared.InvalidInputException(
                    "asOf", "must be a date and time such as 2021-08-15T09:00");
        }
    }
}
