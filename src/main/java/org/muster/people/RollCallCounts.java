package org.muster.people;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts a roll-call's members into {@link RollCallFigures}: two grouped queries, whatever its size. */
@Component
class RollCallCounts {
    private final JdbcClient jdbc;

    RollCallCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures now; {@code onlyLocations} null counts everyone, otherwise the members in those locations. */
    RollCallFigures figures(
            long rollCallId, OffsetDateTime startedAt, OffsetDateTime until, List<String> onlyLocations) {
        boolean everyone = onlyLocations == null;
        String[] locations = everyone ? new String[0] : onlyLocations.toArray(String[]::new);
        Map<CheckInStatus, Long> byStatus = new EnumMap<>(CheckInStatus.class);
        for (CheckInStatus s : CheckInStatus.values()) {
            byStatus.put(s, 0L);
        }
        long[] totals = new long[6]; // members, accounted, com, com accounted, self, others
        jdbc.sql("select status, chief_of_mission, coalesce(self_reported, false), count(*) from roll_call_member"
                        + " where roll_call_id = ? and (? or location = any(?)) group by 1, 2, 3")
                .params(rollCallId, everyone, locations)
                .query(rs -> {
                    CheckInStatus status = CheckInStatus.valueOf(rs.getString(1));
                    boolean com = rs.getBoolean(2);
                    boolean self = rs.getBoolean(3);
                    long n = rs.getLong(4);
                    byStatus.merge(status, n, Long::sum);
                    totals[0] += n;
                    totals[2] += com ? n : 0;
                    if (status.accounted()) {
                        totals[1] += n;
                        totals[3] += com ? n : 0;
                        totals[self ? 4 : 5] += n;
                    }
                });
        List<RollCallFigures.Point> curve = new ArrayList<>();
        curve.add(new RollCallFigures.Point(0, 0, 0));
        long[] running = new long[2];
        jdbc.sql("select greatest(0, ceil(extract(epoch from m.first_accounted_at - r.started_at) / 60))::int,"
                        + " count(*), count(*) filter (where m.chief_of_mission)"
                        + " from roll_call_member m join roll_call r on r.id = m.roll_call_id"
                        + " where m.roll_call_id = ? and m.status <> 'UNKNOWN' and m.first_accounted_at is not null"
                        + " and (? or m.location = any(?)) group by 1 order by 1")
                .params(rollCallId, everyone, locations)
                .query(rs -> {
                    running[0] += rs.getLong(2);
                    running[1] += rs.getLong(3);
                    int minute = rs.getInt(1);
                    if (minute == 0) {
                        curve.set(0, new RollCallFigures.Point(0, running[0], running[1]));
                    } else {
                        curve.add(new RollCallFigures.Point(minute, running[0], running[1]));
                    }
                });
        int now = (int) Math.max(0, Duration.between(startedAt, until).toMinutes());
        if (now > curve.get(curve.size() - 1).minute()) {
            curve.add(new RollCallFigures.Point(now, running[0], running[1]));
        }
        return new RollCallFigures(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], byStatus, curve);
    }
}
