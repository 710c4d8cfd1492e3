-- Posts: every record in Muster belongs to one.
create table post (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Z]{3,5}$'),
    name        text not null check (length(btrim(name)) between 1 and 200),
    kind        text not null check (kind in ('EMBASSY', 'CONSULATE_GENERAL', 'CONSULATE', 'MISSION')),
    country     text not null check (length(btrim(country)) between 1 and 100),
    time_zone   text not null,
    created_at  timestamptz not null
);

-- Local accounts. Roles and clearance belong to the user; membership says which posts they may see.
create table app_user (
    id                   bigint generated always as identity primary key,
    username             text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name         text not null check (length(btrim(display_name)) between 1 and 200),
    password_hash        text not null,
    roles                text[] not null check (cardinality(roles) > 0),
    clearance            text not null check (clearance in ('UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET')),
    enabled              boolean not null default true,
    must_change_password boolean not null default false,
    failed_attempts      integer not null default 0,
    locked_until         timestamptz,
    created_at           timestamptz not null
);

create table post_membership (
    user_id bigint not null references app_user (id) on delete cascade,
    post_id bigint not null references post (id),
    primary key (user_id, post_id)
);
create index post_membership_post on post_membership (post_id);

-- Personal API tokens: only a SHA-256 of the secret is stored.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    name         text not null check (length(btrim(name)) between 1 and 100),
    token_hash   text not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Append-only, hash-chained audit log. seq is gap-free: it is assigned under an advisory lock.
create table audit_entry (
    seq        bigint primary key,
    at         timestamptz not null,
    actor      text not null,
    post_id    bigint references post (id),
    action     text not null,
    summary    text not null,
    prev_hash  text not null,
    hash       text not null
);
create index audit_entry_post on audit_entry (post_id, seq desc);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op;
end
$$;
create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- One row per run of a cluster-wide scheduled job and time slot: the primary key makes it run once.
create table job_run (
    job        text not null,
    slot       timestamptz not null,
    node       text not null,
    started_at timestamptz not null,
    outcome    text,
    primary key (job, slot)
);

-- Spring Session JDBC (sessions shared by every node).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Spring Modulith event publication registry (schema v2).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
