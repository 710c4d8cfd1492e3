-- A crisis at a post: who is accountable (exactly one named official), who approves posture
-- changes, and the drawdown's figures. At most one crisis per post is open at a time.
create table crisis (
    id                      bigint generated always as identity primary key,
    post_id                 bigint not null references post (id),
    name                    text not null check (length(btrim(name)) between 1 and 200),
    opened_at               timestamptz not null,
    opened_by               text not null,
    accountable_official_id bigint not null references app_user (id),
    approver_id             bigint not null references app_user (id),
    core_presence_target    integer check (core_presence_target >= 0),
    daily_capacity          integer check (daily_capacity > 0),
    threat_date             date,
    closed_at               timestamptz,
    closed_by               text
);
create unique index crisis_one_open_per_post on crisis (post_id) where closed_at is null;

-- A chief of mission's request for a posture, and the approving authority's decision on it.
-- categories empty and under_age null: the posture concerns everyone.
create table posture_request (
    id              bigint generated always as identity primary key,
    post_id         bigint not null references post (id),
    crisis_id       bigint not null references crisis (id),
    posture         text not null check (posture in (
        'NORMAL', 'AUTHORIZED_DEPARTURE', 'ORDERED_DEPARTURE', 'SUSPENSION')),
    categories      text[] not null default '{}',
    under_age       integer check (under_age between 1 and 120),
    justification   text not null check (length(btrim(justification)) between 1 and 4000),
    requested_at    timestamptz not null,
    requested_by_id bigint not null references app_user (id),
    requested_by    text not null,
    status          text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    decided_at      timestamptz,
    decided_by      text,
    reason          text check (length(reason) <= 4000),
    check ((status = 'PENDING') = (decided_at is null)),
    check (status = 'PENDING' or length(btrim(reason)) > 0)
);
create index posture_request_post on posture_request (post_id, id desc);
create unique index posture_request_one_pending on posture_request (post_id) where status = 'PENDING';

-- The postures in force over time: an approved request starts a period and ends the previous one.
create table posture_period (
    id          bigint generated always as identity primary key,
    post_id     bigint not null references post (id),
    request_id  bigint not null unique references posture_request (id),
    posture     text not null,
    categories  text[] not null,
    under_age   integer,
    started_at  timestamptz not null,
    approved_by text not null,
    ended_at    timestamptz
);
create unique index posture_period_in_force on posture_period (post_id) where ended_at is null;
create index posture_period_post on posture_period (post_id, started_at desc);

-- Reviews of a departure status (due 30 days after approval or after the last review).
create table posture_review (
    id          bigint generated always as identity primary key,
    period_id   bigint not null references posture_period (id),
    reviewed_at timestamptz not null,
    reviewed_by text not null,
    note        text not null check (length(btrim(note)) between 1 and 4000)
);
create index posture_review_period on posture_review (period_id, reviewed_at desc);

-- People who have left the post during a drawdown; one row per person.
create table departure (
    person_id        bigint primary key references person (id),
    post_id          bigint not null references post (id),
    chief_of_mission boolean not null,
    departed_at      timestamptz not null,
    recorded_at      timestamptz not null,
    recorded_by      text not null
);
create index departure_post on departure (post_id, departed_at);
