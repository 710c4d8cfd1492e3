package org.muster.notification.alerts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.muster.notification.Language;
import org.muster.posts.Post;

/**
 * Writes a post's public alerts as an Atom feed (RFC 4287): the feed's id, title, updated time,
 * author and self link, and per alert an entry with id, title, updated, author, its English text as
 * content and a link to its public CAP 1.2 document. Pure; thread-safe.
 */
final class AtomFeed {
    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    static final String MEDIA_TYPE = "application/atom+xml";

    private AtomFeed() {}

    /**
     * @param self the feed's own public address (also its id)
     * @param capUrl the public CAP document of an alert, by message id
     * @param now the feed's updated time when it has no entries
     */
    static String write(
            Post post,
            List<PublicAlert> alerts,
            String self,
            java.util.function.LongFunction<String> capUrl,
            OffsetDateTime now) {
        XmlOut xml = new XmlOut(NAMESPACE, "feed");
        xml.attribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", Language.ENGLISH.tag());
        xml.text("id", self)
                .text("title", post.name() + ": public alerts")
                .text("updated", time(alerts.isEmpty() ? now : alerts.get(0).sentAt()))
                .empty("link", "rel", "self", "type", MEDIA_TYPE, "href", self)
                .open("author")
                .text("name", post.name())
                .close();
        for (PublicAlert alert : alerts) {
            var english = alert.texts().get(Language.ENGLISH);
            String cap = capUrl.apply(alert.messageId());
            xml.open("entry")
                    .text("id", cap)
                    .text("title", english.subject())
                    .text("updated", time(alert.sentAt()))
                    .open("author")
                    .text("name", post.name())
                    .close()
                    .empty("link", "rel", "alternate", "type", CapDocument.MEDIA_TYPE, "href", cap)
                    .text("content", PublicAlert.publicBody(english.body()), "type", "text")
                    .close();
        }
        return xml.finish();
    }

    /** RFC 3339 in UTC, to the second. */
    static String time(OffsetDateTime at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
}
