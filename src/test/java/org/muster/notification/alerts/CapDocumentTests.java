package org.muster.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.posts.Post;
import org.muster.posts.PostKind;
import org.xml.sax.SAXException;

/** The CAP writer on its own, and the checks themselves: a document that breaks CAP 1.2 is caught. */
class CapDocumentTests {
    private static final Post KABUL =
            new Post(1, "KBL", "Embassy Kabul", PostKind.EMBASSY, "Afghanistan", ZoneId.of("Asia/Kabul"));

    @Test
    void writesAValidAlertWithTheSentTimeInThePostsOffsetToTheSecond() throws Exception {
        String xml = write(OffsetDateTime.of(2021, 8, 15, 5, 30, 12, 987_000_000, ZoneOffset.UTC));

        var alert = CapChecks.check(xml).getDocumentElement();

        assertThat(CapChecks.text(alert, "sent")).isEqualTo("2021-08-15T10:00:12+04:30");
        assertThat(CapChecks.children(alert, "info")).hasSize(2);
    }

    @Test
    void utcIsWrittenAsMinusZeroAsCapRequires() {
        assertThat(CapDocument.time(OffsetDateTime.of(2021, 8, 15, 5, 30, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2021-08-15T05:30:00-00:00");
    }

    @Test
    void theChecksRefuseWrongOrderWrongValuesAndAZuluTime() throws Exception {
        String valid = write(OffsetDateTime.of(2021, 8, 15, 5, 30, 0, 0, ZoneOffset.UTC));
        String swapped = valid.replace(
                "<status>Actual</status>\n  <msgType>Alert</msgType>",
                "<msgType>Alert</msgType>\n  <status>Actual</status>");
        String badStatus = valid.replace("<status>Actual</status>", "<status>Real</status>");
        String badUrgency = valid.replace("<urgency>Immediate</urgency>", "<urgency>Now</urgency>");
        String zulu = valid.replace("+04:30</sent>", "Z</sent>").replace("10:00:00Z", "05:30:00Z");
        String noEvent = valid.replaceFirst("<event>[^<]*</event>", "");

        assertThat(swapped).isNotEqualTo(valid);
        for (String broken : new String[] {swapped, badStatus, badUrgency, zulu, noEvent}) {
            assertThatThrownBy(() -> CapChecks.check(broken)).isInstanceOfAny(SAXException.class, AssertionError.class);
        }
    }

    private static String write(OffsetDateTime sent) {
        Map<Language, MessageText> texts = new EnumMap<>(Language.class);
        texts.put(Language.ENGLISH, new MessageText("Shelter in place", "Stay indoors. {link}"));
        texts.put(Language.DARI, new MessageText("در جای خود پناه بگیرید", "در خانه بمانید."));
        var alert = new PublicAlert(42, KABUL, sent, true, texts, CapAttributes.defaults(true));
        return CapDocument.write(
                alert, "kbl@example.org", "https://muster.example/posts/KBL/alerts/42.cap.xml", Map.of());
    }
}
