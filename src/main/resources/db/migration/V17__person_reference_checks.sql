-- The seven references from the tables an import fills to the person or household of each row:
-- person.household_id, household_key.household_id, and person_id of person_key, person_source,
-- contact_point, identity_document and person_state. As foreign keys they cost about 780,000 row checks
-- for a list of 150,000 people, a quarter of the database's time for the import (ADR 0006,
-- docs/benchmarks.md). They are checked per statement instead, like the references of V16, but unlike
-- posts, lists and imported files, people and households may be removed, so both sides are kept:
--   * a statement adding rows is checked as a set (one anti-join of its new rows against the parent);
--     a row whose reference changes is checked on its own;
--   * removing parents locks the referencing tables in SHARE mode before the rows go (this waits for
--     every transaction still writing to them and holds off new writers until commit), then refuses
--     the statement if any referencing row, committed or its own, names a removed parent. That is
--     what makes the per-statement check on the other side safe without row locks: a writer either
--     finished before the removal looks, or starts after it has committed and sees the parent gone.
--   * this needs each statement to see what committed before it, so removal is refused outside READ
--     COMMITTED, and a writer outside READ COMMITTED locks the parents it names (FOR KEY SHARE) as a
--     foreign key does, which fails on a parent removed since its snapshot;
--   * a parent's id is never changed, and a parent table with referencing rows is never truncated.

create function removable_parent_exists_for_new_rows() returns trigger language plpgsql as $$
declare
    missing text;
begin
    -- tg_argv: the referencing column, the parent table (whose key is id)
    if current_setting('transaction_isolation') <> 'read committed' then
        execute format('select 1 from %2$I p where p.id in (select n.%1$I from new_rows n) for key share of p',
                       tg_argv[0], tg_argv[1]);
    end if;
    execute format('select n.%1$I::text from new_rows n where n.%1$I is not null'
                   || ' and not exists (select 1 from %2$I p where p.id = n.%1$I) limit 1',
                   tg_argv[0], tg_argv[1])
        into missing;
    if missing is not null then
        raise exception 'insert or update on table "%" violates its reference to "%": % = % is not present in "%"',
            tg_table_name, tg_argv[1], tg_argv[0], missing, tg_argv[1]
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;

create function removable_parent_exists_for_row() returns trigger language plpgsql as $$
declare
    key bigint := (to_jsonb(new) ->> tg_argv[0])::bigint;
    present boolean;
begin
    if key is null then
        return null;
    end if;
    if current_setting('transaction_isolation') <> 'read committed' then
        execute format('select exists (select 1 from %I where id = $1 for key share)', tg_argv[1]) into present using key;
    else
        execute format('select exists (select 1 from %I where id = $1)', tg_argv[1]) into present using key;
    end if;
    if not present then
        raise exception 'update on table "%" violates its reference to "%": % = % is not present in "%"',
            tg_table_name, tg_argv[1], tg_argv[0], key, tg_argv[1]
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;

-- tg_argv of the three below: pairs of a referencing table and its column
create function referencing_tables_locked() returns trigger language plpgsql as $$
begin
    if current_setting('transaction_isolation') <> 'read committed' then
        raise exception '% rows are removed only at READ COMMITTED isolation: % refused', tg_table_name, tg_op
            using errcode = 'invalid_transaction_state';
    end if;
    for i in 0 .. array_length(tg_argv, 1) - 1 by 2 loop
        execute format('lock table %I in share mode', tg_argv[i]);
    end loop;
    return null;
end
$$;

create function no_reference_to_old_rows() returns trigger language plpgsql as $$
declare
    kept text;
begin
    for i in 0 .. array_length(tg_argv, 1) - 1 by 2 loop
        execute format('select o.id::text from old_rows o where exists (select 1 from %I c where c.%I = o.id) limit 1',
                       tg_argv[i], tg_argv[i + 1])
            into kept;
        if kept is not null then
            raise exception 'delete on table "%" violates the reference from "%": id = % is still named in %.%',
                tg_table_name, tg_argv[i], kept, tg_argv[i], tg_argv[i + 1]
                using errcode = 'foreign_key_violation';
        end if;
    end loop;
    return null;
end
$$;

create function nothing_references_table() returns trigger language plpgsql as $$
declare
    named boolean;
begin
    for i in 0 .. array_length(tg_argv, 1) - 1 by 2 loop
        execute format('lock table %I in share mode', tg_argv[i]);
        execute format('select exists (select 1 from %I where %I is not null)', tg_argv[i], tg_argv[i + 1]) into named;
        if named then
            raise exception 'truncate of table "%" refused: rows of "%" name it', tg_table_name, tg_argv[i]
                using errcode = 'foreign_key_violation';
        end if;
    end loop;
    return null;
