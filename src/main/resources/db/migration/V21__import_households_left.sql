-- The household a known person's row moves them out of, noted in the stage before the move, so that
-- the unaccompanied-minor step re-checks it too: a later file that moves a child's only adult to
-- another household leaves the child alone in a household the file does not name.
alter table import_stage_template add column household_left bigint;
