-- Notifications (issue 6): messages, their texts per language, and one delivery per recipient and
-- channel. Creating a message and queueing its deliveries commit together (the transactional
-- outbox); sender threads on any node claim due deliveries with FOR UPDATE SKIP LOCKED.

-- The language a person reads, for the text they are sent (BCP 47 tags).
alter table person
    add column language text not null default 'en-US' check (language in ('en-US', 'fa-AF', 'ps-AF'));

create table message (
    id             bigint generated always as identity primary key,
    post_id        bigint not null references post (id),
    classification text not null check (classification in ('UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET')),
    -- the audience as chosen (its kinds and values) and its label as shown, for the record
    audience       jsonb not null,
    audience_label text not null,
    -- true when the recipients include private citizens or the public (counted on the dashboard)
    to_public      boolean not null,
    -- a message about a threat (the "no double standard" rule reads it)
    threat         boolean not null default false,
    channels       text[] not null check (cardinality(channels) > 0
        and channels <@ array['EMAIL', 'SMS', 'IN_APP']),
    recipients     integer not null check (recipients >= 0),
    created_by     text not null,
    created_at     timestamptz not null,
    -- external channels never carry content marked above unclassified
    constraint message_external_unclassified check (
        classification = 'UNCLASSIFIED' or channels <@ array['IN_APP'])
);
create index message_post on message (post_id, created_at desc);

create table message_text (
    message_id bigint not null references message (id),
    language   text not null check (language in ('en-US', 'fa-AF', 'ps-AF')),
    subject    text not null check (length(btrim(subject)) between 1 and 200),
    body       text not null check (length(btrim(body)) between 1 and 20000),
    primary key (message_id, language)
);

create table delivery (
    id              uuid primary key,
    message_id      bigint not null references message (id),
    post_id         bigint not null references post (id),
    person_id       bigint references person (id),
    channel         text not null check (channel in ('EMAIL', 'SMS', 'IN_APP')),
    -- the e-mail address or phone number; null for in-app notices
    address         text check (address is null or length(btrim(address)) between 1 and 320),
    language        text not null check (language in ('en-US', 'fa-AF', 'ps-AF')),
    status          text not null default 'QUEUED'
        check (status in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    -- while SENDING: which node and thread claimed it, and until when the claim holds
    claimed_by      text,
    lease_until     timestamptz,
    sent_at         timestamptz,
    delivered_at    timestamptz,
    failure         text,
    -- times the delivery was sent again after a claim was lost mid-send (a crash): a second copy
    -- may have gone out, under the same Message-ID or client reference
    resent_in_flight integer not null default 0
);
create index delivery_due on delivery (next_attempt_at) include (channel) where status = 'QUEUED';
create index delivery_leased on delivery (lease_until) where status = 'SENDING';
create index delivery_message on delivery (message_id, status);
create index delivery_person on delivery (person_id, message_id);

-- The secret that signs personal response links, shared by every node.
create table notification_secret (
    id         integer primary key check (id = 1),
    secret     bytea not null check (length(secret) >= 32),
    created_at timestamptz not null
);
