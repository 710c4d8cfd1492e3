-- Uploads are stored deflated by Muster (zlib, fastest level) instead of compressed by the server:
-- for the bench's 19 MB list, storing took the server 0.72 to 0.84 s with its own compression against
-- 0.22 to 0.24 s for the deflated 5.6 MB, which Muster deflates in about 0.15 s, and the deflated copy
-- is no larger (docs/benchmarks.md). The server no longer tries to compress the column. Uploads stored
-- before keep their bytes as they are (content_deflated false).
alter table import_file add column content_deflated boolean not null default false;
alter table import_file alter column content set storage external;
