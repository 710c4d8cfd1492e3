package org.muster.decisionpoints;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates decision points over observations in time order. Pure: no database, no Spring; "now" is
 * the given {@link Clock}, and observations observed after now are not yet known. An indicator is
 * crossed each time its condition turns from false to true; the observation that turned it is the
 * crossing, and the decision must be taken within the decision point's hours of that observation.
 */
final class Evaluator {
    private static final Comparator<ObservationLike> ORDER = Comparator.comparing(ObservationLike::observedAt);

    private final Clock clock;

    Evaluator(Clock clock) {
        this.clock = clock;
    }

    /** The state of each point now, in the points' order. */
    List<IndicatorState> evaluate(List<DecisionPoint> points, List<? extends ObservationLike> observations) {
        Known known = known(observations);
        return points.stream().map(p -> state(p, known)).toList();
    }

    IndicatorState evaluate(DecisionPoint point, List<? extends ObservationLike> observations) {
        return state(point, known(observations));
    }

    IndicatorState evaluate(DecisionPoint point, Known known) {
        return state(point, known);
    }

    /** Every crossing of every point, in time order (a point may cross again after falling back). */
    List<ReplayedCrossing> replay(List<DecisionPoint> points, List<? extends ObservationLike> observations) {
        Known known = known(observations);
        List<ReplayedCrossing> all = new ArrayList<>();
        for (DecisionPoint p : points) {
            Tracker t = new Tracker(p.indicator());
            boolean was = false;
            for (Seen s : known.concerning(p.indicator())) {
                if (t.accept(s)) {
                    boolean now = t.crossed();
                    if (now && !was) {
                        ObservationLike o = s.observation();
                        all.add(new ReplayedCrossing(
                                p.key(),
                                p.title(),
                                t.display(),
                                o.observedAt(),
                                o.observedAt().plus(p.decideWithin()),
                                o));
                    }
                    was = now;
                }
            }
        }
        all.sort(Comparator.comparing(ReplayedCrossing::crossedAt));
        return all;
    }

    /**
     * The indicator's value at the end of each of {@code days} days ending with {@code lastDay} in
     * {@code zone}, oldest first; null where nothing had been reported yet.
     */
    List<BigDecimal> daily(
            DecisionPoint point,
            List<? extends ObservationLike> observations,
            LocalDate lastDay,
            int days,
            ZoneId zone) {
        return daily(point, known(observations), lastDay, days, zone);
    }

    List<BigDecimal> daily(DecisionPoint point, Known known, LocalDate lastDay, int days, ZoneId zone) {
        List<Seen> concerning = known.concerning(point.indicator());
        Tracker t = new Tracker(point.indicator());
        List<BigDecimal> series = new ArrayList<>();
        int next = 0;
        for (LocalDate day = lastDay.minusDays(days - 1L); !day.isAfter(lastDay); day = day.plusDays(1)) {
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            while (next < concerning.size()
                    && concerning.get(next).observation().observedAt().isBefore(end)) {
                t.accept(concerning.get(next++));
            }
            series.add(t.value());
        }
        return series;
    }

    private IndicatorState state(DecisionPoint p, Known known) {
        Tracker t = new Tracker(p.indicator());
        ObservationLike crossing = null;
        for (Seen s : known.concerning(p.indicator())) {
            boolean was = t.crossed();
            if (t.accept(s)) {
                if (t.crossed() && !was) {
                    crossing = s.observation();
                } else if (!t.crossed()) {
                    crossing = null;
                }
            }
        }
        Instant at = crossing == null ? null : crossing.observedAt();
        return new IndicatorState(
                p.key(),
                t.value(),
                t.display(),
                crossing != null,
                at,
                at == null ? null : at.plus(p.decideWithin()),
                crossing);
    }

    /** The observations known now (observed at or before the clock's instant), in time order. */
    Known known(List<? extends ObservationLike> observations) {
        Instant now = clock.instant();
        List<ObservationLike> known = new ArrayList<>();
        for (ObservationLike o : observations) {
            if (!o.observedAt().isAfter(now)) {
                known.add(o);
            }
        }
        known.sort(ORDER);
        return new Known(known);
    }

