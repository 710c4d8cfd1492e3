package org.muster.decisionpoints;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decision-point file ({@code docs/decision-points.md}): reads it strictly, refusing unknown
 * fields and wrong types with the decision point's key and the field, and writes it back.
 */
final class DecisionPointJson {
    static final String FORMAT = "muster.decision-points/1";
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> TOP =
            Set.of("format", "post", "version", "baselineVersion", "exportedAt", "assumptions", "decisionPoints");
    private static final Set<String> POINT = Set.of(
            "key", "title", "indicator", "threshold", "actions", "decideWithinHours", "location", "classification");
    private static final Set<String> INDICATOR = Set.of("kind", "subject", "event", "outOf", "minConfidence");
    private static final Set<String> LOCATION = Set.of("name", "lat", "lon");

    private DecisionPointJson() {}

    static DecisionPointSet read(byte[] bytes) {
        JsonNode root;
        try {
            String text = new String(bytes == null ? new byte[0] : bytes, StandardCharsets.UTF_8);
            root = MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JacksonException e) {
            throw new InvalidInputException("file", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("file", "must be a JSON object with assumptions and decisionPoints");
        }
        known(root, TOP, "");
        if (root.has("format") && !FORMAT.equals(root.get("format").asString(""))) {
            throw new InvalidInputException("format", "must be " + FORMAT + " when given");
        }
        List<String> assumptions = strings(root.path("assumptions"), "assumptions");
        JsonNode points = root.path("decisionPoints");
        if (!points.isMissingNode() && !points.isArray()) {
            throw new InvalidInputException("decisionPoints", "must be an array");
        }
        List<DecisionPoint> read = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            read.add(point(points.get(i), i));
        }
        return new DecisionPointSet(assumptions, read);
    }

    static String write(DecisionPointSet set, Map<String, Object> header) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        header.forEach((k, v) -> {
            if (v instanceof Integer i) {
                root.put(k, i);
            } else {
                root.put(k, String.valueOf(v));
            }
        });
        ArrayNode assumptions = root.putArray("assumptions");
        set.assumptions().forEach(assumptions::add);
        ArrayNode points = root.putArray("decisionPoints");
        for (DecisionPoint p : set.decisionPoints()) {
            ObjectNode n = points.addObject();
            n.put("key", p.key());
            n.put("title", p.title());
            Indicator i = p.indicator();
            ObjectNode indicator = n.putObject("indicator");
            indicator.put("kind", i.kind().name());
            putIf(indicator, "subject", i.subject());
            putIf(indicator, "event", i.event());
            if (i.outOf() != null) {
                indicator.put("outOf", i.outOf());
            }
            if (i.minConfidence() != Confidence.LOW) {
                indicator.put("minConfidence", i.minConfidence().name());
            }
            if (i.threshold() != null) {
                n.put("threshold", i.threshold());
            } else if (i.posture() != null) {
                n.put("threshold", i.posture().name());
            }
            ArrayNode actions = n.putArray("actions");
            p.actions().forEach(actions::add);
            n.put("decideWithinHours", p.decideWithinHours());
            if (p.location() != null) {
                ObjectNode l = n.putObject("location");
                l.put("name", p.location().name());
                l.put("lat", p.location().lat());
                l.put("lon", p.location().lon());
            }
            n.put("classification", p.classification().name());
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static DecisionPoint point(JsonNode n, int index) {
        String key =
                n != null && n.path("key").isString() ? n.get("key").asString().trim() : null;
        String prefix = "decisionPoints[" + (key == null || key.isEmpty() ? String.valueOf(index) : key) + "]";
        return within(prefix, () -> {
            if (!n.isObject()) {
                throw new InvalidInputException("", "must be an object");
            }
            known(n, POINT, "");
            JsonNode i = n.path("indicator");
            if (!i.isObject()) {
                throw new InvalidInputException("indicator", "is required: an object with kind and its fields");
            }
            known(i, INDICATOR, "indicator.");
            IndicatorKind kind = kind(string(i, "kind", "indicator.kind"));
            JsonNode threshold = n.path("threshold");
            boolean posture = kind == IndicatorKind.MISSION_POSTURE;
            if (!threshold.isMissingNode() && !threshold.isNull() && threshold.isNumber() == posture) {
                throw new InvalidInputException(
                        "threshold", posture ? "must be a posture name for MISSION_POSTURE" : "must be a number");
            }
            String minConfidence = string(i, "minConfidence", "indicator.minConfidence");
            Indicator indicator = new Indicator(
                    kind,
                    string(i, "subject", "indicator.subject"),
                    string(i, "event", "indicator.event"),
                    threshold.isNumber() ? threshold.decimalValue() : null,
                    posture && threshold.isString() ? MissionPosture.parse("threshold", threshold.asString()) : null,
                    integer(i, "outOf", "indicator.outOf"),
                    minConfidence == null ? null : Confidence.parse("indicator.minConfidence", minConfidence));
            Integer hours = integer(n, "decideWithinHours", "decideWithinHours");
            if (hours == null) {
                throw new InvalidInputException(
                        "decideWithinHours", "is required (1 to " + DecisionPoint.MAX_HOURS + ")");
            }
            String classification = string(n, "classification", "classification");
            return new DecisionPoint(
                    string(n, "key", "key"),
                    string(n, "title", "title"),
                    indicator,
                    strings(n.path("actions"), "actions"),
                    hours,
                    location(n.path("location")),
                    classification == null ? null : Classification.parse(classification));
        });
    }

    private static Location location(JsonNode l) {
        if (l.isMissingNode() || l.isNull()) {
            return null;
        }
        if (!l.isObject()) {
            throw new InvalidInputException("location", "must be an object with name, lat and lon");
        }
        known(l, LOCATION, "location.");
        for (String f : List.of("lat", "lon")) {
            if (!l.path(f).isNumber()) {
                throw new InvalidInputException("location." + f, "must be a number of degrees");
            }
        }
        return new Location(
                string(l, "name", "location.name"),
                l.get("lat").asDouble(),
                l.get("lon").asDouble());
    }

    private static IndicatorKind kind(String text) {
        for (IndicatorKind k : IndicatorKind.values()) {
            if (k.name().equals(text)) {
                return k;
            }
        }
        throw new InvalidInputException(
                "indicator.kind", "must be COUNT, EVENT, LEVEL or MISSION_POSTURE (got '" + text + "')");
    }

    private static String string(JsonNode node, String name, String field) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return v.asString();
    }

    private static Integer integer(JsonNode node, String name, String field) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidInputException(field, "must be a whole number");
        }
        return v.asInt();
    }

    private static List<String> strings(JsonNode array, String field) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidInputException(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isString()) {
                throw new InvalidInputException(field + "[" + i + "]", "must be a string");
            }
            values.add(array.get(i).asString());
        }
        return values;
    }

    private static void known(JsonNode node, Set<String> fields, String prefix) {
        for (String name : node.propertyNames()) {
            if (!fields.contains(name)) {
                throw new InvalidInputException(prefix + name, "is not a field of this format; known: " + fields);
            }
        }
    }

    private static void putIf(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** Runs {@code work}, prefixing the field of any refusal with {@code prefix}. */
    static <T> T within(String prefix, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            String field = e.field().isEmpty() ? prefix : prefix + "." + e.field();
            throw new InvalidInputException(field, e.reason());
        }
    }
}
