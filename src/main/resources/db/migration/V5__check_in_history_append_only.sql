-- Check-ins are their own audit trail (who reported whom, how, when): like the audit log, never
-- changed or removed. The hash-chained log records the roll-call's start and close, officer answers
-- and imports; recording every check-in there too would serialise them all on its lock.
create function check_in_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'check_in is append-only: % refused', tg_op;
end
$$;
create trigger check_in_append_only
    before update or delete on check_in
    for each row execute function check_in_is_append_only();
create trigger check_in_no_truncate
    before truncate on check_in
    for each statement execute function check_in_is_append_only();

-- The same for the provenance of imported facts and the history of categories and locations.
create function history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end
$$;
create trigger person_source_append_only
    before update or delete on person_source
    for each row execute function history_is_append_only();
