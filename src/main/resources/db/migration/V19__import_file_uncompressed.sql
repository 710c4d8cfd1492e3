-- An uploaded list is stored in the import's own transaction, beside the parsing of the same bytes.
-- Compressing it (pglz, the only method this PostgreSQL build has) took 0.46 to 0.83 s of the
-- database's CPU for the bench's 19 MB list, against 0.31 s stored as it is (docs/benchmarks.md).
-- Lists are kept, so they take about three times the space: 19 MB instead of 6.6 MB for that list.
alter table import_file alter column content set storage external;
