-- The set-based part of a list import. The rows are already checked and copied into the temporary
-- table import_stage (shaped like import_stage_template). Parameters: :post_id, :source_id,
-- :import_id, :now (timestamptz) and :today (date). The benchmark's database-only anchor runs these
-- same statements after psql \copy.

-- step: households new to this source
with fresh as (
    select distinct s.household_key from import_stage s
    where s.household_key is not null
      and not exists (select 1 from household_key hk where hk.source_id = :source_id and hk.source_key = s.household_key)),
created as (
    insert into household (post_id, name, created_at)
    select :post_id, household_key, cast(:now as timestamptz) from fresh
    returning id, name)
insert into household_key (source_id, source_key, household_id)
select :source_id, name, id from created

-- step: people this source gave before keep their ids
-- (every row got a new id and is_new as it was staged, from the stage's defaults; V18)
update import_stage s set person_id = k.person_id, is_new = false
from person_key k
where k.source_id = :source_id and k.source_key = s.source_key

-- step: analyse the staged rows
-- only the columns the later steps filter and join on (sampling the rest, the fields above all, took
-- five times as long)
analyze import_stage (is_new, person_id, household_key, email, phone, doc_number, unaccompanied_minor)

-- step: new people
insert into person (id, post_id, household_id, given_name, family_name, category, chief_of_mission,
    emergency_staff, nationality, date_of_birth, relationship, unaccompanied_minor, citizenship, intent,
    location, last_contact_at, tdy_arrival, tdy_departure, created_at, updated_at)
overriding system value
select s.person_id, :post_id, hk.household_id, coalesce(given_name, ''), family_name, category,
    coalesce(chief_of_mission, category_com), coalesce(emergency_staff, false), nationality, date_of_birth,
    relationship, coalesce(unaccompanied_minor, false), coalesce(citizenship, 'UNKNOWN'),
    coalesce(intent, 'UNKNOWN'), location, last_contact_at, tdy_arrival, tdy_departure,
    cast(:now as timestamptz), cast(:now as timestamptz)
from import_stage s
left join household_key hk on hk.source_id = :source_id and hk.source_key = s.household_key
where s.is_new

-- step: households known people leave
-- (before the move below, for the unaccompanied-minor step; a row without a household keeps its own)
update import_stage s set household_left = p.household_id
from person p, household_key hk
where p.id = s.person_id and not s.is_new
  and hk.source_id = :source_id and hk.source_key = s.household_key
  and p.household_id <> hk.household_id

-- step: facts changed for known people
update person p set
    household_id = coalesce(hk.household_id, p.household_id),
    given_name = coalesce(s.given_name, p.given_name),
    family_name = coalesce(s.family_name, p.family_name),
    category = coalesce(s.category, p.category),
    chief_of_mission = coalesce(s.chief_of_mission, case when s.category is not null then s.category_com end, p.chief_of_mission),
    emergency_staff = coalesce(s.emergency_staff, p.emergency_staff),
    nationality = coalesce(s.nationality, p.nationality),
    date_of_birth = coalesce(s.date_of_birth, p.date_of_birth),
    relationship = coalesce(s.relationship, p.relationship),
    unaccompanied_minor = coalesce(s.unaccompanied_minor, p.unaccompanied_minor),
    citizenship = coalesce(s.citizenship, p.citizenship),
    intent = coalesce(s.intent, p.intent),
    location = coalesce(s.location, p.location),
    last_contact_at = greatest(s.last_contact_at, p.last_contact_at),
    tdy_arrival = coalesce(s.tdy_arrival, p.tdy_arrival),
    tdy_departure = coalesce(s.tdy_departure, p.tdy_departure),
    updated_at = cast(:now as timestamptz)
from import_stage s
left join household_key hk on hk.source_id = :source_id and hk.source_key = s.household_key
where s.person_id = p.id and not s.is_new
  and (p.household_id, p.given_name, p.family_name, p.category, p.chief_of_mission, p.emergency_staff,
       p.nationality, p.date_of_birth, p.relationship, p.unaccompanied_minor, p.citizenship, p.intent,
       p.location, p.last_contact_at, p.tdy_arrival, p.tdy_departure)
  is distinct from
      (coalesce(hk.household_id, p.household_id), coalesce(s.given_name, p.given_name),
       coalesce(s.family_name, p.family_name), coalesce(s.category, p.category),
       coalesce(s.chief_of_mission, case when s.category is not null then s.category_com end, p.chief_of_mission),
       coalesce(s.emergency_staff, p.emergency_staff), coalesce(s.nationality, p.nationality),
       coalesce(s.date_of_birth, p.date_of_birth), coalesce(s.relationship, p.relationship),
       coalesce(s.unaccompanied_minor, p.unaccompanied_minor), coalesce(s.citizenship, p.citizenship),
       coalesce(s.intent, p.intent), coalesce(s.location, p.location),
       greatest(s.last_contact_at, p.last_contact_at), coalesce(s.tdy_arrival, p.tdy_arrival),
       coalesce(s.tdy_departure, p.tdy_departure))

-- step: this source's keys for new people
insert into person_key (source_id, source_key, person_id)
select :source_id, source_key, person_id from import_stage where is_new

-- step: provenance of every row
insert into person_source (person_id, import_id, row_number, fields)
select person_id, :import_id, row_number, fields from import_stage

-- step: contact points
insert into contact_point (person_id, kind, value, last_verified, import_id, row_number)
select person_id, 'EMAIL', email, email_verified, :import_id, row_number from import_stage where email is not null
union all
select person_id, 'PHONE', phone, phone_verified, :import_id, row_number from import_stage where phone is not null
on conflict (person_id, kind, value) do update set
    last_verified = greatest(contact_point.last_verified, excluded.last_verified),
    import_id = excluded.import_id,
    row_number = excluded.row_number

-- step: identity documents
insert into identity_document (person_id, kind, number, issuing_country, expires, import_id, row_number)
select person_id, doc_kind, doc_number, doc_country, doc_expires, :import_id, row_number
from import_stage where doc_number is not null
on conflict (person_id, kind, number) do update set
    issuing_country = coalesce(excluded.issuing_country, identity_document.issuing_country),
    expires = coalesce(excluded.expires, identity_document.expires),
    import_id = excluded.import_id,
    row_number = excluded.row_number

-- step: unaccompanied minors (a child with a known date of birth and no adult in the household)
-- the members of the households the rows name or move people out of, found through each household
-- (not by reading the whole register), each household's adults counted once over its members; and
-- the rows' children without a household
update person p set unaccompanied_minor = m.alone
from (
    select c.id, c.alone
    from (select c.id, c.date_of_birth, c.unaccompanied_minor,
                 not coalesce(bool_or(c.date_of_birth <= cast(:today as date) - interval '18 years')
                              over (partition by c.household_id), false) alone
          from (select hk.household_id from import_stage s
                join household_key hk on hk.source_id = :source_id and hk.source_key = s.household_key
                union
                -- (is_new is analysed, household_left is not: a new list's planner estimate stays nil)
                select household_left from import_stage where not is_new and household_left is not null) h
          join person c on c.household_id = h.household_id) c
    where c.date_of_birth > cast(:today as date) - interval '18 years'
      and c.unaccompanied_minor is distinct from c.alone
    union all
    select c.id, true
    from import_stage s join person c on c.id = s.person_id
    where c.household_id is null and c.date_of_birth > cast(:today as date) - interval '18 years'
      and c.unaccompanied_minor is distinct from true
    ) m
where m.id = p.id and p.unaccompanied_minor is distinct from m.alone
  and not exists (select 1 from import_stage s where s.person_id = p.id and s.unaccompanied_minor is not null)

-- step: category, location and citizenship history of new people
insert into person_state (person_id, valid_from, post_id, category, chief_of_mission, location, citizenship)
select person_id, cast(:now as timestamptz), :post_id, category, coalesce(chief_of_mission, category_com), location,
    coalesce(citizenship, 'UNKNOWN')
from import_stage where is_new

-- step: history of known people whose category, location or citizenship changed
insert into person_state (person_id, valid_from, post_id, category, chief_of_mission, location, citizenship)
select p.id, cast(:now as timestamptz), p.post_id, p.category, p.chief_of_mission, p.location, p.citizenship
from import_stage s
join person p on p.id = s.person_id
left join lateral (
    select ps.category, ps.chief_of_mission, ps.location, ps.citizenship from person_state ps
    where ps.person_id = p.id order by ps.valid_from desc limit 1) last on true
where not s.is_new
  and (last.category, last.chief_of_mission, last.location, last.citizenship)
      is distinct from (p.category, p.chief_of_mission, p.location, p.citizenship)
on conflict (person_id, valid_from) do update set
    category = excluded.category, chief_of_mission = excluded.chief_of_mission,
    location = excluded.location, citizenship = excluded.citizenship
