package org.muster.notification.alerts;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.muster.notification.Language;
import org.muster.notification.MessageText;

/**
 * Writes a public alert as a CAP 1.2 {@code alert} (OASIS Common Alerting Protocol 1.2,
 * namespace {@code urn:oasis:names:tc:emergency:cap:1.2}), elements in the order of the standard's
 * schema: status Actual, message type Alert, scope Public, and one {@code info} per language of the
 * message, each in that language. Times are the post's local time with its offset, to the second
 * (UTC written {@code -00:00}, as CAP requires). Pure; thread-safe.
 */
final class CapDocument {
    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String MEDIA_TYPE = "application/cap+xml";
    private static final DateTimeFormatter CAP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private CapDocument() {}

    /**
     * @param sender the CAP sender (no spaces, commas or {@code < &})
     * @param web the public address of this alert
     * @param contact where the public can write to the post in a given language
     */
    static String write(PublicAlert alert, String sender, String web, Map<Language, String> contact) {
        XmlOut xml = new XmlOut(NAMESPACE, "alert");
        xml.text("identifier", alert.identifier())
                .text("sender", sender)
                .text(
                        "sent",
                        time(alert.sentAt()
                                .atZoneSameInstant(alert.post().timeZone())
                                .toOffsetDateTime()))
                .text("status", "Actual")
                .text("msgType", "Alert")
                .text("scope", "Public");
        CapAttributes a = alert.attributes();
        for (Map.Entry<Language, MessageText> t : alert.texts().entrySet()) {
            Language language = t.getKey();
            xml.open("info")
                    .text("language", language.tag())
                    .text("category", a.category())
                    .text("event", event(language, alert.threat()))
                    .text("urgency", a.urgency())
                    .text("severity", a.severity())
                    .text("certainty", a.certainty())
                    .text("senderName", alert.post().name())
                    .text("headline", t.getValue().subject())
                    .text("description", PublicAlert.publicBody(t.getValue().body()))
                    .text("web", web)
                    .text("contact", contact.get(language))
                    .open("area")
                    .text(
                            "areaDesc",
                            a.areaDesc() != null ? a.areaDesc() : alert.post().country())
                    .close()
                    .close();
        }
        return xml.finish();
    }

    /** {@code 2021-08-15T10:00:00+04:30}: seconds, no fraction, an offset; UTC as {@code -00:00}. */
    static String time(OffsetDateTime at) {
        String text = CAP_TIME.format(at.truncatedTo(ChronoUnit.SECONDS));
        return text.endsWith("+00:00") ? text.substring(0, text.length() - 6) + "-00:00" : text;
    }

    /** The kind of event, in the info's own language. */
    static String event(Language language, boolean threat) {
        return switch (language) {
            case ENGLISH -> threat ? "Security alert" : "Safety information";
            case DARI -> threat ? "هشدار امنیتی" : "اطلاعیهٔ ایمنی";
            case PASHTO -> threat ? "امنیتي خبرتیا" : "د خوندیتوب خبرتیا";
        };
    }
}
