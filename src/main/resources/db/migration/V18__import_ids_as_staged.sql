-- A person new to a list gets their id as their row is staged (COPY fills the default) instead of in
-- an update of every staged row after it: that update rewrote all 150,000 rows of the bench's list,
-- 1.4 to 1.7 s (docs/benchmarks.md). Rows of people the list gave before are then set to their known
-- ids; the ids drawn for them are left unused, as a rolled-back insert leaves its ids. The sequence
-- is named here once: a default that looked it up would do so for every row. The steps find each
-- row's household through household_key where they need it, so the stage no longer carries it.
do $$
begin
    execute format('alter table import_stage_template'
                   || ' alter column person_id set default nextval(%L::regclass),'
                   || ' alter column is_new set default true',
                   pg_get_serial_sequence('person', 'id'));
end
$$;

alter table import_stage_template drop column household_id;
