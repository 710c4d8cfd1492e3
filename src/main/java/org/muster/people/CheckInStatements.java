package org.muster.people;

/**
 * The SQL of the check-in paths, kept together because their cost is measured against PostgreSQL
 * itself (bench/ runs the same statements under pgbench).
 *
 * <p>A member's status is always the one of their latest report: {@code (reported_at, id)} orders
 * reports, so two check-ins of one person racing from two sources end in the later one whichever
 * commits first (the second update waits for the first and re-checks the condition on the row it
 * wrote), and both stay in {@code check_in}. Check-ins hold a key-share lock on the roll-call row;
 * closing takes {@code for update} on it, so no check-in slips in after the result is frozen.
 */
final class CheckInStatements {
    private CheckInStatements() {}

    /**
     * One check-in in one statement. Parameters: 1 id (uuid), 2 status, 3 channel, 4 reported by,
     * 5 reported at, 6 received at, 7 note (null), 8 roll-call id, 9 post id, 10 person id,
     * 11 reported at again, 12 everyone (false holds the reporter to the warden's locations),
     * 13 post id again, 14 the reporter's user id.
     * Returns the stored check-in and whether it became the current status; no row when nothing was
     * inserted (a replayed id, a closed or unknown roll-call, a person outside it or outside the
     * warden's locations, a report from before the start).
     */
    static final String APPLY_ONE = """
            with ins as (
                insert into check_in (id, roll_call_id, person_id, status, channel, reported_by, reported_at,
                                      received_at, note)
                select ?, m.roll_call_id, m.person_id, ?, ?, ?, ?, ?, ?
                from roll_call r join roll_call_member m on m.roll_call_id = r.id
                where r.id = ? and r.post_id = ? and r.closed_at is null and m.person_id = ?
                  and ?::timestamptz >= r.started_at - interval '5 minutes'
                  and (? or m.location in (select w.location from warden_assignment w
                                           where w.post_id = ? and w.user_id = ?))
                for key share of r
                on conflict (id) do nothing
                returning *
            ), upd as (
                update roll_call_member m
                set status = ins.status, channel = ins.channel, reported_by = ins.reported_by,
                    self_reported = ins.channel = 'SELF', reported_at = ins.reported_at, last_check_in = ins.id,
                    first_accounted_at = coalesce(m.first_accounted_at,
                                                  case when ins.status <> 'UNKNOWN' then ins.reported_at end)
                from ins
                where m.roll_call_id = ins.roll_call_id and m.person_id = ins.person_id
                  and (m.reported_at is null or (m.reported_at, m.last_check_in) < (ins.reported_at, ins.id))
                returning m.person_id
            )
            select ins.*, exists (select 1 from upd) as applied from ins""";

    /** Why {@link #APPLY_ONE} inserted nothing. Parameters: person id, roll-call id, post id. */
    static final String DIAGNOSE = """
            select r.started_at, r.closed_at, m.person_id is not null as member, m.location
            from roll_call r left join roll_call_member m on m.roll_call_id = r.id and m.person_id = ?
            where r.id = ? and r.post_id = ?""";

    /** A batch, first statement: the roll-call, share-locked against closing. Parameters: roll-call id, post id. */
    static final String LOCK_ROLL_CALL =
            "select started_at, closed_at from roll_call where id = ? and post_id = ? for key share";

    /**
     * A batch, second statement: the members it names, locked in person order so that concurrent
     * batches never deadlock. Parameters: roll-call id, person ids (bigint[]).
     */
    static final String LOCK_MEMBERS = "select person_id, location from roll_call_member"
            + " where roll_call_id = ? and person_id = any(?) order by person_id for no key update";

    /** Stored check-ins by id, with their post. Parameter: ids (text[] of UUIDs). */
    static final String FIND = "select c.*, r.post_id from check_in c join roll_call r on r.id = c.roll_call_id"
            + " where c.id = any(?::uuid[])";

    /**
     * A batch, last statement: inserts every check-in and applies each person's latest one. Parameters:
     * ids (text[] of UUIDs), person ids (bigint[]), statuses, channels (text[]), reported at (text[] of
     * ISO-8601 instants), notes (text[], nulls allowed), roll-call id, reported by, received at, roll-call
     * id again. Returns how many were inserted and the people whose status changed.
     */
    static final String APPLY_BATCH = """
            with input as (
                select * from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                    as t(id, person_id, status, channel, reported_at, note)
            ), ins as (
                insert into check_in (id, roll_call_id, person_id, status, channel, reported_by, reported_at,
                                      received_at, note)
                select id, ?, person_id, status, channel, ?, reported_at, ?, note from input
                on conflict (id) do nothing
                returning id, person_id, status, channel, reported_by, reported_at
            ), latest as (
                select distinct on (person_id) * from ins order by person_id, reported_at desc, id desc
            ), upd as (
                update roll_call_member m
                set status = l.status, channel = l.channel, reported_by = l.reported_by,
                    self_reported = l.channel = 'SELF', reported_at = l.reported_at, last_check_in = l.id,
                    first_accounted_at = coalesce(m.first_accounted_at,
                                                  case when l.status <> 'UNKNOWN' then l.reported_at end)
                from latest l
                where m.roll_call_id = ? and m.person_id = l.person_id
                  and (m.reported_at is null or (m.reported_at, m.last_check_in) < (l.reported_at, l.id))
                returning m.person_id
            )
            select (select count(*) from ins) as recorded,
                   coalesce((select array_agg(person_id order by person_id) from upd), '{}') as applied""";
}
