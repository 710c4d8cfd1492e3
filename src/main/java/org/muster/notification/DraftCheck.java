package org.muster.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.people.Category;
import org.muster.people.Reachable;
import org.muster.security.Reader;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks a draft for {@link Messages}: who may send it (403 first, before the register is read for a
 * refused role), its audience resolved, its marking against the sender's clearance and its
 * channels, its texts with the template's, its deliveries, and the review task it answers; every
 * other problem is collected, naming its field, into the preview.
 */
@Component
class DraftCheck {
    private final MessageAccess access;
    private final AudienceResolver resolver;
    private final MessageTemplates templates;
    private final ReviewTasks reviews;

    DraftCheck(MessageAccess access, AudienceResolver resolver, MessageTemplates templates, ReviewTasks reviews) {
        this.access = access;
        this.resolver = resolver;
        this.templates = templates;
        this.reviews = reviews;
    }

    /** The checked draft: who sends it, its audience, its deliveries and the preview of it all. */
    record Plan(
            Reader reader,
            ResolvedAudience audience,
            List<Recipient> recipients,
            List<Reachable> reached,
            Preview preview) {}

    Plan plan(long postId, Draft draft) {
        List<Preview.Problem> problems = new ArrayList<>();
        Reader reader = draft.audience() == null
                ? access.requireSender(postId)
                : access.requireMayChoose(postId, draft.audience());
        ResolvedAudience audience = null;
        if (draft.audience() == null) {
            problems.add(new Preview.Problem("audience", "choose who the message goes to"));
        } else {
            try {
                audience = resolver.resolve(postId, draft.audience());
            } catch (InvalidInputException e) {
                problems.add(new Preview.Problem(e.field(), e.reason()));
            }
        }
        if (audience != null) {
            access.requireAllowed(reader, audience, draft.classification());
        }
        if (!reader.clearance().dominates(draft.classification())) {
            problems.add(new Preview.Problem(
                    "classification",
                    "is above your clearance (" + reader.clearance().label() + ")"));
        }
        Map<Language, MessageText> texts = texts(postId, draft, problems);
        Set<Channel> channels = new LinkedHashSet<>(draft.channels());
        if (channels.isEmpty()) {
            problems.add(new Preview.Problem("channels", "choose at least one channel"));
        } else if (draft.classification() != Classification.UNCLASSIFIED
                && channels.stream().anyMatch(Channel::external)) {
            problems.add(new Preview.Problem(
                    "channels",
                    "content marked " + draft.classification().name()
                            + " may go only to in-app notices; e-mail and SMS carry unclassified content only"));
        }
        ResolvedDeliveries d = ResolvedDeliveries.of(audience == null ? List.of() : audience.people(), channels);
        if (audience != null && d.recipients().isEmpty()) {
            problems.add(new Preview.Problem(
                    "audience",
                    audience.people().isEmpty()
                            ? "selects nobody at this post (" + audience.label() + ")"
                            : "reaches nobody on the chosen channels"));
        }
        if (draft.reviewTaskId() != null) {
            try {
                reviews.requireOpen(postId, draft.reviewTaskId());
                if (audience != null && !audience.toPublic()) {
                    problems.add(new Preview.Problem(
                            "reviewTaskId", "only a message that can reach private citizens answers a review task"));
                }
            } catch (InvalidInputException e) {
                problems.add(new Preview.Problem(e.field(), e.reason()));
            }
        }
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        Map<Language, Integer> readers = new EnumMap<>(Language.class);
        for (Reachable r : audience == null ? List.<Reachable>of() : audience.people()) {
            byCategory.merge(r.category(), 1, Integer::sum);
            readers.merge(Language.parse("language", r.language()), 1, Integer::sum);
        }
        Preview preview = new Preview(
                postId,
                draft.classification(),
                audience == null ? "" : audience.label(),
                audience != null && audience.toPublic(),
                audience == null ? 0 : audience.people().size(),
                byCategory,
                d.counts(),
                d.unreachable(),
                texts,
                readers,
                draft.threat() && audience != null && !audience.toPublic(),
                List.copyOf(problems));
        return new Plan(reader, audience, d.recipients(), d.reached(), preview);
    }

    /** The draft's texts, with the template's for the languages the draft leaves empty; English required. */
    private Map<Language, MessageText> texts(long postId, Draft draft, List<Preview.Problem> problems) {
        Map<Language, MessageText> texts = new EnumMap<>(Language.class);
        if (draft.template() != null) {
            templates
                    .find(postId, draft.template())
                    .ifPresentOrElse(
                            t -> texts.putAll(t.texts()),
                            () -> problems.add(new Preview.Problem(
                                    "template", "no template '" + draft.template() + "' at this post")));
        }
        texts.putAll(draft.texts());
        if (!texts.containsKey(Language.ENGLISH)) {
            problems.add(new Preview.Problem(
                    "texts.en-US", "an English subject and body are required (the fallback for every recipient)"));
        }
        return texts;
    }
}
