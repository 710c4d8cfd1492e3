#!/usr/bin/env bash
# Import bench: a list of 150,000 persons in 40,000 households imported with the command line, beside
# its database-only anchor (psql \copy into the stage plus the same set-based SQL) on the same server.
#
#   bench/import.sh [--rounds N] [--persons N] [--households M] [--keep]
#
# It builds target/muster.jar when it is missing or older than src/ or pom.xml (mvn -q -B -ntp
# -DskipTests package), writes the list with bench/generate-people.py (seeded: the same file every
# run) together with the same rows as ImportWriter stages them, then starts Muster
# (java -jar target/muster.jar --muster.data-dir=<temp dir> --server.port=<free port>) and waits for
# HTTP 200 from /login. Each round, on two fresh posts of that server (rows inserted with psql):
#   app     java -jar target/muster.jar import --post CODE --muster.data-dir=<dir> people.csv
#           (the command attaches to the running server's PostgreSQL). Reported: the "in N ms" it
#           prints, timed inside the command around PeopleImport.importFile (upload stored in the
#           database, parse, validate, COPY to the stage, the set-based steps, provenance, commit),
#           and the whole command's wall time, which adds JVM and Spring context start (not import work).
#   anchor  one psql session, one transaction: create the temp import_stage, \copy the prepared rows,
#           then every step of src/main/resources/people/import-steps.sql, read at run time and
#           verbatim apart from :post_id, :source_id, :import_id, :now and :today (sed), then commit.
#           Timed from launching psql to its exit. Preparing the stage file is not timed.
# The order alternates per round; before each measurement the bench runs VACUUM ANALYZE and CHECKPOINT
# so that neither pays for the other's autovacuum or dirty buffers. After each round it fails unless
# both posts hold exactly N persons in M households, and it compares what the two wrote (persons,
# households, keys, provenance, contact points, documents, history): the anchor must do the same work.
# Targets: import at most 10 s, at most 3 times the anchor.
#
# Default 150,000 persons, 40,000 households, 3 rounds: about 7 minutes on the 2-core VM, plus up to 2
# for a build.
# The report (markdown) goes to standard output, progress to standard error. --keep keeps the
# temporary directory (data directory, list, logs) instead of removing it on exit.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

ROUNDS=3
PERSONS=150000
HOUSEHOLDS=40000
KEEP=0
START_TIMEOUT_S=180     # Muster's first start (initdb + migrations) must serve /login within this
STOP_TIMEOUT_S=30       # SIGTERM grace before SIGKILL
TARGET_MS=10000         # the issue's targets
TARGET_RATIO=3
ZONE=Asia/Kabul         # the bench posts' time zone

usage() { sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; }

ORIG_ARGS=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) [ $# -ge 2 ] || { echo "--rounds needs a number" >&2; exit 2; }; ROUNDS="$2"; shift 2 ;;
    --rounds=*) ROUNDS="${1#--rounds=}"; shift ;;
    --persons) [ $# -ge 2 ] || { echo "--persons needs a number" >&2; exit 2; }; PERSONS="$2"; shift 2 ;;
    --persons=*) PERSONS="${1#--persons=}"; shift ;;
    --households) [ $# -ge 2 ] || { echo "--households needs a number" >&2; exit 2; }; HOUSEHOLDS="$2"; shift 2 ;;
    --households=*) HOUSEHOLDS="${1#--households=}"; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for v in ROUNDS PERSONS HOUSEHOLDS; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "--${v,,} must be a positive integer, got '${!v}'" >&2; exit 2; }
done
[ "$PERSONS" -ge "$HOUSEHOLDS" ] || { echo "--persons must be at least --households" >&2; exit 2; }
[ "$ROUNDS" -le 676 ] || { echo "--rounds: at most 676" >&2; exit 2; }

cd "$(dirname "$0")/.."
REPO="$(pwd)"
COMMAND="$(printf '%q ' "bench/$(basename "$0")" "${ORIG_ARGS[@]}")"
COMMAND="${COMMAND% }"
STEPS_SQL="src/main/resources/people/import-steps.sql"

for tool in java curl ss awk sed sort python3 psql; do
  command -v "$tool" > /dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

