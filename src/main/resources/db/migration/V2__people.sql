-- The people a post answers for. Households group family units (mixed nationality allowed).
create table household (
    id         bigint generated always as identity primary key,
    post_id    bigint not null references post (id),
    name       text not null check (length(btrim(name)) between 1 and 200),
    created_at timestamptz not null
);
create index household_post on household (post_id);

create table person (
    id               bigint generated always as identity primary key,
    post_id          bigint not null references post (id),
    household_id     bigint references household (id),
    given_name       text not null check (length(given_name) <= 200),
    family_name      text not null check (length(btrim(family_name)) between 1 and 200),
    category         text not null check (category in (
        'US_DIRECT_HIRE', 'ELIGIBLE_FAMILY_MEMBER', 'PERSONAL_SERVICES_CONTRACTOR', 'TDY_VISITOR',
        'LOCALLY_EMPLOYED_STAFF', 'THIRD_COUNTRY_NATIONAL_STAFF', 'CONTRACTOR_NON_COM', 'PRIVATE_US_CITIZEN',
        'LAWFUL_PERMANENT_RESIDENT', 'ALIEN_IMMEDIATE_RELATIVE', 'SIV_APPLICANT', 'OTHER_DESIGNATED_NATIONAL')),
    chief_of_mission boolean not null,
    nationality      text,
    date_of_birth    date,
    created_at       timestamptz not null
);
create index person_post_category on person (post_id, category);
create index person_household on person (household_id);
