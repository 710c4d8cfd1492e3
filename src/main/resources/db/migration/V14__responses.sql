-- Answers through personal response links (issue 6): what a recipient said (safe, need help, want to
-- leave, already left) and when. Every answer is kept, never changed; a person's latest answer counts.
create table response (
    id          bigint generated always as identity primary key,
    delivery_id uuid not null references delivery (id),
    message_id  bigint not null references message (id),
    post_id     bigint not null references post (id),
    person_id   bigint not null references person (id),
    answer      text not null check (answer in ('SAFE', 'NEED_HELP', 'WANT_TO_LEAVE', 'ALREADY_LEFT')),
    note        text check (length(note) between 1 and 500),
    answered_at timestamptz not null,
    -- a keyed hash (HMAC under the link secret) of the client's address, to see abuse without keeping
    -- the address itself; null when unknown
    client_hash text check (length(client_hash) = 32)
);
-- the rate limit (answers per link per hour) and the page's current answer
create index response_delivery on response (delivery_id, answered_at desc);
-- the latest answers to a message, for its page
create index response_message on response (message_id, person_id, answered_at desc);

-- Like check-ins, answers are their own record: never updated or removed.
create trigger response_append_only
    before update or delete on response
    for each row execute function history_is_append_only();
create trigger response_no_truncate
    before truncate on response
    for each statement execute function history_is_append_only();
