package org.muster.notification.web;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.notification.Audience;
import org.muster.notification.AudienceKind;
import org.muster.notification.Channel;
import org.muster.notification.Draft;
import org.muster.notification.Language;
import org.muster.notification.MessageTemplate;
import org.muster.notification.MessageText;
import org.muster.people.Category;
import org.muster.shared.Classification;

/**
 * The compose form as posted: the template it started from, a subject and body per language, the
 * marking, channels, audience (its kind and the values of each kind), the threat flag, the review
 * task it answers, and the sender's confirmation.
 */
record ComposeForm(
        String template,
        String subjectEn,
        String bodyEn,
        String subjectFa,
        String bodyFa,
        String subjectPs,
        String bodyPs,
        Classification classification,
        List<Channel> channels,
        AudienceKind audience,
        List<Category> categories,
        List<Long> households,
        List<String> locations,
        Long rollCallId,
        Long wardenUserId,
        Boolean threat,
        Long reviewTaskId,
        Boolean confirm) {

    ComposeForm {
        channels = channels == null ? List.of() : channels;
        categories = categories == null ? List.of() : categories;
        households = households == null ? List.of() : households;
        locations = locations == null ? List.of() : locations;
        classification = classification == null ? Classification.UNCLASSIFIED : classification;
        threat = Boolean.TRUE.equals(threat);
        confirm = Boolean.TRUE.equals(confirm);
    }

    /** A blank form: unclassified, every channel, the audience the sender may choose first. */
    static ComposeForm blank(AudienceKind audience, Long wardenUserId, Long reviewTaskId) {
        return new ComposeForm(
                null,
                "",
                "",
                "",
                "",
                "",
                "",
                Classification.UNCLASSIFIED,
                List.of(Channel.EMAIL, Channel.SMS, Channel.IN_APP),
                audience,
                List.of(),
                List.of(),
                List.of(),
                null,
                wardenUserId,
                false,
                reviewTaskId,
                false);
    }

    /** This form with a template's texts in every language it has. */
    ComposeForm with(MessageTemplate t) {
        MessageText en = t.text(Language.ENGLISH);
        MessageText fa = t.text(Language.DARI);
        MessageText ps = t.text(Language.PASHTO);
        return new ComposeForm(
                t.name(),
                en == null ? "" : en.subject(),
                en == null ? "" : en.body(),
                fa == null ? "" : fa.subject(),
                fa == null ? "" : fa.body(),
                ps == null ? "" : ps.subject(),
                ps == null ? "" : ps.body(),
                classification,
                channels,
                audience,
                categories,
                households,
                locations,
                rollCallId,
                wardenUserId,
                threat,
                reviewTaskId,
                false);
    }

    public String subject(Language l) {
        return switch (l) {
            case ENGLISH -> subjectEn;
            case DARI -> subjectFa;
            case PASHTO -> subjectPs;
        };
    }

    public String body(Language l) {
        return switch (l) {
            case ENGLISH -> bodyEn;
            case DARI -> bodyFa;
            case PASHTO -> bodyPs;
        };
    }

    /** The draft; a bad text or audience fails naming its field ({@code texts.fa-AF.body}, {@code audience.categories}). */
    Draft draft() {
        Map<Language, MessageText> texts = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            TextFields.put(texts, l, subject(l), body(l));
        }
        Audience a = audience == null
                ? null
                : new Audience(
                        audience,
                        Set.copyOf(categories),
                        new HashSet<>(households),
                        Set.copyOf(locations),
                        rollCallId,
                        wardenUserId);
        return new Draft(null, texts, classification, Set.copyOf(channels), a, threat, reviewTaskId);
    }
}
