-- Decision points (tripwires), one saved document per version. post_id null is the Washington
-- baseline that every post's effective set includes. Versions are history: never changed or removed.
create table decision_point_set (
    id       bigint generated always as identity primary key,
    post_id  bigint references post (id),
    version  integer not null check (version > 0),
    document jsonb not null,
    saved_by text not null,
    saved_at timestamptz not null
);
create unique index decision_point_set_version on decision_point_set (coalesce(post_id, 0), version);

-- Dated reports that move indicators. Conflicting reports of one event are all kept; a report held
-- in a classified system is referenced by its handle and its text stays out (no note then).
create table observation (
    id             bigint generated always as identity primary key,
    post_id        bigint not null references post (id),
    observed_at    timestamptz not null,
    subject        text not null check (length(btrim(subject)) between 1 and 200),
    event          text not null check (length(btrim(event)) between 1 and 100),
    value          numeric,
    source         text not null check (length(btrim(source)) between 1 and 500),
    confidence     text not null check (confidence in ('LOW', 'MODERATE', 'HIGH')),
    classification text not null check (classification in ('UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET')),
    handle         text check (length(btrim(handle)) between 1 and 200),
    note           text check (length(note) <= 2000),
    origin         text check (length(origin) <= 300),
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    constraint observation_text_stays_out check (handle is null or note is null)
);
create index observation_post_time on observation (post_id, observed_at, id);

-- A decision point crossed at a post: raised once per decision point until decided. version is the
-- post's set version evaluated (0: the baseline alone); title, actions and marking as they were then.
create table decision_point_crossing (
    id               bigint generated always as identity primary key,
    post_id          bigint not null references post (id),
    key              text not null,
    version          integer not null check (version >= 0),
    title            text not null,
    actions          jsonb not null,
    classification   text not null check (classification in ('UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET')),
    value            text not null,
    crossed_at       timestamptz not null,
    decide_by        timestamptz not null,
    observation_id   bigint not null references observation (id),
    raised_at        timestamptz not null,
    status           text not null check (status in ('OPEN', 'DECIDED', 'ESCALATED')),
    decided_at       timestamptz,
    decided_by       text,
    decision_summary text check (length(decision_summary) <= 2000),
    escalated_at     timestamptz,
    constraint crossing_decided check ((status = 'DECIDED') = (decided_at is not null)),
    constraint crossing_escalated check (status <> 'ESCALATED' or escalated_at is not null)
);
create unique index decision_point_crossing_undecided on decision_point_crossing (post_id, key)
    where status <> 'DECIDED';
create index decision_point_crossing_due on decision_point_crossing (decide_by) where status = 'OPEN';
create index decision_point_crossing_post on decision_point_crossing (post_id, crossed_at);

create trigger decision_point_set_append_only
    before update or delete on decision_point_set
    for each row execute function history_is_append_only();
create trigger decision_point_set_no_truncate
    before truncate on decision_point_set
    for each statement execute function history_is_append_only();
create trigger observation_append_only
    before update or delete on observation
    for each row execute function history_is_append_only();
create trigger observation_no_truncate
    before truncate on observation
    for each statement execute function history_is_append_only();
