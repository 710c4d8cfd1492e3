-- Citizenship over time too, so private-citizen ranges can be counted as of a past instant.
alter table person_state add column citizenship text not null default 'UNKNOWN';
update person_state s set citizenship = p.citizenship from person p where p.id = s.person_id;

-- What an import stages before writing: one row per accepted line of the file.
create unlogged table import_stage_template (
    row_number          integer not null,
    source_key          text not null,
    household_key       text,
    given_name          text,
    family_name         text,
    category            text,
    chief_of_mission    boolean,
    emergency_staff     boolean,
    nationality         text,
    date_of_birth       date,
    relationship        text,
    unaccompanied_minor boolean,
    citizenship         text,
    intent              text,
    location            text,
    last_contact_at     timestamptz,
    tdy_arrival         date,
    tdy_departure       date,
    email               text,
    email_verified      date,
    phone               text,
    phone_verified      date,
    doc_kind            text,
    doc_number          text,
    doc_country         text,
    doc_expires         date,
    fields              text[] not null,
    category_com        boolean,
    household_id        bigint,
    person_id           bigint,
    is_new              boolean not null default false
);

-- What a committed import found besides people: empty rows and columns nothing was mapped to.
alter table import_file
    add column empty_rows integer[] not null default '{}',
    add column unmapped   text[] not null default '{}';