    /** An observation with its subject and event normalised ({@link Indicator#normalise}) once. */
    private record Seen(ObservationLike observation, String subject, String event) {}

    /**
     * Known observations in time order, indexed by normalised event and subject. An indicator only
     * takes observations of its event (COUNT) or of its subject (the other kinds), so each decision
     * point walks those alone, in the same order, with the same result as a walk over all of them.
     */
    static final class Known {
        private final Map<String, List<Seen>> byEvent = new HashMap<>();
        private final Map<String, List<Seen>> bySubject = new HashMap<>();

        private Known(List<ObservationLike> inOrder) {
            for (ObservationLike o : inOrder) {
                Seen s = new Seen(o, Indicator.normalise(o.subject()), Indicator.normalise(o.event()));
                byEvent.computeIfAbsent(s.event(), k -> new ArrayList<>()).add(s);
                bySubject.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(s);
            }
        }

        private List<Seen> concerning(Indicator indicator) {
            return indicator.kind() == IndicatorKind.COUNT
                    ? byEvent.getOrDefault(Indicator.normalise(indicator.event()), List.of())
                    : bySubject.getOrDefault(Indicator.normalise(indicator.subject()), List.of());
        }
    }

    /** The running state of one indicator as observations arrive. */
    private static final class Tracker {
        private final Indicator indicator;
        private final String subject;
        private final String event;
        private final Set<String> subjects = new HashSet<>();
        private boolean seen;
        private BigDecimal latest;
        private MissionPosture posture;

        Tracker(Indicator indicator) {
            this.indicator = indicator;
            this.subject = Indicator.normalise(indicator.subject());
            this.event = Indicator.normalise(indicator.event());
        }

        /** Takes the observation into account; false when it does not concern this indicator. */
        boolean accept(Seen report) {
            ObservationLike o = report.observation();
            if (o.confidence() != null && o.confidence().compareTo(indicator.minConfidence()) < 0) {
                return false;
            }
            String s = report.subject();
            String e = report.event();
            switch (indicator.kind()) {
                case COUNT -> {
                    if (!e.equals(event)) {
                        return false;
                    }
                    subjects.add(s);
                }
                case EVENT -> {
                    if (!s.equals(subject) || !e.equals(event)) {
                        return false;
                    }
                    seen = true;
                }
                case LEVEL -> {
                    if (!s.equals(subject) || o.value() == null || (!event.isEmpty() && !e.equals(event))) {
                        return false;
                    }
                    latest = o.value();
                }
                case MISSION_POSTURE -> {
                    var reported = MissionPosture.find(o.event());
                    if (!s.equals(subject) || reported.isEmpty()) {
                        return false;
                    }
                    posture = reported.get();
                }
            }
            return true;
        }

        boolean crossed() {
            return switch (indicator.kind()) {
                case COUNT -> subjects.size() >= indicator.threshold().intValueExact();
                case EVENT -> seen;
                case LEVEL -> latest != null && latest.compareTo(indicator.threshold()) >= 0;
                case MISSION_POSTURE -> posture != null && posture.compareTo(indicator.posture()) >= 0;
            };
        }

        BigDecimal value() {
            return switch (indicator.kind()) {
                case COUNT -> BigDecimal.valueOf(subjects.size());
                case EVENT -> seen ? BigDecimal.ONE : BigDecimal.ZERO;
                case LEVEL -> latest;
                case MISSION_POSTURE -> posture == null ? null : BigDecimal.valueOf(posture.ordinal());
            };
        }

        String display() {
            return switch (indicator.kind()) {
                case COUNT -> subjects.size() + (indicator.outOf() == null ? "" : " of " + indicator.outOf());
                case EVENT -> seen ? "reported" : "not reported";
                case LEVEL -> latest == null ? "no figure reported" : latest.toPlainString();
                case MISSION_POSTURE -> posture == null ? "none reported" : posture.label();
            };
        }
    }
}