# --- state and cleanup --------------------------------------------------------------------------
new_work muster-import-bench
DATA="$WORK/data"
RESULTS="$WORK/results.tsv"   # round order app_ms app_wall_ms app_cpu_s app_others anchor_ms anchor_cpu_s anchor_others mvn_app mvn_anchor api_ms api_cpu_s api_others api_server_ms
: > "$RESULTS"
STEPS="$WORK/steps.tsv"       # who round step rows ms
: > "$STEPS"
MUSTER_PID=""
FAILED=0

on_exit cleanup_and_exit

# --- helpers ------------------------------------------------------------------------------------
# CPU ticks of a process (with its reaped children) plus the live children of it: for the
# postmaster that is every backend, ended (reaped) or still running, and the background processes.
tree_ticks() {
  { cat /proc/[0-9]*/stat 2> /dev/null || true; } | awk -v r="$1" '
    {
      pid = $1; rest = $0; sub(/^[0-9]+ \(.*\) /, "", rest); n = split(rest, a, " ")
      if (n < 15) next
      if (pid == r) sum += a[12] + a[13] + a[14] + a[15]
      else if (a[2] == r) sum += a[12] + a[13]
    }
    END { print sum + 0 }'
}
# CPU (ms) of this shell's reaped children (the measured java or psql): `times` must run in this
# shell, not in a command substitution, so it is snapshot to a file and read from there.
children_cpu_snap() { times > "$1"; }
children_cpu_ms() {
  awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, a, "m"); sub(/s$/, "", a[2]); ms += (a[1] * 60 + a[2]) * 1000 } }
       END { printf "%d\n", ms }' "$1"
}

# round letters: 1 -> AA, 2 -> AB, ...
letters() {
  local n=$(($1 - 1)) a=ABCDEFGHIJKLMNOPQRSTUVWXYZ
  echo "${a:$((n / 26)):1}${a:$((n % 26)):1}"
}

# --- machine and load ---------------------------------------------------------------------------
note_load_before

# --- 1. the jar ---------------------------------------------------------------------------------
build_jar
JAR_STAMP="$(stat -c '%Y %s' target/muster.jar)"
JAR_INFO="$(stat -c '%n %s bytes, built %y' target/muster.jar)"

# --- 2. the list and the anchor's stage rows (not timed) ----------------------------------------
LIST="$WORK/people.csv"
STAGE="$WORK/stage.csv"
log "generating $PERSONS persons in $HOUSEHOLDS households ..."
python3 bench/generate-people.py --persons "$PERSONS" --households "$HOUSEHOLDS" --time-zone "$ZONE" \
  --out "$LIST" --stage "$STAGE" || die "bench/generate-people.py failed"
LIST_INFO="$(stat -c '%s' "$LIST") bytes, sha256 $(sha256sum "$LIST" | cut -c1-16)…"
log "list: $LIST_INFO"

# The COPY column list, taken from ImportWriter so that the anchor stages exactly what the app stages.
COPY_COLUMNS="$(tr '\n' ' ' < src/main/java/org/muster/people/internal/ImportWriter.java \
  | sed -n 's/.*"copy import_stage (\(.*\)) from stdin (format csv)".*/\1/p' | sed 's/"[[:space:]]*+[[:space:]]*"//g')"
[ -n "$COPY_COLUMNS" ] || die "could not read the COPY column list from ImportWriter.java"
EXPECTED_COLUMNS="row_number, source_key, household_key, given_name, family_name, category, category_com, chief_of_mission, emergency_staff, nationality, date_of_birth, relationship, unaccompanied_minor, citizenship, intent, location, last_contact_at, tdy_arrival, tdy_departure, email, email_verified, phone, phone_verified, doc_kind, doc_number, doc_country, doc_expires, fields"
[ "$COPY_COLUMNS" = "$EXPECTED_COLUMNS" ] \
  || die "ImportWriter's COPY columns changed; bench/generate-people.py --stage must follow: $COPY_COLUMNS"

# --- 3. Muster --------------------------------------------------------------------------------
# Run from target/muster.jar itself (the import command below runs the same file).
JAR=target/muster.jar
start_muster "$WORK/logs/muster.log"
sql -c 'select 1' > /dev/null || die "psql cannot connect to localhost:$PGPORT"
PG_VERSION="$(sql -c 'select version()')"
PG_SETTINGS="$(sql -F' ' -c "select string_agg(name || '=' || current_setting(name), ', ' order by name) from pg_settings
  where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'work_mem', 'maintenance_work_mem', 'wal_level')")"
