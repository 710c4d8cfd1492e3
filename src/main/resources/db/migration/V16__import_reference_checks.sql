-- A list import writes hundreds of thousands of rows that all name the same post, list or import.
-- A foreign key checks each such row on its own (about 7 µs here: a lookup and a row lock on the one
-- parent row): for 150,000 people about 860,000 checks of the same few rows, 30 % of the database's
-- time for the import (ADR 0005, docs/benchmarks.md). These eight references are checked instead
-- once per statement, as a set: one anti-join of the statement's new rows against the parent table.
-- Updates that change such a reference are checked row by row, as a foreign key does. The parents
-- (posts, lists, imported files) are never removed, so nothing can leave these references dangling:
-- deleting or truncating them is refused.

create function parent_exists_for_new_rows() returns trigger language plpgsql as $$
declare
    missing text;
begin
    -- tg_argv: the referencing column, the parent table (whose key is id)
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

create function parent_exists_for_row() returns trigger language plpgsql as $$
declare
    key bigint := (to_jsonb(new) ->> tg_argv[0])::bigint;
    present boolean;
begin
    execute format('select exists (select 1 from %I where id = $1)', tg_argv[1]) into present using key;
    if key is not null and not present then
        raise exception 'update on table "%" violates its reference to "%": % = % is not present in "%"',
            tg_table_name, tg_argv[1], tg_argv[0], key, tg_argv[1]
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;

create function parent_is_kept() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never removed: % refused', tg_table_name, tg_op
        using errcode = 'foreign_key_violation';
end
$$;

create trigger post_kept before delete on post for each statement execute function parent_is_kept();
create trigger post_not_truncated before truncate on post for each statement execute function parent_is_kept();
create trigger import_source_kept before delete on import_source for each statement execute function parent_is_kept();
create trigger import_source_not_truncated before truncate on import_source
    for each statement execute function parent_is_kept();
create trigger import_file_kept before delete on import_file for each statement execute function parent_is_kept();
create trigger import_file_not_truncated before truncate on import_file
    for each statement execute function parent_is_kept();

alter table person drop constraint person_post_id_fkey;
create trigger person_post_exists after insert on person
    referencing new table as new_rows for each statement execute function parent_exists_for_new_rows('post_id', 'post');
create trigger person_post_exists_on_update after update of post_id on person
    for each row when (old.post_id is distinct from new.post_id) execute function parent_exists_for_row('post_id', 'post');

alter table household drop constraint household_post_id_fkey;
create trigger household_post_exists after insert on household
    referencing new table as new_rows for each statement execute function parent_exists_for_new_rows('post_id', 'post');
create trigger household_post_exists_on_update after update of post_id on household
    for each row when (old.post_id is distinct from new.post_id) execute function parent_exists_for_row('post_id', 'post');

alter table person_state drop constraint person_state_post_id_fkey;
create trigger person_state_post_exists after insert on person_state
    referencing new table as new_rows for each statement execute function parent_exists_for_new_rows('post_id', 'post');
create trigger person_state_post_exists_on_update after update of post_id on person_state
    for each row when (old.post_id is distinct from new.post_id) execute function parent_exists_for_row('post_id', 'post');

alter table person_key drop constraint person_key_source_id_fkey;
create trigger person_key_source_exists after insert on person_key
    referencing new table as new_rows for each statement
    execute function parent_exists_for_new_rows('source_id', 'import_source');
create trigger person_key_source_exists_on_update after update of source_id on person_key
    for each row when (old.source_id is distinct from new.source_id)
    execute function parent_exists_for_row('source_id', 'import_source');

alter table household_key drop constraint household_key_source_id_fkey;
create trigger household_key_source_exists after insert on household_key
    referencing new table as new_rows for each statement
    execute function parent_exists_for_new_rows('source_id', 'import_source');
create trigger household_key_source_exists_on_update after update of source_id on household_key
    for each row when (old.source_id is distinct from new.source_id)
    execute function parent_exists_for_row('source_id', 'import_source');

alter table person_source drop constraint person_source_import_id_fkey;
create trigger person_source_import_exists after insert on person_source
    referencing new table as new_rows for each statement
    execute function parent_exists_for_new_rows('import_id', 'import_file');

alter table contact_point drop constraint contact_point_import_id_fkey;
create trigger contact_point_import_exists after insert on contact_point
    referencing new table as new_rows for each statement
    execute function parent_exists_for_new_rows('import_id', 'import_file');
create trigger contact_point_import_exists_on_update after update of import_id on contact_point
    for each row when (old.import_id is distinct from new.import_id)
    execute function parent_exists_for_row('import_id', 'import_file');

alter table identity_document drop constraint identity_document_import_id_fkey;
create trigger identity_document_import_exists after insert on identity_document
    referencing new table as new_rows for each statement
    execute function parent_exists_for_new_rows('import_id', 'import_file');
create trigger identity_document_import_exists_on_update after update of import_id on identity_document
    for each row when (old.import_id is distinct from new.import_id)
    execute function parent_exists_for_row('import_id', 'import_file');
