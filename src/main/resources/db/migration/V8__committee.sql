-- The Emergency Action Committee of a post: who sits on it, under which title; at most one chair.
create table committee_member (
    post_id  bigint not null references post (id),
    user_id  bigint not null references app_user (id),
    title    text not null check (length(btrim(title)) between 1 and 100),
    chair    boolean not null default false,
    added_at timestamptz not null,
    added_by text not null,
    primary key (post_id, user_id)
);
create unique index committee_member_one_chair on committee_member (post_id) where chair;

-- A meeting: scheduled ahead, or convened by an alert (then with its reason).
create table committee_meeting (
    id            bigint generated always as identity primary key,
    post_id       bigint not null references post (id),
    title         text not null check (length(btrim(title)) between 1 and 200),
    scheduled_for timestamptz not null,
    convened      boolean not null,
    reason        text check (length(reason) <= 2000),
    status        text not null check (status in ('SCHEDULED', 'IN_SESSION', 'CLOSED')),
    created_at    timestamptz not null,
    created_by    text not null,
    opened_at     timestamptz,
    closed_at     timestamptz,
    check (not convened or reason is not null)
);
create index committee_meeting_post on committee_meeting (post_id, scheduled_for desc);

-- What a meeting is to consider: a crossed decision point, a due posture review, anything else;
-- marked like the record it refers to (a decision point's title may be classified).
create table agenda_item (
    id           bigint generated always as identity primary key,
    meeting_id   bigint not null references committee_meeting (id),
    position     integer not null,
    kind         text not null check (kind in ('CROSSED_DECISION_POINT', 'POSTURE_REVIEW', 'OTHER')),
    reference_id bigint,
    title        text not null check (length(btrim(title)) between 1 and 300),
    classification text not null default 'UNCLASSIFIED'
        check (classification in ('UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET')),
    decide_by    timestamptz,
    added_at     timestamptz not null,
    added_by     text not null,
    decision_id  bigint,
    check (kind = 'OTHER' or reference_id is not null),
    unique (meeting_id, position)
);
create unique index agenda_item_reference on agenda_item (meeting_id, kind, reference_id) where reference_id is not null;
create index agenda_item_reference_lookup on agenda_item (kind, reference_id) where reference_id is not null;

-- Attendance, one row per committee member and meeting; the latest record counts.
create table meeting_attendance (
    meeting_id  bigint not null references committee_meeting (id),
    user_id     bigint not null references app_user (id),
    presence    text not null check (presence in ('PRESENT', 'ABSENT', 'BY_PHONE')),
    recorded_at timestamptz not null,
    recorded_by text not null,
    primary key (meeting_id, user_id)
);

-- Minutes, one portion (paragraph) at a time, each with its own classification marking.
create table minute_portion (
    id             bigint generated always as identity primary key,
    meeting_id     bigint not null references committee_meeting (id),
    position       integer not null,
    classification text not null check (classification in ('UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET')),
    text           text not null check (length(btrim(text)) between 1 and 20000),
    written_at     timestamptz not null,
    written_by     text not null,
    unique (meeting_id, position)
);

-- The worst case the committee considered; required before a recommendation is final.
create table worst_case_assessment (
    meeting_id     bigint primary key references committee_meeting (id),
    classification text not null check (classification in ('UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET')),
    text           text not null check (length(btrim(text)) between 1 and 20000),
    written_at     timestamptz not null,
    written_by     text not null
);

create table recommendation (
    id           bigint generated always as identity primary key,
    meeting_id   bigint not null references committee_meeting (id),
    text         text not null check (length(btrim(text)) between 1 and 5000),
    posture      text check (posture in ('NORMAL', 'AUTHORIZED_DEPARTURE', 'ORDERED_DEPARTURE', 'SUSPENSION')),
    status       text not null check (status in ('DRAFT', 'FINAL')),
    proposed_at  timestamptz not null,
    proposed_by  text not null,
    finalised_at timestamptz,
    finalised_by text,
    check ((status = 'FINAL') = (finalised_at is not null))
);
create index recommendation_meeting on recommendation (meeting_id, id);

-- One vote per member and recommendation, changeable until the recommendation is final.
create table recommendation_vote (
    recommendation_id bigint not null references recommendation (id),
    user_id           bigint not null references app_user (id),
    vote              text not null check (vote in ('FOR', 'AGAINST', 'ABSTAIN')),
    dissent           text check (length(dissent) <= 5000),
    cast_at           timestamptz not null,
    primary key (recommendation_id, user_id),
    check (dissent is null or vote = 'AGAINST')
);

-- The chief of mission's decision: on a final recommendation and/or agenda items.
create table committee_decision (
    id                bigint generated always as identity primary key,
    post_id           bigint not null references post (id),
    meeting_id        bigint not null references committee_meeting (id),
    recommendation_id bigint references recommendation (id),
    summary           text not null check (length(btrim(summary)) between 1 and 2000),
    decided_at        timestamptz not null,
    decided_by        text not null
);
create index committee_decision_meeting on committee_decision (meeting_id, id);
alter table agenda_item add foreign key (decision_id) references committee_decision (id);

-- Recommendations, votes and decisions are the record: votes change only while the
-- recommendation is a draft, and nothing here is ever deleted.
create function committee_record_is_kept() returns trigger language plpgsql as $$
begin
    raise exception '% is kept: % refused', tg_table_name, tg_op;
end
$$;
create trigger committee_decision_kept before update or delete on committee_decision
    for each row execute function committee_record_is_kept();
create trigger recommendation_kept before delete on recommendation
    for each row execute function committee_record_is_kept();
create trigger minute_portion_kept before update or delete on minute_portion
    for each row execute function committee_record_is_kept();

create function recommendation_vote_while_draft() returns trigger language plpgsql as $$
begin
    if (select status from recommendation where id = coalesce(new.recommendation_id, old.recommendation_id)) = 'FINAL' then
        raise exception 'recommendation % is final: its votes are kept as cast', coalesce(new.recommendation_id, old.recommendation_id);
    end if;
    return coalesce(new, old);
end
$$;
create trigger recommendation_vote_while_draft before insert or update or delete on recommendation_vote
    for each row execute function recommendation_vote_while_draft();
