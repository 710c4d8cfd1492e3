package org.muster.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Checks a document against CAP 1.2: validation with {@code javax.xml.validation} against the
 * structure schema in {@code src/test/resources/cap}, and the standard's rules again by hand:
 * required elements, their order, the value sets, one info per language.
 */
final class CapChecks {
    static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    static final List<String> ALERT_ORDER = List.of(
            "identifier",
            "sender",
            "sent",
            "status",
            "msgType",
            "source",
            "scope",
            "restriction",
            "addresses",
            "code",
            "note",
            "references",
            "incidents",
            "info");
    static final List<String> INFO_ORDER = List.of(
            "language",
            "category",
            "event",
            "responseType",
            "urgency",
            "severity",
            "certainty",
            "audience",
            "eventCode",
            "effective",
            "onset",
            "expires",
            "senderName",
            "headline",
            "description",
            "instruction",
            "web",
            "contact",
            "parameter",
            "resource",
            "area");
    static final List<String> AREA_ORDER = List.of("areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling");
    static final Map<String, List<String>> VALUES = Map.of(
            "status", List.of("Actual", "Exercise", "System", "Test", "Draft"),
            "msgType", List.of("Alert", "Update", "Cancel", "Ack", "Error"),
            "scope", List.of("Public", "Restricted", "Private"),
            "category",
                    List.of(
                            "Geo",
                            "Met",
                            "Safety",
                            "Security",
                            "Rescue",
                            "Fire",
                            "Health",
                            "Env",
                            "Transport",
                            "Infra",
                            "CBRNE",
                            "Other"),
            "urgency", List.of("Immediate", "Expected", "Future", "Past", "Unknown"),
            "severity", List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown"),
            "certainty", List.of("Observed", "Likely", "Possible", "Unlikely", "Unknown"));
    static final String CAP_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";

    private CapChecks() {}

    /** Validates against the schema and the hand-written rules; returns the parsed document. */
    static Document check(String xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(CapChecks.class
                        .getResource("/cap/cap-1.2-structure.xsd")
                        .toString()));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        Document doc = parse(xml);
        Element alert = doc.getDocumentElement();
        assertThat(alert.getNamespaceURI()).isEqualTo(CAP);
        assertThat(alert.getLocalName()).isEqualTo("alert");
        assertOrder(alert, ALERT_ORDER);
        for (String required : List.of("identifier", "sender", "sent", "status", "msgType", "scope")) {
            assertThat(children(alert, required)).as("alert/" + required).hasSize(1);
        }
        assertThat(text(alert, "identifier")).doesNotContainPattern("[\\s,<&]");
        assertThat(text(alert, "sender")).doesNotContainPattern("[\\s,<&]");
        assertThat(text(alert, "sent")).matches(CAP_TIME);
        for (String field : List.of("status", "msgType", "scope")) {
            assertThat(VALUES.get(field)).as(field).contains(text(alert, field));
        }
        for (Element info : children(alert, "info")) {
            assertOrder(info, INFO_ORDER);
            for (String required : List.of("event", "urgency", "severity", "certainty")) {
                assertThat(children(info, required)).as("info/" + required).hasSize(1);
            }
            assertThat(children(info, "category")).as("info/category").isNotEmpty();
            for (Element c : children(info, "category")) {
                assertThat(VALUES.get("category")).contains(c.getTextContent());
            }
            for (String field : List.of("urgency", "severity", "certainty")) {
                assertThat(VALUES.get(field)).as(field).contains(text(info, field));
            }
            for (Element area : children(info, "area")) {
                assertOrder(area, AREA_ORDER);
                assertThat(children(area, "areaDesc")).as("area/areaDesc").hasSize(1);
            }
        }
        return doc;
    }

    static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0).getTextContent();
    }

    /** Every child is known and comes no earlier than the one before it in the schema's sequence. */
    private static void assertOrder(Element parent, List<String> order) {
        int last = -1;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                assertThat(e.getNamespaceURI()).isEqualTo(CAP);
                int at = order.indexOf(e.getLocalName());
                assertThat(at)
                        .as(parent.getLocalName() + "/" + e.getLocalName() + " is a CAP element")
                        .isNotNegative();
                assertThat(at)
                        .as(e.getLocalName() + " after the element before it")
                        .isGreaterThanOrEqualTo(last);
                last = at;
            }
        }
    }
}
