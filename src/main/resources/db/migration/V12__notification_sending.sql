-- Sending notifications (issue 6): the senders' claim index, in-app notices, the shared rate
-- buckets and the moment a message's sending finished.

-- Senders claim the due deliveries of one channel at a time, oldest first.
drop index delivery_due;
create index delivery_due on delivery (channel, next_attempt_at) where status = 'QUEUED';

-- An in-app notice: written with its delivery marked DELIVERED in one transaction.
create table in_app_notice (
    delivery_id uuid primary key references delivery (id),
    person_id   bigint not null references person (id),
    message_id  bigint not null references message (id),
    post_id     bigint not null references post (id),
    posted_at   timestamptz not null,
    read_at     timestamptz
);
create index in_app_notice_person on in_app_notice (person_id, posted_at desc);

-- One token bucket per external channel, shared by every node. A claim takes tokens with one
-- UPDATE in its own transaction; the rate (tokens per second, also the bucket's size) comes from
-- the claiming node's configuration. A channel without a configured rate never touches its row.
create table channel_rate (
    channel     text primary key check (channel in ('EMAIL', 'SMS', 'IN_APP')),
    tokens      double precision not null,
    refilled_at timestamptz not null,
    -- tokens granted by the last claim (RETURNING sees only new values)
    granted     integer not null default 0
);
insert into channel_rate (channel, tokens, refilled_at)
values ('EMAIL', 0, '1970-01-01Z'), ('SMS', 0, '1970-01-01Z'), ('IN_APP', 0, '1970-01-01Z');

-- Set once, when the last delivery of a message left QUEUED and SENDING for good (and audited).
alter table message add column sending_finished_at timestamptz;
