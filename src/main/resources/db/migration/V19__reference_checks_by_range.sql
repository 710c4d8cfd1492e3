-- The per-statement reference check of V16 and V17, for the usual case in one range look-up instead of
-- one per row (docs/benchmarks.md, "References checked by range"). The ids a statement names mostly lie
-- in one dense run: the people and households an import has just created, or one post, list or file.
-- When every id from the least to the greatest named one is present, so is each named id, and one
-- count over that stretch of the parent's primary key proves it; ids being unique, the count equals
-- the width of the stretch exactly then. Otherwise (a gap, ids far apart) each row is looked up as
-- before, which also names the missing id. The stretch is counted only when at most twice as wide as
-- the statement has rows, so the shortcut never reads much more than the look-ups would.
-- What the check sees and locks is unchanged: the same snapshot, and the same FOR KEY SHARE lock
-- outside READ COMMITTED (V17).
create or replace function parent_exists_for_new_rows() returns trigger language plpgsql as $$
declare
    missing text;
    least_id bigint;
    greatest_id bigint;
    named bigint;
    present bigint;
begin
    -- tg_argv: the referencing column, the parent table (whose key is id)
    if current_setting('transaction_isolation') <> 'read committed' then
        execute format('select 1 from %2$I p where p.id in (select n.%1$I from new_rows n) for key share of p',
                       tg_argv[0], tg_argv[1]);
    end if;
    execute format('select min(n.%1$I), max(n.%1$I), count(n.%1$I) from new_rows n', tg_argv[0])
        into least_id, greatest_id, named;
    if named = 0 then
        return null;
    end if;
    -- in numeric: ids at both ends of bigint's range must not overflow the width
    if greatest_id::numeric - least_id < 2 * named then
        execute format('select count(*) from %I p where p.id between $1 and $2', tg_argv[1])
            into present using least_id, greatest_id;
        if present = greatest_id - least_id + 1 then
            return null;
        end if;
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
