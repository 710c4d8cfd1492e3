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

-- V16's two checks, now also locking the parents they find outside READ COMMITTED (as a foreign key
-- does), so that they serve parents that may be removed. V16's parents are never removed: for them
-- the lock changes nothing but the outcome of a race that cannot happen.
create or replace function parent_exists_for_new_rows() returns trigger language plpgsql as $$
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

create or replace function parent_exists_for_row() returns trigger language plpgsql as $$
declare
    key bigint := (to_jsonb(new) ->> tg_argv[0])::bigint;
    present boolean;
begin
    if key is null then
        return null;
    end if;
    execute format('select exists (select 1 from %I where id = $1%s)', tg_argv[1],
                   case when current_setting('transaction_isolation') <> 'read committed' then ' for key share' else '' end)
        into present using key;
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

-- The seven references, then their parents' side. Trigger names: <table>_<parent>_exists and
-- <table>_<parent>_exists_on_update; <parent>_referencing_locked, <parent>_unreferenced,
-- <parent>_truncate_unreferenced and <parent>_id_kept.
do $$
declare
    ref record;
    p record;
begin
    -- in the order a removal checks them
    create temp table import_reference (n int, child text, col text, parent text) on commit drop;
    insert into import_reference values
        (1, 'person', 'household_id', 'household'),
        (2, 'household_key', 'household_id', 'household'),
        (3, 'person_key', 'person_id', 'person'),
        (4, 'person_source', 'person_id', 'person'),
        (5, 'contact_point', 'person_id', 'person'),
        (6, 'identity_document', 'person_id', 'person'),
        (7, 'person_state', 'person_id', 'person');

    for ref in select * from import_reference order by n loop
        execute format('alter table %I drop constraint %I', ref.child, ref.child || '_' || ref.col || '_fkey');
        execute format('create trigger %I after insert on %I referencing new table as new_rows for each statement'
                       || ' execute function parent_exists_for_new_rows(%L, %L)',
                       ref.child || '_' || ref.parent || '_exists', ref.child, ref.col, ref.parent);
        -- person_source is append-only (V5): inserts only
        if ref.child <> 'person_source' then
            execute format('create trigger %I after update of %I on %I for each row'
                           || ' when (old.%I is distinct from new.%I)'
                           || ' execute function parent_exists_for_row(%L, %L)',
                           ref.child || '_' || ref.parent || '_exists_on_update', ref.col, ref.child,
                           ref.col, ref.col, ref.col, ref.parent);
        end if;
    end loop;

    for p in select r.parent name, string_agg(format('%L, %L', r.child, r.col), ', ' order by r.n) args
                  from import_reference r group by r.parent loop
        execute format('create trigger %I before delete on %I for each statement'
                       || ' execute function referencing_tables_locked(%s)',
                       p.name || '_referencing_locked', p.name, p.args);
        execute format('create trigger %I after delete on %I referencing old table as old_rows for each statement'
                       || ' execute function no_reference_to_old_rows(%s)',
                       p.name || '_unreferenced', p.name, p.args);
        execute format('create trigger %I before truncate on %I for each statement'
                       || ' execute function nothing_references_table(%s)',
                       p.name || '_truncate_unreferenced', p.name, p.args);
        execute format('create trigger %I before update of id on %I for each row when (old.id is distinct from new.id)'
                       || ' execute function id_is_kept()',
                       p.name || '_id_kept', p.name);
    end loop;
    drop table import_reference;
end
$$;