end
$$;

create function id_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'the id of % % is never changed', tg_table_name, old.id
        using errcode = 'foreign_key_violation';
end
$$;

-- the parents
create trigger person_referencing_locked before delete on person for each statement
    execute function referencing_tables_locked('person_key', 'person_id', 'person_source', 'person_id',
        'contact_point', 'person_id', 'identity_document', 'person_id', 'person_state', 'person_id');
create trigger person_unreferenced after delete on person referencing old table as old_rows for each statement
    execute function no_reference_to_old_rows('person_key', 'person_id', 'person_source', 'person_id',
        'contact_point', 'person_id', 'identity_document', 'person_id', 'person_state', 'person_id');
create trigger person_truncate_unreferenced before truncate on person for each statement
    execute function nothing_references_table('person_key', 'person_id', 'person_source', 'person_id',
        'contact_point', 'person_id', 'identity_document', 'person_id', 'person_state', 'person_id');
create trigger person_id_kept before update of id on person for each row when (old.id is distinct from new.id)
    execute function id_is_kept();

create trigger household_referencing_locked before delete on household for each statement
    execute function referencing_tables_locked('person', 'household_id', 'household_key', 'household_id');
create trigger household_unreferenced after delete on household referencing old table as old_rows for each statement
    execute function no_reference_to_old_rows('person', 'household_id', 'household_key', 'household_id');
create trigger household_truncate_unreferenced before truncate on household for each statement
    execute function nothing_references_table('person', 'household_id', 'household_key', 'household_id');
create trigger household_id_kept before update of id on household for each row when (old.id is distinct from new.id)
    execute function id_is_kept();

-- the references
alter table person drop constraint person_household_id_fkey;
create trigger person_household_exists after insert on person
    referencing new table as new_rows for each statement
    execute function removable_parent_exists_for_new_rows('household_id', 'household');
create trigger person_household_exists_on_update after update of household_id on person
    for each row when (old.household_id is distinct from new.household_id)
    execute function removable_parent_exists_for_row('household_id', 'household');

alter table household_key drop constraint household_key_household_id_fkey;
create trigger household_key_household_exists after insert on household_key
    referencing new table as new_rows for each statement
    execute function removable_parent_exists_for_new_rows('household_id', 'household');
create trigger household_key_household_exists_on_update after update of household_id on household_key
    for each row when (old.household_id is distinct from new.household_id)
    execute function removable_parent_exists_for_row('household_id', 'household');

alter table person_key drop constraint person_key_person_id_fkey;
create trigger person_key_person_exists after insert on person_key
    referencing new table as new_rows for each statement
    execute function removable_parent_exists_for_new_rows('person_id', 'person');
create trigger person_key_person_exists_on_update after update of person_id on person_key
    for each row when (old.person_id is distinct from new.person_id)
    execute function removable_parent_exists_for_row('person_id', 'person');

-- person_source is append-only (V5): inserts only
alter table person_source drop constraint person_source_person_id_fkey;
create trigger person_source_person_exists after insert on person_source
    referencing new table as new_rows for each statement
    execute function removable_parent_exists_for_new_rows('person_id', 'person');

alter table contact_point drop constraint contact_point_person_id_fkey;
create trigger contact_point_person_exists after insert on contact_point
    referencing new table as new_rows for each statement
    execute function removable_parent_exists_for_new_rows('person_id', 'person');
create trigger contact_point_person_exists_on_update after update of person_id on contact_point
    for each row when (old.person_id is distinct from new.person_id)
    execute function removable_parent_exists_for_row('person_id', 'person');

alter table identity_document drop constraint identity_document_person_id_fkey;
create trigger identity_document_person_exists after insert on identity_document
    referencing new table as new_rows for each statement
    execute function removable_parent_exists_for_new_rows('person_id', 'person');
create trigger identity_document_person_exists_on_update after update of person_id on identity_document
    for each row when (old.person_id is distinct from new.person_id)
    execute function removable_parent_exists_for_row('person_id', 'person');

alter table person_state drop constraint person_state_person_id_fkey;
create trigger person_state_person_exists after insert on person_state
    referencing new table as new_rows for each statement
    execute function removable_parent_exists_for_new_rows('person_id', 'person');
create trigger person_state_person_exists_on_update after update of person_id on person_state
    for each row when (old.person_id is distinct from new.person_id)
    execute function removable_parent_exists_for_row('person_id', 'person');
