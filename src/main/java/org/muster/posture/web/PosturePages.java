package org.muster.posture.web;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.muster.people.Category;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.posture.Crisis;
import org.muster.posture.DrawdownProgress;
import org.muster.posture.Posture;
import org.muster.posture.PostureOverview;
import org.muster.posture.PostureView;
import org.muster.posture.Postures;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.security.UserSummary;
import org.muster.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the posture page and the dashboard card share: the model of one post's posture and drawdown. */
@Component
class PosturePages {
    private final PostureOverview overview;
    private final Postures postures;
    private final CurrentPost currentPost;
    private final NeedToKnow needToKnow;
    private final UserAccounts accounts;

    PosturePages(
            PostureOverview overview,
            Postures postures,
            CurrentPost currentPost,
            NeedToKnow needToKnow,
            UserAccounts accounts) {
        this.overview = overview;
        this.postures = postures;
        this.currentPost = currentPost;
        this.needToKnow = needToKnow;
        this.accounts = accounts;
    }

    /** The posture request form as the page shows it again after a refusal. */
    record RequestForm(Posture posture, List<Category> categories, Integer underAge, String justification) {
        RequestForm {
            categories = categories == null ? List.of() : categories;
        }
    }

    /** The crisis form (open or edit); figures may be blank. */
    record CrisisForm(
            String name,
            String accountableOfficial,
            String approver,
            Integer corePresenceTarget,
            Integer dailyCapacity,
            java.time.LocalDate threatDate) {
        static CrisisForm of(Crisis c, String reader) {
            return c == null
                    ? new CrisisForm("", reader, "", null, null, null)
                    : new CrisisForm(
                            c.name(),
                            c.accountableOfficial().username(),
                            c.approver().username(),
                            c.corePresenceTarget(),
                            c.dailyCapacity(),
                            c.threatDate());
        }
    }

    Post post(HttpSession session) {
        return currentPost.get(session).orElseThrow(() -> new NotFoundException("Choose a post first."));
    }

    /** Everything the dashboard card needs. */
    PostureView card(Post post, Model model) {
        return card(post, 0, model);
    }

    private PostureView card(Post post, int page, Model model) {
        PostureOverview.PosturePage both = overview.page(post.id(), page);
        model.addAttribute("post", post);
        model.addAttribute("posture", both.posture());
        model.addAttribute("drawdown", both.drawdown());
        model.addAttribute("chart", chart(both.drawdown().progress()));
        return both.posture();
    }

    /** Everything the posture page needs. */
    void page(Post post, int page, Model model) {
        PostureView view = card(post, page, model);
        Reader reader = needToKnow.requireMember(post.id());
        Crisis crisis = view.crisis();
        boolean editor = reader.hasAny(Role.CHIEF_OF_MISSION, Role.ADMINISTRATOR);
        boolean approver = crisis != null
                && reader.has(Role.APPROVING_AUTHORITY)
                && crisis.approver().userId() == reader.userId();
        model.addAttribute("history", postures.history(post.id()));
        model.addAttribute("reviews", postures.reviews(post.id()));
        model.addAttribute("canEditCrisis", editor);
        model.addAttribute("canRequest", reader.has(Role.CHIEF_OF_MISSION) && crisis != null);
        model.addAttribute("canDecide", approver);
        model.addAttribute("canReview", reader.has(Role.CHIEF_OF_MISSION) || approver);
        model.addAttribute("canRecordDeparture", reader.hasAny(Role.MANAGEMENT, Role.CONSULAR, Role.CHIEF_OF_MISSION));
        model.addAttribute("postures", Posture.values());
        model.addAttribute("categories", Category.values());
        if (!model.containsAttribute("requestForm")) {
            model.addAttribute("requestForm", new RequestForm(Posture.AUTHORIZED_DEPARTURE, List.of(), null, ""));
        }
        if (!model.containsAttribute("crisisForm")) {
            model.addAttribute("crisisForm", CrisisForm.of(crisis, reader.username()));
        }
        if (editor) {
            List<UserSummary> members = accounts.list().stream()
                    .filter(u -> u.enabled() && u.postIds().contains(post.id()))
                    .toList();
            model.addAttribute("members", members.stream().map(Member::of).toList());
            model.addAttribute(
                    "approvers",
                    members.stream()
                            .filter(u -> u.roles().contains(Role.APPROVING_AUTHORITY))
                            .map(Member::of)
                            .toList());
        }
    }

    /** A member of the post as the crisis form offers them. */
    record Member(String username, String label) {
        static Member of(UserSummary u) {
            return new Member(u.username(), u.displayName() + " (" + u.username() + ")");
        }
    }

    /** JSON for the drawdown chart: target and the points as [date, remaining, departed]. */
    static String chart(DrawdownProgress progress) {
        StringJoiner points = new StringJoiner(",", "[", "]");
        for (DrawdownProgress.Point p : progress.points()) {
            points.add(String.format(Locale.ROOT, "[\"%s\",%d,%d]", p.date(), p.remaining(), p.departed()));
        }
        return "{\"target\":" + progress.corePresenceTarget() + ",\"points\":" + points + "}";
    }
}
