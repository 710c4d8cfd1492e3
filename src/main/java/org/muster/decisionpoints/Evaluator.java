package org.muster.decisionpoints;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
        List<ObservationLike> known = known(observations);
        return points.stream().map(p -> state(p, known)).toList();
    }

    IndicatorState evaluate(DecisionPoint point, List<? extends ObservationLike> observations) {
        return state(point, known(observations));
    }

    /** Every crossing of every point, in time order (a point may cross again after falling back). */
    List<ReplayedCrossing> replay(List<DecisionPoint> points, List<? extends ObservationLike> observations) {
        List<ObservationLike> known = known(observations);
        List<ReplayedCrossing> all = new ArrayList<>();
        for (DecisionPoint p : points) {
            Tracker t = new Tracker(p.indicator());
            boolean was = false;
            for (ObservationLike o : known) {
                if (t.accept(o)) {
                    boolean now = t.crossed();
                    if (now && !was) {
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
        List<ObservationLike> known = known(observations);
        Tracker t = new Tracker(point.indicator());
        List<BigDecimal> series = new ArrayList<>();
        int next = 0;
        for (LocalDate day = lastDay.minusDays(days - 1L); !day.isAfter(lastDay); day = day.plusDays(1)) {
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            while (next < known.size() && known.get(next).observedAt().isBefore(end)) {
                t.accept(known.get(next++));
            }
            series.add(t.value());
        }
        return series;
    }

    private IndicatorState state(DecisionPoint p, List<ObservationLike> known) {
        Tracker t = new Tracker(p.indicator());
        ObservationLike crossing = null;
        for (ObservationLike o : known) {
            boolean was = t.crossed();
            if (t.accept(o)) {
                if (t.crossed() && !was) {
                    crossing = o;
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

    private List<ObservationLike> known(List<? extends ObservationLike> observations) {
        Instant now = clock.instant();
        List<ObservationLike> known = new ArrayList<>();
        for (ObservationLike o : observations) {
            if (!o.observedAt().isAfter(now)) {
                known.add(o);
            }
        }
        known.sort(ORDER);
        return known;
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
        boolean accept(ObservationLike o) {
            if (o.confidence() != null && o.confidence().compareTo(indicator.minConfidence()) < 0) {
                return false;
            }
            String s = Indicator.normalise(o.subject());
            String e = Indicator.normalise(o.event());
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
