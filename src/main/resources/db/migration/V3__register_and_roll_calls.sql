-- The register in full: flags, household relationships, citizenship, intent, whereabouts.
alter table person
    add column emergency_staff     boolean not null default false,
    add column tdy_arrival         date,
    add column tdy_departure       date,
    add column relationship        text check (relationship in (
        'HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'SIBLING', 'OTHER_RELATIVE', 'OTHER')),
    add column unaccompanied_minor boolean not null default false,
    add column citizenship         text not null default 'UNKNOWN'
        check (citizenship in ('VERIFIED', 'CLAIMED', 'DISPROVED', 'UNKNOWN')),
    add column intent              text not null default 'UNKNOWN'
        check (intent in ('LEAVE', 'STAY', 'UNDECIDED', 'UNKNOWN')),
    add column location            text check (length(location) <= 200),
    add column last_contact_at     timestamptz,
    add column updated_at          timestamptz,
    add constraint person_tdy_dates check (tdy_departure is null or tdy_arrival is null or tdy_departure >= tdy_arrival);
create index person_post_location on person (post_id, location);

-- A list people come from (HR, registrations, a sponsor's spreadsheet), with its column mapping.
create table import_source (
    id         bigint generated always as identity primary key,
    post_id    bigint not null references post (id),
    name       text not null check (length(btrim(name)) between 1 and 100),
    mapping    jsonb not null default '{}',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (post_id, name)
);

-- One uploaded file. Its bytes stay in the database so any node can preview, commit or re-read it.
create table import_file (
    id            bigint generated always as identity primary key,
    post_id       bigint not null references post (id),
    source_id     bigint not null references import_source (id),
    filename      text not null,
    sha256        text not null,
    format        text not null check (format in ('CSV', 'XLSX')),
    encoding      text,
    content       bytea not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null,
    status        text not null check (status in ('PREVIEWED', 'COMMITTED')),
    committed_at  timestamptz,
    rows_total    integer,
    rows_added    integer,
    rows_updated  integer,
    rows_rejected integer
);
create index import_file_post on import_file (post_id, id desc);

-- A source's own key for a person or household: re-importing a list finds the same person again.
create table person_key (
    source_id  bigint not null references import_source (id),
    source_key text not null,
    person_id  bigint not null references person (id),
    primary key (source_id, source_key)
);
create index person_key_person on person_key (person_id);

create table household_key (
    source_id    bigint not null references import_source (id),
    source_key   text not null,
    household_id bigint not null references household (id),
    primary key (source_id, source_key)
);

-- Provenance: which row of which file said what about a person (fields names the facts it gave).
create table person_source (
    person_id  bigint not null references person (id),
    import_id  bigint not null references import_file (id),
    row_number integer not null,
    fields     text[] not null,
    primary key (person_id, import_id, row_number)
);
create index person_source_import on person_source (import_id);

-- Rows an import refused, kept with their values and reasons until corrected and re-submitted.
create table import_rejection (
    import_id   bigint not null references import_file (id),
    row_number  integer not null,
    row_values  jsonb not null,
    errors      jsonb not null,
    resolved_at timestamptz,
    resolved_by text,
    person_id   bigint references person (id),
    primary key (import_id, row_number)
);
create index import_rejection_open on import_rejection (import_id) where resolved_at is null;

create table contact_point (
    id            bigint generated always as identity primary key,
    person_id     bigint not null references person (id),
    kind          text not null check (kind in ('EMAIL', 'PHONE')),
    value         text not null check (length(btrim(value)) between 1 and 200),
    last_verified date,
    import_id     bigint references import_file (id),
    row_number    integer,
    unique (person_id, kind, value)
);

create table identity_document (
    id              bigint generated always as identity primary key,
    person_id       bigint not null references person (id),
    kind            text not null check (kind in ('PASSPORT', 'NATIONAL_ID', 'VISA', 'OTHER')),
    number          text not null check (length(btrim(number)) between 1 and 50),
    issuing_country text check (issuing_country ~ '^[A-Z]{2}$'),
    expires         date,
    import_id       bigint references import_file (id),
    row_number      integer,
    unique (person_id, kind, number)
);

-- Category and location over time, for head-counts as of any past instant. Append-only.
create table person_state (
    person_id        bigint not null references person (id),
    valid_from       timestamptz not null,
    post_id          bigint not null references post (id),
    category         text not null,
    chief_of_mission boolean not null,
    location         text,
    primary key (person_id, valid_from)
);
create index person_state_post on person_state (post_id, valid_from);

insert into person_state (person_id, valid_from, post_id, category, chief_of_mission, location)
select id, created_at, post_id, category, chief_of_mission, location from person;

-- Wardens see and answer for the people in the locations assigned to them.
create table warden_assignment (
    post_id  bigint not null references post (id),
    user_id  bigint not null references app_user (id) on delete cascade,
    location text not null,
    primary key (post_id, user_id, location)
);

-- Roll-calls (musters): the scope is fixed into members when it starts.
create table roll_call (
    id             bigint generated always as identity primary key,
    post_id        bigint not null references post (id),
    title          text not null check (length(btrim(title)) between 1 and 200),
    scope          jsonb not null,
    target_percent integer not null default 100 check (target_percent between 1 and 100),
    target_minutes integer not null default 60 check (target_minutes between 1 and 10080),
    started_at     timestamptz not null,
    started_by     text not null,
    closed_at      timestamptz,
    closed_by      text,
    result         jsonb
);
create index roll_call_post on roll_call (post_id, id desc);

create table roll_call_member (
    roll_call_id       bigint not null references roll_call (id),
    person_id          bigint not null references person (id),
    chief_of_mission   boolean not null,
    location           text,
    status             text not null default 'UNKNOWN'
        check (status in ('UNKNOWN', 'SAFE', 'NEEDS_HELP', 'NOT_AT_POST', 'DEPARTED')),
    channel            text,
    reported_by        text,
    self_reported      boolean,
    reported_at        timestamptz,
    last_check_in      uuid,
    first_accounted_at timestamptz,
    primary key (roll_call_id, person_id)
);
create index roll_call_member_status on roll_call_member (roll_call_id, status);

-- Every check-in as received; the id is the client's, so a retried request is recognised.
create table check_in (
    id           uuid primary key,
    roll_call_id bigint not null,
    person_id    bigint not null,
    status       text not null check (status in ('UNKNOWN', 'SAFE', 'NEEDS_HELP', 'NOT_AT_POST', 'DEPARTED')),
    channel      text not null check (channel in ('SELF', 'WARDEN', 'GATE', 'OFFICER', 'API')),
    reported_by  text not null,
    reported_at  timestamptz not null,
    received_at  timestamptz not null,
    note         text check (length(note) <= 500),
    foreign key (roll_call_id, person_id) references roll_call_member (roll_call_id, person_id)
);
create index check_in_member on check_in (roll_call_id, person_id, reported_at);
