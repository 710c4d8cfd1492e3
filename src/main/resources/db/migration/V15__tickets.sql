-- Requests from the public (issue 6, point 5): tickets from the intake form and the mailbox, with
-- their append-only history; and the CAP attributes of public alerts (point 7).

-- The last reference number given per post and year (KBL-2026-000123); one row locked per intake.
create table ticket_counter (
    post_id bigint not null references post (id),
    year    integer not null,
    last    integer not null,
    primary key (post_id, year)
);

create table ticket (
    id              bigint generated always as identity primary key,
    post_id         bigint not null references post (id),
    reference       text not null unique,
    queue           text not null check (queue in ('ACS', 'VISAS', 'EVACUATION', 'OTHER')),
    status          text not null default 'RECEIVED'
        check (status in ('RECEIVED', 'IN_REVIEW', 'WAITING_FOR_REQUESTER', 'ANSWERED', 'CLOSED')),
    owner_id        bigint references app_user (id),
    requester_name  text not null check (length(btrim(requester_name)) between 1 and 200),
    email           text check (email is null or length(email) between 3 and 320),
    phone           text check (phone is null or length(phone) between 3 and 40),
    language        text not null check (language in ('en-US', 'fa-AF', 'ps-AF')),
    subject         text not null check (length(btrim(subject)) between 1 and 200),
    body            text not null check (length(btrim(body)) between 1 and 20000),
    channel         text not null check (channel in ('FORM', 'MAILBOX')),
    -- the Message-ID of the mail a MAILBOX ticket came from: a mail read twice makes one ticket
    mail_message_id text unique,
    received_at     timestamptz not null,
    first_read_at   timestamptz,
    first_read_by   bigint references app_user (id),
    updated_at      timestamptz not null,
    check (channel = 'FORM' or mail_message_id is not null),
    check ((first_read_at is null) = (first_read_by is null))
);
create index ticket_post_age on ticket (post_id, received_at);
-- the dashboard's alert and the "unread" filter: tickets nobody has opened yet
create index ticket_unread on ticket (post_id, received_at) where first_read_at is null;

-- Everything that happened to a ticket: received, first read, owner, queue or status changed, notes.
create table ticket_event (
    id         bigint generated always as identity primary key,
    ticket_id  bigint not null references ticket (id),
    at         timestamptz not null,
    actor      text not null,
    kind       text not null check (kind in ('RECEIVED', 'READ', 'OWNER', 'QUEUE', 'STATUS', 'NOTE')),
    from_value text,
    to_value   text,
    note       text check (note is null or length(note) <= 4000)
);
create index ticket_event_ticket on ticket_event (ticket_id, id);
create trigger ticket_event_append_only
    before update or delete on ticket_event
    for each row execute function history_is_append_only();
create trigger ticket_event_no_truncate
    before truncate on ticket_event
    for each statement execute function history_is_append_only();

-- CAP 1.2 attributes of a public message, when someone set them; without a row the export uses
-- Immediate / Severe / Observed (category Security) for a threat, Expected / Moderate / Likely
-- (category Safety) otherwise.
create table public_alert (
    message_id bigint primary key references message (id),
    category   text not null check (category in ('Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire',
        'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other')),
    urgency    text not null check (urgency in ('Immediate', 'Expected', 'Future', 'Past', 'Unknown')),
    severity   text not null check (severity in ('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown')),
    certainty  text not null check (certainty in ('Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown')),
    area_desc  text check (area_desc is null or length(btrim(area_desc)) between 1 and 200),
    set_by     text not null,
    set_at     timestamptz not null
);