log "PostgreSQL on port $PGPORT (postmaster $POSTMASTER): $PG_VERSION"

# The API's importer: a MANAGEMENT user (no password: it signs in only with the token), member of
# each round's API post.
sql -c "insert into app_user (username, display_name, password_hash, roles, clearance, created_at)
        values ('bench-importer', 'Import bench', '!', '{MANAGEMENT}', 'UNCLASSIFIED', now())" > /dev/null
API_TOKEN="$(new_token bench-importer 'import bench')"

# quiesce: no autovacuum work or dirty buffers left over from the previous measurement.
quiesce() {
  sql -c 'vacuum analyze' > /dev/null 2>> "$WORK/logs/quiesce.log" || problem "VACUUM ANALYZE failed before $1"
  sql -c 'checkpoint' > /dev/null || problem "CHECKPOINT failed before $1"
}



# CPU accounting around one measurement: machine busy ticks, our database server, our reaped children.
# Both run in this shell (not in a command substitution); meas_end sets MEAS to
# "wall_ms ours_cpu_s others_cores" (ours: the measured process plus the database server).
MEAS_T0=0; MEAS_BUSY0=0; MEAS_PG0=0; MEAS_MU0=0; MEAS=""
# The postmaster's children (backends and background processes).
pg_children() {
  { cat /proc/[0-9]*/stat 2> /dev/null || true; } | awk -v r="$POSTMASTER" '
    { rest = $0; sub(/^[0-9]+ \(.*\) /, "", rest); split(rest, a, " "); if (a[2] == r) print $1 (a[1] == "Z" ? "Z" : "") }' | sort
}
# Until the backends a measured process opened have exited and been reaped (at most 5 s): an exiting
# backend's CPU is briefly counted neither in its own /proc entry nor in the postmaster's.
await_backends_gone() {
  local now
  for _ in $(seq 1 100); do
    now="$(pg_children)"
    [ -z "$(comm -13 <(echo "$MEAS_CHILDREN0") <(echo "$now"))" ] && return 0
    sleep 0.05
  done
  problem "backends of a measured process still present 5 s after it exited; its CPU figure may be short"
}
MEAS_CHILDREN0=""
meas_begin() {
  MEAS_CHILDREN0="$(pg_children)"
  MEAS_BUSY0="$(cpu_busy_ticks)"; MEAS_PG0="$(tree_ticks "$POSTMASTER")"; MEAS_MU0="$(tree_ticks "$MUSTER_PID")"
  children_cpu_snap "$WORK/times0.txt"; MEAS_T0="$(now_us)"
}
meas_end() {
  local t1 busy1 pg1 mu1 ch0 ch1
  t1="$(now_us)"; children_cpu_snap "$WORK/times1.txt"
  await_backends_gone
  busy1="$(cpu_busy_ticks)"; pg1="$(tree_ticks "$POSTMASTER")"; mu1="$(tree_ticks "$MUSTER_PID")"
  ch0="$(children_cpu_ms "$WORK/times0.txt")"; ch1="$(children_cpu_ms "$WORK/times1.txt")"
  MEAS="$(awk -v w="$((t1 - MEAS_T0))" -v span="$(($(now_us) - MEAS_T0))" -v b="$((busy1 - MEAS_BUSY0))" -v pg="$((pg1 - MEAS_PG0))" -v mu="$((mu1 - MEAS_MU0))" \
      -v ch="$((ch1 - ch0))" -v t="$CLK_TCK" 'BEGIN {
        ours = ch / 1000 + pg / t; idle_server = mu / t
        others = (b / t - ours - idle_server) / (span / 1e6); if (others < 0) others = 0
        printf "%d %.1f %.2f\n", w / 1000, ours, others }')"
}

# --- 4. rounds ----------------------------------------------------------------------------------
# ImportWriter logs each step's time; JdbcTemplate logs each statement, whose timestamps split the
# rest of the import into phases (best effort: "-" when the statements change).
APP_LOG_LEVELS=(--logging.level.org.muster.people.internal.ImportWriter=DEBUG
                --logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG)
PHASES="$WORK/phases.tsv"   # round store reread parse copy steps finish (ms)
: > "$PHASES"

