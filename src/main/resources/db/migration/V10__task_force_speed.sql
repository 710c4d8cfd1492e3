-- The task force's page shows the head-count of every post it follows. Counting the register for 270
-- posts (270,000 persons in the bench) took 130 to 250 ms per page view, growing with every person
-- registered; these per-post figures are kept up to date instead, by statement-level triggers in the
-- transaction that changes person, so the page reads one row per post. They count as
-- PeopleRegistry.totals did: everyone, those under chief-of-mission authority, and private U.S.
-- citizens verified and not disproved.
create table person_totals (
    post_id          bigint primary key references post (id),
    people           bigint not null,
    chief_of_mission bigint not null,
    verified         bigint not null,
    claimed          bigint not null
);

create function person_totals_count() returns trigger language plpgsql as $$
begin
    -- Rows added count +1, rows removed -1 (an update is both); posts in id order, so two
    -- statements changing the same posts lock their figures in the same order.
    if tg_op = 'INSERT' then
        insert into person_totals as t (post_id, people, chief_of_mission, verified, claimed)
        select post_id, count(*), count(*) filter (where chief_of_mission),
               count(*) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship = 'VERIFIED'),
               count(*) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship is distinct from 'DISPROVED')
        from new_rows group by post_id order by post_id
        on conflict (post_id) do update set people = t.people + excluded.people,
            chief_of_mission = t.chief_of_mission + excluded.chief_of_mission,
            verified = t.verified + excluded.verified, claimed = t.claimed + excluded.claimed;
    elsif tg_op = 'UPDATE' then
        insert into person_totals as t (post_id, people, chief_of_mission, verified, claimed)
        select post_id, sum(n), coalesce(sum(n) filter (where chief_of_mission), 0),
               coalesce(sum(n) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship = 'VERIFIED'), 0),
               coalesce(sum(n) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship is distinct from 'DISPROVED'), 0)
        from (select post_id, chief_of_mission, category, citizenship, 1 n from new_rows
              union all
              select post_id, chief_of_mission, category, citizenship, -1 n from old_rows) changed
        group by post_id
        having sum(n) <> 0 or sum(n) filter (where chief_of_mission) <> 0
            or sum(n) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship = 'VERIFIED') <> 0
            or sum(n) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship is distinct from 'DISPROVED') <> 0
        order by post_id
        on conflict (post_id) do update set people = t.people + excluded.people,
            chief_of_mission = t.chief_of_mission + excluded.chief_of_mission,
            verified = t.verified + excluded.verified, claimed = t.claimed + excluded.claimed;
    elsif tg_op = 'DELETE' then
        update person_totals t set people = t.people - o.people, chief_of_mission = t.chief_of_mission - o.com,
                                   verified = t.verified - o.verified, claimed = t.claimed - o.claimed
        from (select post_id, count(*) people, count(*) filter (where chief_of_mission) com,
                     count(*) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship = 'VERIFIED') verified,
                     count(*) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship is distinct from 'DISPROVED') claimed
              from old_rows group by post_id order by post_id) o
        where t.post_id = o.post_id;
    else
        delete from person_totals;
    end if;
    return null;
end
$$;

-- Transition tables need one trigger per event (and no column list): an update that changes no
-- counted figure (a location, a last contact) changes no row of person_totals, so takes no lock on it.
create trigger person_totals_insert after insert on person
    referencing new table as new_rows for each statement execute function person_totals_count();
create trigger person_totals_update after update on person
    referencing old table as old_rows new table as new_rows for each statement execute function person_totals_count();
create trigger person_totals_delete after delete on person
    referencing old table as old_rows for each statement execute function person_totals_count();
create trigger person_totals_truncate after truncate on person
    for each statement execute function person_totals_count();

insert into person_totals (post_id, people, chief_of_mission, verified, claimed)
select post_id, count(*), count(*) filter (where chief_of_mission),
       count(*) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship = 'VERIFIED'),
       count(*) filter (where category = 'PRIVATE_US_CITIZEN' and citizenship is distinct from 'DISPROVED')
from person group by post_id;

-- The domino picture (MissionPostures.reportedByCountry) reads, across every post followed, the
-- observations whose event names a posture (2,300 of a million on the bench, one per page of the
-- table). The index now holds every column the picture shows, so they are read from it alone, and
-- statistics on the posture name let the planner see how few they are (it guessed ten times more
-- and planned parallel workers): 30 ms became 5.
drop index observation_posture_event;
create index observation_posture_event on observation (post_id, observed_at desc, id desc)
    include (subject, event, source, confidence, classification)
    where upper(translate(btrim(event), '- ', '__')) in ('NORMAL', 'NORMAL_OPERATIONS',
        'AUTHORIZED_DEPARTURE', 'ORDERED_DEPARTURE', 'SUSPENSION', 'SUSPENSION_OF_OPERATIONS', 'SUSPENDED');
create statistics observation_posture_name on (upper(translate(btrim(event), '- ', '__'))) from observation;
analyze observation;
