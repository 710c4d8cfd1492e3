package org.muster.decisionpoints;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.muster.shared.InvalidInputException;

/**
 * What a decision point watches and when it is crossed. Which fields apply depends on the kind:
 *
 * <ul>
 *   <li>{@code COUNT}: {@code event} and a whole {@code threshold} of at least 1; crossed when that
 *       many distinct subjects have been reported with the event. {@code outOf} (optional) is the
 *       number of subjects there are, for display ("17 of 34").
 *   <li>{@code EVENT}: {@code subject} and {@code event}; crossed when the subject is reported with it.
 *   <li>{@code LEVEL}: {@code subject}, a {@code threshold}, optionally an {@code event} that the
 *       reports must name; crossed when the latest reported value is at or above the threshold.
 *   <li>{@code MISSION_POSTURE}: {@code subject} (the other mission) and a {@code posture}; crossed
 *       when the mission's latest reported posture is that one or a later one.
 * </ul>
 *
 * Subjects and events match ignoring case and surrounding or repeated spaces. Observations below
 * {@code minConfidence} (default LOW, so all) are not counted. Fields that do not apply are refused.
 */
public record Indicator(
        IndicatorKind kind,
        String subject,
        String event,
        BigDecimal threshold,
        MissionPosture posture,
        Integer outOf,
        Confidence minConfidence) {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Indicator {
        if (kind == null) {
            throw new InvalidInputException("indicator.kind", "is required: COUNT, EVENT, LEVEL or MISSION_POSTURE");
        }
        subject = text("indicator.subject", subject, 200);
        event = text("indicator.event", event, 100);
        minConfidence = minConfidence == null ? Confidence.LOW : minConfidence;
        boolean needsSubject = kind != IndicatorKind.COUNT;
        boolean needsEvent = kind == IndicatorKind.COUNT || kind == IndicatorKind.EVENT;
        require("indicator.subject", subject != null, needsSubject, kind);
        if (needsEvent && event == null) {
            throw new InvalidInputException("indicator.event", "is required for " + kind);
        }
        if (event != null && kind == IndicatorKind.MISSION_POSTURE) {
            throw new InvalidInputException(
                    "indicator.event", "does not apply to MISSION_POSTURE (the posture is the threshold)");
        }
        boolean numeric = kind == IndicatorKind.COUNT || kind == IndicatorKind.LEVEL;
        if (kind == IndicatorKind.EVENT && (threshold != null || posture != null)) {
            throw new InvalidInputException("threshold", "does not apply to EVENT (the event itself is the threshold)");
        }
        if (numeric && (threshold == null || posture != null)) {
            throw new InvalidInputException("threshold", "must be a number for " + kind);
        }
        if (kind == IndicatorKind.MISSION_POSTURE && (posture == null || threshold != null)) {
            throw new InvalidInputException(
                    "threshold",
                    "must be a posture for MISSION_POSTURE: AUTHORIZED_DEPARTURE, ORDERED_DEPARTURE or SUSPENSION");
        }
        if (kind == IndicatorKind.COUNT
                && (threshold.signum() <= 0 || threshold.stripTrailingZeros().scale() > 0)) {
            throw new InvalidInputException("threshold", "must be a whole number of at least 1 for COUNT");
        }
        if (outOf != null && kind != IndicatorKind.COUNT) {
            throw new InvalidInputException("indicator.outOf", "applies to COUNT only");
        }
        if (outOf != null && (outOf < 1 || BigDecimal.valueOf(outOf).compareTo(threshold) < 0)) {
            throw new InvalidInputException("indicator.outOf", "must be at least the threshold");
        }
        if (kind == IndicatorKind.COUNT) {
            threshold = threshold.stripTrailingZeros().setScale(0);
        }
    }

    public static Indicator count(String event, int threshold, Integer outOf) {
        return new Indicator(IndicatorKind.COUNT, null, event, BigDecimal.valueOf(threshold), null, outOf, null);
    }

    public static Indicator event(String subject, String event) {
        return new Indicator(IndicatorKind.EVENT, subject, event, null, null, null, null);
    }

    public static Indicator level(String subject, String event, BigDecimal threshold) {
        return new Indicator(IndicatorKind.LEVEL, subject, event, threshold, null, null, null);
    }

    public static Indicator missionPosture(String mission, MissionPosture posture) {
        return new Indicator(IndicatorKind.MISSION_POSTURE, mission, null, null, posture, null, null);
    }

    /** The threshold as a person reads it: "17 of 34", "reported", "4.5", "Ordered departure". */
    public String describeThreshold() {
        return switch (kind) {
            case COUNT -> threshold.toPlainString() + (outOf == null ? "" : " of " + outOf);
            case EVENT -> "reported";
            case LEVEL -> threshold.toPlainString();
            case MISSION_POSTURE -> posture.label() + " or later";
        };
    }

    /** What is watched, in words: "subjects reported 'fell'", "Mazar-i-Sharif reported 'fell'". */
    public String describe() {
        return switch (kind) {
            case COUNT -> "subjects reported '" + event + "'";
            case EVENT -> subject + " reported '" + event + "'";
            case LEVEL -> subject + (event == null ? "" : " '" + event + "'") + ", latest figure";
            case MISSION_POSTURE -> subject + ", latest posture";
        };
    }

    /** Subjects and events compare ignoring case and spacing. */
    public static String normalise(String text) {
        return text == null ? "" : SPACES.matcher(text.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
        return trimmed;
    }

    private static void require(String field, boolean present, boolean applies, IndicatorKind kind) {
        if (applies && !present) {
            throw new InvalidInputException(field, "is required for " + kind);
        }
        if (!applies && present) {
            throw new InvalidInputException(field, "does not apply to " + kind);
        }
    }
}