# app_phases LOG ROUND IMPORT_MS: the import's phases from the statement timestamps.
app_phases() {
  awk -v r="$2" -v total="$3" '
    function ms(ts,   h) { split(substr(ts, 12, 12), h, ":"); return (h[1] * 3600 + h[2] * 60 + h[3]) * 1000 }
    /Executing prepared SQL statement \[/ {
      t = ms($1); sql = $0; sub(/.*Executing prepared SQL statement \[/, "", sql)
      if ((sql ~ /^select mapping from import_source/ || sql ~ /^insert into import_source/) && !start) start = t
      else if (sql ~ /^select pg_advisory_xact_lock\(\?\)/ && start && !stored) stored = t
      else if (sql ~ /^update import_file set status = .COMMITTED./ && !claimed) claimed = t
      else if (sql ~ /^create temp table import_stage/ && !staged) staged = t
      else if (sql ~ /^with fresh as/ && !first) first = t
      else if (sql ~ /^drop table import_stage/ && !dropped) dropped = t
    }
    END {
      if (!(start && stored && claimed && staged && first && dropped)) exit
      printf "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", r, stored - start, claimed - stored, staged - claimed, first - staged,
        dropped - first, start + total - dropped
    }' "$1"
}

# Both set their results in globals (APP_*, ANC_*): they run in this shell, so that a failure stops the bench.
run_app() { # round code
  local round="$1" code="$2" logf="$WORK/logs/app-$1.log" line ms
  quiesce "app round $round"
  meas_begin
  if ! "${PIN[@]}" java -jar target/muster.jar import --post "$code" "--muster.data-dir=$DATA" "${APP_LOG_LEVELS[@]}" "$LIST" \
      > "$logf" 2>&1 < /dev/null; then
    tail -n 30 "$logf" >&2; die "app round $round: the import command failed (log: $logf)"
  fi
  meas_end
  line="$(grep -E '^Imported .* in [0-9]+ ms: ' "$logf" | head -n 1)"
  [ -n "$line" ] || { tail -n 30 "$logf" >&2; die "app round $round: no 'Imported ... in N ms' line"; }
  ms="$(sed -E 's/.* in ([0-9]+) ms: .*/\1/' <<< "$line")"
  if ! grep -Eq ": $PERSONS rows, $PERSONS added, 0 updated, 0 unchanged, 0 refused, 0 empty\.$" <<< "$line"; then
    die "app round $round: not every row was added: $line"
  fi
  sed -nE "s/.*import [0-9]+ step '(.*)': ([0-9]+) rows in ([0-9]+) ms.*/app\t$round\t\1\t\2\t\3/p" "$logf" >> "$STEPS"
  APP_MS="$ms"
  app_phases "$logf" "$round" "$ms" >> "$PHASES"
  read -r APP_WALL APP_CPU APP_OTHERS <<< "$MEAS"
}

run_anchor() { # round code post_id
  local round="$1" code="$2" post="$3" ids source import now today f="$WORK/anchor-$1.sql" out="$WORK/logs/anchor-$1.log"
  ids="$(anchor_import "$post")"
  read -r source import now today <<< "$ids"
  anchor_sql "$f" "$post" "$source" "$import" "$now" "$today"
  quiesce "anchor round $round"
  meas_begin
  "${PIN[@]}" psql -X -v ON_ERROR_STOP=1 -f "$f" > "$out" 2>&1 < /dev/null \
    || { tail -n 30 "$out" >&2; die "anchor round $round: psql failed (log: $out)"; }
  meas_end
  sql -c "update import_file set committed_at = now(), rows_total = $PERSONS, rows_added = $PERSONS, rows_updated = 0,
          rows_rejected = 0 where id = $import" > /dev/null
  # per step: the command tag's row count and \timing's milliseconds after each marker
  awk -v r="$round" '
    /^@@step / { if (name != "") print "anchor\t" r "\t" name "\t" rows "\t" ms; name = substr($0, 8); rows = ""; ms = 0; next }
    /^(INSERT|UPDATE|COPY) [0-9 ]+$/ { rows = $NF }
    /^Time: / { ms += $2 }
    END { if (name != "") print "anchor\t" r "\t" name "\t" rows "\t" ms }' "$out" \
    | awk -F'\t' 'BEGIN { OFS = "\t" } { $5 = sprintf("%.0f", $5); print }' >> "$STEPS"
  read -r ANC_MS ANC_CPU ANC_OTHERS <<< "$MEAS"
}

run_api() { # round code post_id
  local round="$1" code="$2" out="$WORK/logs/api-$1.json" status
  sql -c "insert into post_membership (user_id, post_id) select id, $3 from app_user where username = 'bench-importer'" > /dev/null
  quiesce "api round $round"
  meas_begin
  status="$(curl -s -o "$out" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $API_TOKEN" \
      -F source=people.csv -F "file=@$LIST;type=text/csv" -F commit=true \
      "http://localhost:$PORT/api/v1/posts/$code/imports")" || die "api round $round: curl failed"
  meas_end
  [ "${status%% *}" = 201 ] || { head -c 2000 "$out" >&2; die "api round $round: HTTP ${status%% *}"; }
  grep -q "\"added\":$PERSONS," "$out" || { head -c 2000 "$out" >&2; die "api round $round: not every row was added"; }
  API_MS="$(awk -v t="${status#* }" 'BEGIN { printf "%d", t * 1000 }')"
  # the import inside the server, commit included, as PeopleApiController logs it
  API_SERVER_MS="$(sed -nE "s/.*Imported people\.csv into $code as import #[0-9]+ in ([0-9]+) ms \(committed\).*/\1/p" \
    "$WORK/logs/muster.log" | tail -n 1)"
  [ -n "$API_SERVER_MS" ] || { problem "api round $round: the server logged no 'Imported ... in N ms (committed)' line"; API_SERVER_MS=0; }
  read -r _ API_CPU API_OTHERS <<< "$MEAS"
}

# What a post holds, as one line of counts and digests independent of generated ids.
fingerprint() { # post code
  sql -F' ' -c "
    with p as (select id from post where code = '$1'),
    pe as (select pe.*, k.source_key, h.name household from person pe
           join person_key k on k.person_id = pe.id
           left join household h on h.id = pe.household_id
           where pe.post_id = (select id from p))
    select
      (select count(*) from person where post_id = (select id from p)),
      (select count(*) from household where post_id = (select id from p)),
      (select count(*) from pe),
      (select md5(string_agg(concat_ws('|', source_key, household, given_name, family_name, category, chief_of_mission,
              emergency_staff, nationality, date_of_birth, relationship, unaccompanied_minor, citizenship, intent,
              location, last_contact_at, tdy_arrival, tdy_departure), E'\n' order by source_key)) from pe),
      (select count(*) || ':' || md5(string_agg(pe.source_key || '|' || s.row_number || '|' || s.fields::text, E'\n'
              order by pe.source_key, s.row_number)) from person_source s join pe on pe.id = s.person_id),
      (select count(*) || ':' || md5(string_agg(concat_ws('|', pe.source_key, c.kind, c.value, c.last_verified, c.row_number), E'\n'
              order by pe.source_key, c.kind, c.value)) from contact_point c join pe on pe.id = c.person_id),
      (select count(*) || ':' || md5(string_agg(concat_ws('|', pe.source_key, d.kind, d.number, d.issuing_country, d.expires,
              d.row_number), E'\n' order by pe.source_key, d.number)) from identity_document d join pe on pe.id = d.person_id),
      (select count(*) || ':' || md5(string_agg(concat_ws('|', pe.source_key, s.category, s.chief_of_mission, s.location,
              s.citizenship), E'\n' order by pe.source_key, s.valid_from)) from person_state s join pe on pe.id = s.person_id),
      (select count(*) from pe where unaccompanied_minor),
      (select count(*) from household_key hk join household h on h.id = hk.household_id where h.post_id = (select id from p))"
}

check_round() { # round app_code anchor_code api_code
  local fa fb fc pa ha pb hb
  fa="$(fingerprint "$2")"; fb="$(fingerprint "$3")"; fc="$(fingerprint "$4")"
  read -r pa ha _ <<< "$fa"; read -r pb hb _ <<< "$fb"
  [ "$pa" = "$PERSONS" ] && [ "$ha" = "$HOUSEHOLDS" ] \
    || die "round $1: post $2 (app) holds $pa persons in $ha households, not $PERSONS in $HOUSEHOLDS"
  [ "$pb" = "$PERSONS" ] && [ "$hb" = "$HOUSEHOLDS" ] \
    || die "round $1: post $3 (anchor) holds $pb persons in $hb households, not $PERSONS in $HOUSEHOLDS"
  if [ "$fa" != "$fb" ]; then
    problem "round $1: the anchor did not write what the app wrote (counts and digests differ): app [$fa] anchor [$fb]"
    FAILED=1
  fi
  if [ "$fc" != "$fb" ]; then
    problem "round $1: the API import did not write what the anchor wrote (counts and digests differ): api [$fc] anchor [$fb]"
    FAILED=1
  fi
  read -r _ _ _ _ PS CP ID ST UM HK <<< "$fa"
  CHECK_NOTE="each post: $pa persons, $ha households, $HK household keys, provenance ${PS%%:*} rows, contact points ${CP%%:*}, identity documents ${ID%%:*}, history rows ${ST%%:*}, unaccompanied minors $UM"
  log "round $1: the posts hold $PERSONS persons in $HOUSEHOLDS households; app, API and anchor wrote the same data"
}

for round in $(seq 1 "$ROUNDS"); do
  l="$(letters "$round")"
  app_code="BAP$l"; anchor_code="BAN$l"; api_code="BAI$l"
  app_post="$(new_post "$app_code" "Import bench, app, round $round")"
  anchor_post="$(new_post "$anchor_code" "Import bench, anchor, round $round")"
  api_post="$(new_post "$api_code" "Import bench, API, round $round")"
  mvn_app="$(maven_running)"
  if [ $((round % 2)) -eq 1 ]; then
    order="app, anchor"
    run_app "$round" "$app_code"
    mvn_anchor="$(maven_running)"
    run_anchor "$round" "$anchor_code" "$anchor_post"
  else
    order="anchor, app"
    run_anchor "$round" "$anchor_code" "$anchor_post"
    mvn_anchor="$mvn_app"
    mvn_app="$(maven_running)"
    run_app "$round" "$app_code"
  fi
  run_api "$round" "$api_code" "$api_post"
  [ "$(stat -c '%Y %s' target/muster.jar)" = "$JAR_STAMP" ] || problem "round $round: target/muster.jar changed during the bench (someone rebuilt?)"
  log "round $round ($order, api): app import ${APP_MS} ms (command ${APP_WALL} ms, CPU ${APP_CPU} s, others ${APP_OTHERS} cores), anchor ${ANC_MS} ms (CPU ${ANC_CPU} s, others ${ANC_OTHERS} cores), API ${API_MS} ms (in the server ${API_SERVER_MS} ms; CPU ${API_CPU} s, others ${API_OTHERS} cores)"
  [ "$mvn_app" = 0 ] && [ "$mvn_anchor" = 0 ] || log "round $round: maven was running (app: $mvn_app, anchor: $mvn_anchor processes)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$order" "$APP_MS" "$APP_WALL" "$APP_CPU" "$APP_OTHERS" \
    "$ANC_MS" "$ANC_CPU" "$ANC_OTHERS" "$mvn_app" "$mvn_anchor" "$API_MS" "$API_CPU" "$API_OTHERS" "$API_SERVER_MS" >> "$RESULTS"
  check_round "$round" "$app_code" "$anchor_code" "$api_code"
done

LOAD_AFTER="$(uptime)"
log "load after: $LOAD_AFTER"
muster_warnings
stop_muster

# --- 5. report ----------------------------------------------------------------------------------
results_col() { awk -F'\t' -v c="$1" '{ print $c }' "$RESULTS"; }   # results_col N: column N of results.tsv, one line a round
sec() { awk -v x="$1" 'BEGIN { printf "%.2f s", x / 1000 }'; }
APP_MED="$(results_col 3 | median)"; APP_MAX="$(results_col 3 | sort -n | tail -n 1)"
WALL_MED="$(results_col 4 | median)"; ANC_MED="$(results_col 7 | median)"
APP_CPU_MED="$(results_col 5 | median)"; ANC_CPU_MED="$(results_col 8 | median)"
RATIO="$(awk -v a="$APP_MED" -v b="$ANC_MED" 'BEGIN { printf "%.2f", a / b }')"
API_MED="$(results_col 12 | median)"; API_MAX="$(results_col 12 | sort -n | tail -n 1)"
API_RATIO="$(awk -v a="$API_MED" -v b="$ANC_MED" 'BEGIN { printf "%.2f", a / b }')"
RATIO_MAX="$(awk -F'\t' '{ r = $3 / $7; if (r > m) m = r } END { printf "%.2f", m }' "$RESULTS")"
verdict_ms() { # median_ms max_ms
  if [ "$2" -le "$TARGET_MS" ]; then echo "**met** (every round)"
  elif awk -v m="$1" -v t="$TARGET_MS" 'BEGIN { exit !(m <= t) }'; then echo "met by the median only"
  else echo "**missed**"; fi
}
verdict_ratio() {
  if awk -v r="$RATIO_MAX" -v t="$TARGET_RATIO" 'BEGIN { exit !(r <= t) }'; then echo "**met** (every round)"
  elif awk -v r="$RATIO" -v t="$TARGET_RATIO" 'BEGIN { exit !(r <= t) }'; then echo "met by the medians only"
  else echo "**missed**"; fi
}

machine_facts
PSQL_VERSION="$(psql --version)"
MVN_ROUNDS="$(awk -F'\t' '$10 > 0 || $11 > 0 { n++ } END { print n + 0 }' "$RESULTS")"

cat << EOF
## Muster import bench

A list of $(printf "%'d" "$PERSONS") persons in $(printf "%'d" "$HOUSEHOLDS") households (\`bench/generate-people.py\`, seed 2021,
$LIST_INFO) imported into a fresh post, $ROUNDS rounds, beside the database-only anchor on another fresh
post of the same PostgreSQL server in the same round (order alternating).

- **app, import**: the "in N ms" printed by \`java -jar target/muster.jar import --post CODE
  --muster.data-dir=DIR people.csv\`, timed inside the command around \`PeopleImport.importFile\`: the
  upload stored in the database, parse and validation, COPY into the stage, the set-based steps,
  provenance, commit.
- **app, whole command**: the same command's wall time; it adds starting the JVM and the Spring context
  (attached to the running server's PostgreSQL), which is not import work.
- **API, import**: the same list posted to the running server, \`POST /api/v1/posts/CODE/imports\`
  (multipart, \`commit=true\`, a MANAGEMENT user's token), on a third fresh post, always after the
  other two; curl's total time, upload included. The server's JVM is warm from the rounds before, as
  a server is when its officers import (the web page commits through the same \`PeopleImport\`).
- **anchor**: one \`psql\` session, one transaction: create the temporary stage, \`\\copy\` the same rows
  (prepared beforehand in the stage's column order, not timed), every step of
  \`src/main/resources/people/import-steps.sql\` verbatim, commit; from launching psql to its exit.
- CPU: the measured process plus the database server, in seconds; "others": CPU the rest of the machine
  used meanwhile, in cores (2.0 would leave the bench nothing); "mvn": Maven processes running at the start.

| round | order | app: import | app: whole command | app CPU | API: import | anchor | anchor CPU | app / anchor | API / anchor | others' CPU (app / API / anchor), cores | mvn (app / anchor) |
|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
awk -F'\t' '{ printf "| %s | %s, API | %.2f s | %.2f s | %s s | %.2f s | %.2f s | %s s | %.2f | %.2f | %s / %s / %s | %s / %s |\n", $1, $2, $3 / 1000, $4 / 1000, $5, $12 / 1000, $7 / 1000, $8, $3 / $7, $12 / $7, $6, $14, $9, $10, $11 }' "$RESULTS"
cat << EOF
| **median** | | **$(sec "$APP_MED")** | $(sec "$WALL_MED") | $APP_CPU_MED s | **$(sec "$API_MED")** | **$(sec "$ANC_MED")** | $ANC_CPU_MED s | **$RATIO** | **$API_RATIO** | | |

| target | result |
|---|---|
| import of $(printf "%'d" "$PERSONS") persons in $(printf "%'d" "$HOUSEHOLDS") households at most 10 s | median $(sec "$APP_MED"), max $(sec "$APP_MAX"): $(verdict_ms "$APP_MED" "$APP_MAX") |
| the same through the running server's API at most 10 s | median $(sec "$API_MED"), max $(sec "$API_MAX"): $(verdict_ms "$API_MED" "$API_MAX") |
| at most ${TARGET_RATIO}× the database-only anchor | median app / median anchor = $RATIO, worst round $RATIO_MAX: $(verdict_ratio); API / anchor $API_RATIO |

The API's import inside the server (\`PeopleImport.importFile\` with its commit, as the server logs it):
$(results_col 15 | awk '{ printf "%s%.2f s", (NR > 1 ? ", " : ""), $1 / 1000 }') by round, median $(sec "$(results_col 15 | median)"); the rest of
the API's time is the HTTP upload of the list, its multipart parsing and the JSON answer.

Per step, median over the rounds (app: ImportWriter's DEBUG log, each step's JDBC call; anchor: psql
\`\\timing\`, client-side). The app's remainder is everything outside the logged steps: storing the upload,
parsing and validating the file, building and sending the COPY, the bookkeeping
updates, the audit records and the commit.

| step | rows | app | anchor |
|---|---|---|---|
EOF
awk -F'\t' '
  { key = $3; if (!(key in seen)) { seen[key] = ++n; order[n] = key }
    v[$1, key, ++c[$1, key]] = $5; if ($4 != "") rows[key] = $4 }
  function med(who, key,   k, i, j, t, a) {
    k = c[who, key]; if (k == 0) return "";
    for (i = 1; i <= k; i++) a[i] = v[who, key, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  END {
    for (i = 1; i <= n; i++) {
      a = med("app", order[i]); b = med("anchor", order[i])
      printf "| %s | %s | %s | %s |\n", order[i], rows[order[i]], (a == "" ? "" : a " ms"), (b == "" ? "" : b " ms")
      if (a != "") sa += a; if (b != "") sb += b
    }
    printf "| **sum of the steps** | | **%d ms** | **%d ms** |\n", sa, sb
  }' <(sort -s -t$'\t' -k1,1 "$STEPS")
echo "| app outside the logged steps (import − steps, median of the differences) | | $(awk -F'\t' 'NR == FNR { if ($1 == "app") s[$2] += $5; next } { print $3 - s[$1] }' "$STEPS" "$RESULTS" | median) ms | |"
if [ -s "$PHASES" ]; then
  pm() { awk -F'\t' -v c="$1" '{ print $c }' "$PHASES" | median; }
  cat << EOF

Where the app's import time goes (median ms over the rounds, from the timestamps of the statements it
logs; the list is $(awk -v b="$(stat -c '%s' "$LIST")" 'BEGIN { printf "%.1f", b / 1048576 }') MB):

| phase | what | median |
|---|---|---|
| store the upload | the source's saved mapping and the post's zone (the list's reading starts on another thread), source row, SHA-256, the file's bytes into import_file | $(pm 2) ms |
| read it back | audit record, the upload's row read back, claimed | $(pm 3) ms |
| wait for the headings | advisory lock, the reading's mapping known (parsing goes on meanwhile) | $(pm 4) ms |
| stage | temp table, COPY of the accepted rows as the reading checks them: the rest of parsing and validating overlaps it | $(pm 5) ms |
| set-based steps | import-steps.sql (the per-step table above) | $(pm 6) ms |
| finish | bookkeeping updates, audit, the report read back, commit | $(pm 7) ms |
EOF
fi
cat << EOF

- command: \`$COMMAND\` (from $REPO)
- date: $DATE_START
- machine: $MACHINE
- java: $JAVA_VERSION
- PostgreSQL: $PG_VERSION (zonky binaries started by Muster: $PG_SETTINGS); psql client: $PSQL_VERSION
- build: commit $COMMIT with $DIRTY changed/untracked paths; $JAR_INFO; $BUILD_NOTE
- check: $CHECK_NOTE; app, API and anchor identical in every round unless listed under problems
- load before: $(echo "$LOAD_BEFORE" | sed 's/^ *//') (processes over 10 % CPU: ${BUSY_BEFORE:-none})
- load after: $(echo "$LOAD_AFTER" | sed 's/^ *//')
- Maven running during $MVN_ROUNDS of $ROUNDS rounds (other engineers' builds or tests: noise; compare "others' CPU")

Problems seen:
EOF
if [ -s "$PROBLEMS" ]; then cat "$PROBLEMS"; else echo "- none"; fi
exit "$FAILED"
