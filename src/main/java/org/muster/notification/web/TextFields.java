package org.muster.notification.web;

import java.util.Map;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.shared.InvalidInputException;

/** A subject and body typed for one language: none of either leaves the language out; half is refused by field. */
final class TextFields {
    private TextFields() {}

    static void put(Map<Language, MessageText> texts, Language language, String subject, String body) {
        boolean noSubject = subject == null || subject.isBlank();
        boolean noBody = body == null || body.isBlank();
        if (noSubject && noBody) {
            return;
        }
        String field = "texts." + language.tag();
        if (noSubject) {
            throw new InvalidInputException(
                    field + ".subject", "a " + language.name().toLowerCase() + " body needs a subject");
        }
        if (noBody) {
            throw new InvalidInputException(
                    field + ".body", "a " + language.name().toLowerCase() + " subject needs a body");
        }
        try {
            texts.put(language, new MessageText(subject, body));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field + "." + e.field(), e.reason());
        }
    }
}
