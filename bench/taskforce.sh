#!/usr/bin/env bash
# Task-force bench (issue 5, point 10): the task-force page of an installation of 270 posts, each with
# 100 decision points and a year of observations, beside pgbench running the page's SQL; and the
# replay of one post's year beside psql \copy of the same timeline, on the same server, in the same run.
#
#   bench/taskforce.sh [--rounds N] [--posts N] [--requests N] [--replays N] [--warmup S] [--seed S]
#                      [--muster-arg ARG]... [--statements] [--write-sql] [--keep]
#
# It builds target/muster.jar when it is missing or older than src/ or pom.xml (mvn -q -B -ntp
# -DskipTests package), copies it into its temporary directory, starts Muster (java -jar <copy>
# --muster.data-dir=<temp dir> --server.port=<free port>) and waits for HTTP 200 from /login.
# Setup, not timed: bench/generate-taskforce.py (seeded) writes the installation relative to now:
# --posts posts (default 270: an embassy in each of 190 countries and 80 consulates, Kabul with two),
# each with 100 decision points (COUNT, EVENT, LEVEL, MISSION_POSTURE), about 10 observations a day
# for a year (~1 million rows, a few per post reporting another mission's posture), the crossings
# they raised (10 to 30 per post: decided, open, escalated), 150 to 3,000 persons per post (10,000
# at Kabul), crises, departures in force and pending requests. Loaded with psql into the app's
# tables, except: the accounts (`java -jar <jar> user add`: bench-tf, TASK_FORCE and
# APPROVING_AUTHORITY, SECRET, member of every post; bench-com, CHIEF_OF_MISSION), API tokens (rows
# of api_token, the SHA-256 hex of the secret), and the decision points of 3 posts, saved through
# PUT /api/v1/posts/{code}/decision-points (the bench checks the stored documents equal the files it
# then loads with SQL for the others). VACUUM ANALYZE. Then a JIT warm-up of the page (--warmup,
# default 30 s) and per round, app and anchor alternating order:
#   page, 1 and 4 clients  app:    --requests GET /task-force (default 300, split over the clients)
#                                  with curl (one process per client, keep-alive), bearer token of
#                                  bench-tf; client-side latency (time_total); every answer must be
#                                  200 with every post (data-code attributes), the overdue table and
#                                  its total.
#                          anchor: pgbench -n -M prepared, same clients and transactions, one
#                                  transaction = the SQL of one request (taskforce-page.sql, written
#                                  from the Java sources by bench/taskforce-sql.py).
#   replay                 app:    the biggest post's set (GET .../decision-points/export) and its
#                                  observations as a timeline CSV; `java -jar <jar> replay --post CODE
#                                  --decision-points FILE --timeline FILE`, --replays times (default
#                                  5): the command's wall time and the replay's own time (its
#                                  "replayed N observations ... in X ms" line); its crossings must be
#                                  the post's crossings in the database.
#                          anchor: psql \copy of the same CSV into a temporary table (reading the
#                                  year: the I/O floor), as often.
# Targets: the page's p95 at most 300 ms; the replay of one post's year at most 1 s.
# --statements loads pg_stat_statements (one restart of Muster after the setup) and lists the
# statements per request of both sides. --muster-arg passes an argument to the server (for trials,
# e.g. --muster-arg=--spring.thymeleaf.enable-spring-el-compiler=true); the report names it.
# Default: 3 rounds, about 12 minutes on 2 cores when quiet (2.5 of them generating and loading the
# installation), plus a build.
# The report (markdown) goes to standard output, progress to standard error.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

ROUNDS=3
POSTS=270
REQUESTS=300
REPLAYS=5
WARMUP=30
SEED=2021
STATEMENTS=0
WRITE_SQL=0
KEEP=0
MUSTER_ARGS=()
START_TIMEOUT_S=240
STOP_TIMEOUT_S=30
TARGET_P95_MS=300      # the issue's targets
TARGET_REPLAY_MS=1000

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

ORIG_ARGS=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds|--posts|--requests|--replays|--warmup|--seed)
      [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; }
      v="$2"; o="${1#--}"; shift 2 ;;
    --rounds=*|--posts=*|--requests=*|--replays=*|--warmup=*|--seed=*)
      v="${1#*=}"; o="${1%%=*}"; o="${o#--}"; shift ;;
    --statements) STATEMENTS=1; shift; continue ;;
    --muster-arg) [ $# -ge 2 ] || { echo "--muster-arg needs a value" >&2; exit 2; }; MUSTER_ARGS+=("$2"); shift 2; continue ;;
    --muster-arg=*) MUSTER_ARGS+=("${1#*=}"); shift; continue ;;
    --write-sql) WRITE_SQL=1; shift; continue ;;
    --keep) KEEP=1; shift; continue ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  case "$o" in
    rounds) ROUNDS="$v" ;; posts) POSTS="$v" ;; requests) REQUESTS="$v" ;; replays) REPLAYS="$v" ;;
    warmup) WARMUP="$v" ;; seed) SEED="$v" ;;
  esac
done
for v in ROUNDS POSTS REQUESTS REPLAYS SEED; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "--${v,,} must be a positive integer, got '${!v}'" >&2; exit 2; }
done
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "--warmup must be a whole number of seconds" >&2; exit 2; }
[ "$POSTS" -le 270 ] || { echo "--posts: at most 270" >&2; exit 2; }
[ "$POSTS" -ge 3 ] || { echo "--posts: at least 3" >&2; exit 2; }
[ $((REQUESTS % 4)) -eq 0 ] || { echo "--requests must be a multiple of 4 (split over 4 clients)" >&2; exit 2; }

cd "$(dirname "$0")/.."
REPO="$(pwd)"
COMMAND="$(printf '%q ' "bench/$(basename "$0")" "${ORIG_ARGS[@]}")"
COMMAND="${COMMAND% }"
JAVA_SRC=src/main/java/org/muster

for tool in java curl ss awk sed sort python3 psql pgbench sha256sum base64 head timeout; do
  command -v "$tool" > /dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

# --- state and cleanup --------------------------------------------------------------------------
new_work muster-taskforce-bench
mkdir -p "$WORK/results" "$WORK/bodies"
DATA="$WORK/data"
GEN="$WORK/installation"
R="$WORK/results"
MUSTER_PID=""
PORT=""

BG_PIDS=()   # measured clients in flight
stop_clients() {
  local p
  for p in "${BG_PIDS[@]}"; do kill -TERM "$p" 2> /dev/null || true; done
}
on_exit cleanup_and_exit

# --- helpers ------------------------------------------------------------------------------------
# cpu_lines S0 S1 WALL_US -> key=value lines: cores used by Muster, PostgreSQL and everything else
# (the load generator included) over the window.
cpu_lines() {
  local b0 m0 p0 b1 m1 p1
  read -r b0 m0 p0 _ <<< "$1"; read -r b1 m1 p1 _ <<< "$2"
  awk -v b="$((b1 - b0))" -v m="$((m1 - m0))" -v p="$((p1 - p0))" -v t="$CLK_TCK" -v w="$3" 'BEGIN {
    s = w / 1e6; if (s <= 0) s = 1
    o = (b - m - p) / t; if (o < 0) o = 0
    printf "cpu_window_s=%.3f\ncpu_app_cores=%.2f\ncpu_postgres_cores=%.2f\ncpu_others_cores=%.2f\n", s, m / t / s, p / t / s, o / s }'
}
# percentiles FILE (one latency in ms per line) -> key=value lines
percentiles() {
  sort -g "$1" | awk '{ v[NR] = $1; s += $1 } END {
    if (NR == 0) { print "n=0"; exit }
    printf "n=%d\nlat_mean_ms=%.1f\n", NR, s / NR
    split("50 95 99", ps, " ")
    for (i = 1; i <= 3; i++) { k = int(ps[i] / 100 * NR + 0.999999); if (k < 1) k = 1; printf "lat_p%s_ms=%.1f\n", ps[i], v[k] }
    printf "lat_min_ms=%.1f\nlat_max_ms=%.1f\n", v[1], v[NR] }'
}

# --- machine and load ---------------------------------------------------------------------------
note_load_before
MVN_BEFORE="$(maven_running)"

# --- 1. the jar ---------------------------------------------------------------------------------
build_jar
copy_jar

# --- 2. the installation (not timed) ------------------------------------------------------------
NOW_ISO="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
log "generating the installation: $POSTS posts, seed $SEED, now $NOW_ISO (bench/generate-taskforce.py, about 2 minutes) ..."
t0="$(now_us)"
"${PIN[@]}" python3 bench/generate-taskforce.py --out "$GEN" --now "$NOW_ISO" --posts "$POSTS" --seed "$SEED" \
  2> "$WORK/logs/generate.log" || { cat "$WORK/logs/generate.log" >&2; die "bench/generate-taskforce.py failed"; }
GEN_S=$(( ($(now_us) - t0) / 1000000 ))
summary() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=d
for k in sys.argv[2].split("."): v=v[k]
print(v)' "$GEN/summary.json" "$1"; }
BIG="$(summary biggest)"
log "generated in ${GEN_S} s: $(summary observations) observations, $(summary crossings) crossings, $(summary persons) persons"

# --- 3. Muster ----------------------------------------------------------------------------------
start_muster "$WORK/logs/muster.log" ${MUSTER_ARGS[@]+"${MUSTER_ARGS[@]}"}
sql -c 'select 1' > /dev/null || die "psql cannot connect to localhost:$PGPORT"
PG_VERSION="$(sql -c 'select version()')"
PG_SETTINGS="$(sql -F' ' -c "select string_agg(name || '=' || current_setting(name), ', ' order by name) from pg_settings
  where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'work_mem', 'max_connections', 'jit')")"
log "PostgreSQL on port $PGPORT (postmaster $POSTMASTER): $PG_VERSION"

# --- 4. setup (not timed) -----------------------------------------------------------------------
t_setup="$(now_us)"
log "setup: posts ..."
# SQL files read by psql: @GEN@ stands for the generated installation's directory.
load_sql() { sed "s|@GEN@|$GEN|g" | sql "$@"; }
POSTS_STAGE="create temp table bench_post (n bigint generated always as identity, code text, name text, kind text,
                                           country text, time_zone text, persons int, households int);
\\copy bench_post (code, name, kind, country, time_zone, persons, households) from '@GEN@/posts.csv' csv header"
{ echo "$POSTS_STAGE"; cat << 'SQL'; } | load_sql > /dev/null
insert into post (code, name, kind, country, time_zone, created_at)
select code, name, kind, country, time_zone, now() - interval '3 years' from bench_post order by n;
SQL
[ "$(sql -c 'select count(*) from post')" = "$POSTS" ] || die "post holds $(sql -c 'select count(*) from post') rows, not $POSTS"
CODES="$(sql -c "select string_agg(code, ',' order by id) from post")"

add_user() { # username name roles
  printf '%s\n' "bench-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')" \
    | "${PIN[@]}" java -jar "$JAR" user add --username "$1" --name "$2" --role "$3" --clearance SECRET --post "$CODES" \
      "--muster.data-dir=$DATA" > "$WORK/logs/user-$1.log" 2>&1 \
    || { cat "$WORK/logs/user-$1.log" >&2; die "user add $1 failed"; }
}
log "setup: accounts (java -jar muster.jar user add) ..."
add_user bench-tf "Task force bench" TASK_FORCE,APPROVING_AUTHORITY
add_user bench-com "Chief of mission bench" CHIEF_OF_MISSION

TF_TOKEN="$(new_token bench-tf 'task-force bench')"
COM_TOKEN="$(new_token bench-com 'task-force bench')"
TOKEN_HASH="$(printf '%s' "$TF_TOKEN" | sha256sum | cut -d' ' -f1)"

api() { # token method path [file] -> body, fails unless 2xx
  local out code
  out="$(curl -s -w '\n%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
        ${4:+--data-binary "@$4"} "$BASE$3")"
  code="${out##*$'\n'}"
  [[ "$code" =~ ^2 ]] || die "$2 $3 answered $code: ${out%$'\n'*}"
  printf '%s\n' "${out%$'\n'*}"
}
# A few posts' decision points through the API, as a chief of mission saves them: the format must be
# accepted, and the documents the app stores are the reference for the SQL load of the others.
API_CODES="$(sql -c "select string_agg(code, ' ' order by n) from (select code, row_number() over (order by id) n from post) p
                      where n in (1, 2, greatest(3, ($POSTS + 1) / 2))")"  # three distinct posts, however few
for code in $API_CODES; do
  api "$COM_TOKEN" PUT "/api/v1/posts/$code/decision-points" "$GEN/sets/$code.json" > "$WORK/logs/put-$code.json"
done
log "setup: decision points of $API_CODES saved through PUT /api/v1/posts/{code}/decision-points"

log "setup: decision points, persons, observations, crossings, postures (psql) ..."
{ echo '\timing on'; echo "$POSTS_STAGE"; cat << 'SQL'; } | load_sql -v seed="0.$SEED" > "$WORK/logs/load.log" 2>&1 \
  || { tail -n 30 "$WORK/logs/load.log" >&2; die "the load failed"; }
-- Decision points: the documents the API stored must equal the files; the other posts get theirs as
-- the app stores them (version 1, saved by the chief of mission).
create temp table s_set (code text, document jsonb);
\copy s_set from '@GEN@/sets.csv' csv header
do $$ begin
  if (select count(*) from decision_point_set) <> 3 or exists (  -- the 3 posts saved through the API
      select 1 from decision_point_set d join post p on p.id = d.post_id join s_set s on s.code = p.code
      where d.document <> s.document or d.version <> 1) then
    raise exception 'the documents stored through the API differ from the generated files';
  end if;
end $$;
insert into decision_point_set (post_id, version, document, saved_by, saved_at)
select p.id, 1, s.document, 'bench-com', now() - interval '366 days'
from s_set s join post p using (code) where not exists (select 1 from decision_point_set d where d.post_id = p.id)
order by p.id;

-- Persons in households, with their history row (as an import writes them), deterministic.
select setseed(:seed);
insert into household (post_id, name, created_at)
select p.id, 'Household ' || g, p.created_at + interval '1 day' * floor(random() * 900)
from bench_post b join post p using (code), generate_series(1, b.households) g order by b.n, g;
create temp table s_hh as select id, post_id, created_at, row_number() over (partition by post_id order by id) rn from household;
create index on s_hh (post_id, rn);
insert into person (post_id, household_id, given_name, family_name, category, chief_of_mission, nationality,
                    date_of_birth, created_at, emergency_staff, relationship, citizenship, intent, location,
                    last_contact_at, updated_at)
select post_id, household_id, given, family, category,
       category in ('US_DIRECT_HIRE', 'ELIGIBLE_FAMILY_MEMBER', 'PERSONAL_SERVICES_CONTRACTOR', 'TDY_VISITOR',
                    'LOCALLY_EMPLOYED_STAFF', 'THIRD_COUNTRY_NATIONAL_STAFF'),
       case when category in ('US_DIRECT_HIRE', 'ELIGIBLE_FAMILY_MEMBER', 'PRIVATE_US_CITIZEN', 'TDY_VISITOR') then 'US' end,
       date '1950-01-01' + floor(r3 * 25000)::int, created,
       category = 'US_DIRECT_HIRE' and r4 < 0.3,
       (array['HEAD', 'SPOUSE', 'CHILD'])[1 + g % 3],
       case when category = 'PRIVATE_US_CITIZEN' then
              case when r2 < 0.4 then 'VERIFIED' when r2 < 0.9 then 'CLAIMED' when r2 < 0.95 then 'DISPROVED' else 'UNKNOWN' end
            when category in ('US_DIRECT_HIRE', 'ELIGIBLE_FAMILY_MEMBER') then 'VERIFIED' else 'UNKNOWN' end,
       (array['LEAVE', 'STAY', 'UNDECIDED', 'UNKNOWN'])[1 + floor(r4 * 4)::int],
       'Compound ' || (1 + g % 12), created + interval '1 hour' * floor(r4 * 2000), created
from (
  select p.id post_id, h.id household_id, g, random() r1, random() r2, random() r3, random() r4,
         (array['Ahmad', 'Maryam', 'John', 'Sara', 'Ali', 'Fatima', 'David', 'Laila', 'Omar', 'Emily', 'Hamid',
                'Zahra', 'Michael', 'Nadia', 'Karim', 'Anna'])[1 + g % 16] given,
         (array['Rahimi', 'Smith', 'Karimi', 'Johnson', 'Haidari', 'Brown', 'Sultani', 'Garcia', 'Noori',
                'Miller', 'Ahmadi', 'Davis', 'Popal', 'Wilson', 'Safi', 'Taylor', 'Wardak'])[1 + (g / 3) % 17] family,
         h.created_at + interval '1 minute' * g created
  from bench_post b join post p using (code) cross join generate_series(1, b.persons) g
  join s_hh h on h.post_id = p.id and h.rn = 1 + (g - 1) % b.households
) x, lateral (select case
    when r1 < 0.35 then 'LOCALLY_EMPLOYED_STAFF' when r1 < 0.43 then 'US_DIRECT_HIRE'
    when r1 < 0.53 then 'ELIGIBLE_FAMILY_MEMBER' when r1 < 0.56 then 'PERSONAL_SERVICES_CONTRACTOR'
    when r1 < 0.58 then 'TDY_VISITOR' when r1 < 0.63 then 'THIRD_COUNTRY_NATIONAL_STAFF'
    when r1 < 0.70 then 'CONTRACTOR_NON_COM' when r1 < 0.95 then 'PRIVATE_US_CITIZEN'
    when r1 < 0.97 then 'LAWFUL_PERMANENT_RESIDENT' when r1 < 0.98 then 'ALIEN_IMMEDIATE_RELATIVE'
    when r1 < 0.99 then 'SIV_APPLICANT' else 'OTHER_DESIGNATED_NATIONAL' end category) c
order by post_id, g;
insert into person_state (person_id, valid_from, post_id, category, chief_of_mission, location, citizenship)
select id, created_at, post_id, category, chief_of_mission, location, citizenship from person;

-- Observations, ids in order of observation (as recorded live), then the identity moved past them.
create temp table s_obs (id bigint, code text, observed_at timestamptz, subject text, event text, value numeric,
                         source text, confidence text, classification text, handle text, note text,
                         recorded_by text, recorded_at timestamptz);
\copy s_obs from '@GEN@/observations.csv' csv header
insert into observation (id, post_id, observed_at, subject, event, value, source, confidence, classification,
                         handle, note, recorded_by, recorded_at)
overriding system value
select o.id, p.id, o.observed_at, o.subject, o.event, o.value, o.source, o.confidence, o.classification,
       o.handle, o.note, o.recorded_by, o.recorded_at
from s_obs o join post p using (code) order by o.id;
select setval(pg_get_serial_sequence('observation', 'id'), (select max(id) from observation));

-- The crossings those observations raised, in the order they were raised.
create temp table s_crossing (code text, key text, version int, title text, actions jsonb, classification text,
                              value text, crossed_at timestamptz, decide_by timestamptz, observation_id bigint,
                              raised_at timestamptz, status text, decided_at timestamptz, decided_by text,
                              decision_summary text, escalated_at timestamptz);
\copy s_crossing from '@GEN@/crossings.csv' csv header
insert into decision_point_crossing (post_id, key, version, title, actions, classification, value, crossed_at,
                                     decide_by, observation_id, raised_at, status, decided_at, decided_by,
                                     decision_summary, escalated_at)
select p.id, c.key, c.version, c.title, c.actions, c.classification, c.value, c.crossed_at, c.decide_by,
       c.observation_id, c.raised_at, c.status, c.decided_at, c.decided_by, c.decision_summary, c.escalated_at
from s_crossing c join post p using (code) order by c.raised_at, c.observation_id, c.key;

-- Crises (the task-force user approves), requests (by the chief of mission), periods, reviews.
create temp table s_crisis (id bigint, code text, name text, opened_at timestamptz, core int, capacity int,
                            threat date, closed_at timestamptz);
\copy s_crisis from '@GEN@/crises.csv' csv header
insert into crisis (id, post_id, name, opened_at, opened_by, accountable_official_id, approver_id,
                    core_presence_target, daily_capacity, threat_date, closed_at, closed_by)
overriding system value
select c.id, p.id, c.name, c.opened_at, 'bench-com', com.id, tf.id, c.core, c.capacity, c.threat, c.closed_at,
       case when c.closed_at is not null then 'bench-com' end
from s_crisis c join post p using (code), app_user com, app_user tf
where com.username = 'bench-com' and tf.username = 'bench-tf' order by c.id;
create temp table s_request (id bigint, code text, crisis_id bigint, posture text, categories text[], under_age int,
                             justification text, requested_at timestamptz, status text, decided_at timestamptz,
                             reason text);
\copy s_request from '@GEN@/requests.csv' csv header
insert into posture_request (id, post_id, crisis_id, posture, categories, under_age, justification, requested_at,
                             requested_by_id, requested_by, status, decided_at, decided_by, reason)
overriding system value
select r.id, p.id, r.crisis_id, r.posture, r.categories, r.under_age, r.justification, r.requested_at, com.id,
       com.username, r.status, r.decided_at, case when r.decided_at is not null then 'bench-tf' end, r.reason
from s_request r join post p using (code), app_user com where com.username = 'bench-com' order by r.id;
create temp table s_period (id bigint, code text, request_id bigint, posture text, categories text[],
                            under_age int, started_at timestamptz, approved_by text, ended_at timestamptz);
\copy s_period from '@GEN@/periods.csv' csv header
insert into posture_period (id, post_id, request_id, posture, categories, under_age, started_at, approved_by, ended_at)
overriding system value
select s.id, p.id, s.request_id, s.posture, s.categories, s.under_age, s.started_at, s.approved_by, s.ended_at
from s_period s join post p using (code) order by s.id;
create temp table s_review (period_id bigint, reviewed_at timestamptz, reviewed_by text, note text);
\copy s_review from '@GEN@/reviews.csv' csv header
insert into posture_review (period_id, reviewed_at, reviewed_by, note)
select period_id, reviewed_at, reviewed_by, note from s_review order by reviewed_at;
select setval(pg_get_serial_sequence('crisis', 'id'), (select coalesce(max(id), 0) + 1 from crisis), false);
select setval(pg_get_serial_sequence('posture_request', 'id'), (select coalesce(max(id), 0) + 1 from posture_request), false);
select setval(pg_get_serial_sequence('posture_period', 'id'), (select coalesce(max(id), 0) + 1 from posture_period), false);
SQL
log "setup: VACUUM ANALYZE, CHECKPOINT ..."
sql -c 'vacuum analyze' > /dev/null
sql -c 'checkpoint' > /dev/null
SETUP_S=$(( ($(now_us) - t_setup) / 1000000 ))

# The load must hold what the generator wrote.
check_count() { # what sql expected
  local got
  got="$(sql -c "$2")"
  [ "$got" = "$3" ] || die "after the load, $1: $got, expected $3"
}
check_count posts "select count(*) from post" "$POSTS"
check_count countries "select count(distinct country) from post" "$(summary countries)"
check_count persons "select count(*) from person" "$(summary persons)"
check_count observations "select count(*) from observation" "$(summary observations)"
check_count crossings "select count(*) from decision_point_crossing" "$(summary crossings)"
check_count "open crossings" "select count(*) from decision_point_crossing where status = 'OPEN'" "$(summary crossings_by_status.OPEN)"
check_count "escalated crossings" "select count(*) from decision_point_crossing where status = 'ESCALATED'" "$(summary crossings_by_status.ESCALATED)"
check_count "decision-point sets" "select count(*) from decision_point_set where post_id is not null" "$POSTS"
check_count "decision points per post" "select string_agg(distinct jsonb_array_length(document -> 'decisionPoints')::text, ',') from decision_point_set" "100"
check_count "task-force memberships" "select count(*) from post_membership m join app_user u on u.id = m.user_id where u.username = 'bench-tf'" "$POSTS"
OVERDUE="$(sql -c "select count(*) from decision_point_crossing where status = 'ESCALATED' or (status = 'OPEN' and decide_by < now())")"
UNDECIDED="$(sql -c "select count(*) from decision_point_crossing where status <> 'DECIDED'")"
PENDING="$(sql -c "select count(*) from posture_request where status = 'PENDING'")"
read -r DEPARTURES CRISES <<< "$(sql -F' ' -c "select (select count(*) from posture_period where ended_at is null and posture <> 'NORMAL'),
                                                      (select count(*) from crisis where closed_at is null)")"
BIG_ID="$(sql -c "select id from post where code = '$BIG'")"
read -r BIG_PERSONS BIG_OBS <<< "$(sql -F' ' -c "select (select count(*) from person where post_id = $BIG_ID), (select count(*) from observation where post_id = $BIG_ID)")"
DB_SIZE="$(sql -c "select pg_size_pretty(pg_database_size('postgres'))")"
INSTALLATION="$POSTS posts in $(summary countries) countries; $(printf "%'d" "$(summary observations)") observations ($(sql -c "select min(n) || ' to ' || max(n) from (select count(*) n from observation group by post_id) x") per post, $(sql -c "select count(*) from observation o where upper(translate(btrim(o.event), '- ', '__')) in ('NORMAL', 'NORMAL_OPERATIONS', 'AUTHORIZED_DEPARTURE', 'ORDERED_DEPARTURE', 'SUSPENSION', 'SUSPENSION_OF_OPERATIONS', 'SUSPENDED')") naming another mission's posture); 100 decision points per post; $(summary crossings) crossings ($(sql -c "select min(n) || ' to ' || max(n) from (select count(*) n from decision_point_crossing group by post_id) x") per post: $(summary crossings_by_status.DECIDED) decided, $(summary crossings_by_status.OPEN) open, $(summary crossings_by_status.ESCALATED) escalated); $(printf "%'d" "$(summary persons)") persons ($BIG: $(printf "%'d" "$BIG_PERSONS")); $DEPARTURES departures in force, $CRISES open crises, $PENDING pending requests with bench-tf as approver; database $DB_SIZE"
log "installation: $INSTALLATION (setup ${SETUP_S} s)"

# --- 5. the anchor's script, from the Java sources ---------------------------------------------
python3 bench/taskforce-sql.py "$JAVA_SRC" "$WORK/taskforce-page.sql" "$PENDING" || die "could not read the page's SQL from the Java sources"
SQL_NOTE="bench/taskforce-page.sql matches the SQL generated from the sources"
if [ "$WRITE_SQL" -eq 1 ]; then
  cp "$WORK/taskforce-page.sql" bench/taskforce-page.sql
  SQL_NOTE="bench/taskforce-page.sql rewritten from the sources by --write-sql"
elif [ "$POSTS" != 270 ] || [ "$SEED" != 2021 ]; then
  SQL_NOTE="generated from the sources for this installation; bench/taskforce-page.sql is the copy for the default one (270 posts, seed 2021)"
elif ! cmp -s "$WORK/taskforce-page.sql" bench/taskforce-page.sql; then
  SQL_NOTE="the committed copy bench/taskforce-page.sql differs from the SQL generated from the sources (the run used the generated script; --write-sql updates the copy)"
  problem "bench/taskforce-page.sql differs from the script generated from the Java sources; the run used the generated one"
fi
IDS="{$(sql -c "select string_agg(post_id::text, ',' order by post_id) from post_membership m join app_user u on u.id = m.user_id where u.username = 'bench-tf'")}"
PERIODS="{$(sql -c "select coalesce(string_agg(id::text, ','), '') from (select distinct on (post_id) id from posture_period order by post_id, started_at desc, id desc) x")}"
PGB_VARS=(-D "token_hash=$TOKEN_HASH" -D "ids=$IDS" -D "periods=$PERIODS" -D "markings={UNCLASSIFIED,SBU,CONFIDENTIAL,SECRET}")
i=0
for p in $(sql -c "select post_id from posture_request where status = 'PENDING' order by requested_at, id"); do
  i=$((i + 1)); PGB_VARS+=(-D "p$i=$p")
done
"${PIN[@]}" pgbench -n -M prepared -c 1 -t 1 -f "$WORK/taskforce-page.sql" "${PGB_VARS[@]}" > "$WORK/logs/pgbench-smoke.log" 2>&1 \
  || { cat "$WORK/logs/pgbench-smoke.log" >&2; die "pgbench could not run taskforce-page.sql"; }

[ "$STATEMENTS" -eq 0 ] || load_pg_stat_statements ${MUSTER_ARGS[@]+"${MUSTER_ARGS[@]}"}

# --- 6. the replay's input ----------------------------------------------------------------------
SET_FILE="$WORK/$BIG-decision-points.json"
TIMELINE="$WORK/$BIG-timeline.csv"
curl -s -f -H "Authorization: Bearer $TF_TOKEN" -o "$SET_FILE" "$BASE/api/v1/posts/$BIG/decision-points/export" \
  || die "GET /api/v1/posts/$BIG/decision-points/export failed"
[ "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["decisionPoints"]))' "$SET_FILE")" = 100 ] \
  || die "the export of $BIG does not hold 100 decision points"
sql -c "\\copy (select to_char(observed_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') date, subject, event, value, source, confidence, classification, handle, note from observation where post_id = $BIG_ID order by observed_at, id) to '$TIMELINE' csv header"
TIMELINE_INFO="$(( $(wc -l < "$TIMELINE") - 1 )) rows, $(stat -c %s "$TIMELINE") bytes"
# The crossings the replay must print: the post's crossings in the database (each decision point crossed
# at most once in the generated year), as the command prints them: local time, key.
BIG_ZONE="$(sql -c "select time_zone from post where id = $BIG_ID")"
sql -c "select to_char(crossed_at at time zone '$BIG_ZONE', 'YYYY-MM-DD HH24:MI') || '  ' || key from decision_point_crossing
        where post_id = $BIG_ID" | LC_ALL=C sort > "$WORK/expected-crossings.txt"

# --- 7. measurements ----------------------------------------------------------------------------
statements_reset() { [ "$STATEMENTS" -eq 1 ] && sql -c "select pg_stat_statements_reset()" > /dev/null; return 0; }
statements_report() { # out requests
  [ "$STATEMENTS" -eq 1 ] || return 0
  sql -F $'\t' -c "select calls, round(calls::numeric / $2, 2), round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3), rows,
                   left(regexp_replace(query, '\s+', ' ', 'g'), 120)
                   from pg_stat_statements where dbid = (select oid from pg_database where datname = 'postgres')
                     and query not like '%pg_stat_statements%'
                   order by calls desc, total_exec_time desc limit 20" > "$1"
}

# The answers of one measurement: status 200, every post (data-code), the overdue table and its total.
check_bodies() { # dir expected_posts expected_overdue -> bad count on stdout, reasons in dir/bad.txt
  python3 - "$1" "$2" "$3" << 'PY'
import os, re, sys
d, posts, overdue = sys.argv[1], int(sys.argv[2]), sys.argv[3]
bad = []
for name in sorted(os.listdir(d)):
    if not name.endswith(".html"):
        continue
    body = open(os.path.join(d, name), encoding="utf-8", errors="replace").read()
    n = body.count('data-code="')
    why = []
    if n != posts:
        why.append(f"{n} data-code attributes, not {posts}")
    if 'id="overdue"' not in body:
        why.append("no overdue table")
    m = re.search(r'data-testid="overdue-total">(\d+)<', body)
    if not m or m.group(1) != overdue:
        why.append(f"overdue total {m.group(1) if m else 'missing'}, not {overdue}")
    if why:
        bad.append(f"{name}: {'; '.join(why)}")
    os.remove(os.path.join(d, name))
open(os.path.join(d, "bad.txt"), "w").write("\n".join(bad) + ("\n" if bad else ""))
print(len(bad))
PY
}

# page_app CLIENTS N OUT: N requests split over CLIENTS curl processes (keep-alive), all started at once.
page_app() {
  local c="$1" n="$2" out="$3" dir="${3%.kv}.d" per i s0 s1 w0 w1 pids=()
  per=$((n / c))
  mkdir -p "$dir"
  w0="$(now_us)"; s0="$(cpu_snap)"
  for i in $(seq 1 "$c"); do
    "${PIN[@]}" curl -s -H "Authorization: Bearer $TF_TOKEN" -o "$dir/c$i-#1.html" \
      -w '%{http_code} %{time_total} %{size_download}\n' "$BASE/task-force?c=$i&r=[1-$per]" > "$dir/c$i.txt" 2> "$dir/c$i.err" &
    pids+=($!)
  done
  BG_PIDS=("${pids[@]}")
  for i in "${pids[@]}"; do wait "$i" || die "curl failed (see $dir)"; done
  BG_PIDS=()
  s1="$(cpu_snap)"; w1="$(now_us)"
  cat "$dir"/c*.txt > "$dir/all.txt"
  awk '{ printf "%.3f\n", $2 * 1000 }' "$dir/all.txt" > "$dir/lat.txt"
  {
    echo "who=app"; echo "clients=$c"
    percentiles "$dir/lat.txt"
    echo "non200=$(awk '$1 != 200' "$dir/all.txt" | wc -l)"
    echo "bytes_mean=$(awk '{ s += $3 } END { printf "%d", s / NR }' "$dir/all.txt")"
    awk -v n="$(wc -l < "$dir/all.txt")" -v w="$((w1 - w0))" 'BEGIN { printf "rps=%.2f\nwall_s=%.1f\n", n / (w / 1e6), w / 1e6 }'
    echo "bad_bodies=$(check_bodies "$dir" "$POSTS" "$OVERDUE")"
    cpu_lines "$s0" "$s1" "$((w1 - w0))"
  } > "$out"
  [ "$(kv "$out" n)" = "$n" ] || die "app page ($c clients): $(kv "$out" n) answers, not $n"
  [ "$(kv "$out" non200)" = 0 ] || die "app page ($c clients): $(kv "$out" non200) answers not 200 (see $dir/all.txt)"
  [ "$(kv "$out" bad_bodies)" = 0 ] || die "app page ($c clients): $(kv "$out" bad_bodies) answers without the whole page: $(head -n 3 "$dir/bad.txt")"
}

# page_anchor CLIENTS N OUT: pgbench, N transactions split over CLIENTS, latency per transaction from its log.
page_anchor() {
  local c="$1" n="$2" out="$3" pfx="${3%.kv}.pgb" logf="${3%.kv}.log" s0 s1 w0 w1 j
  j=$(( c < 2 ? c : 2 ))
  w0="$(now_us)"; s0="$(cpu_snap)"
  "${PIN[@]}" pgbench -n -M prepared -r -c "$c" -j "$j" -t $((n / c)) -l "--log-prefix=$pfx" \
    -f "$WORK/taskforce-page.sql" "${PGB_VARS[@]}" > "$logf" 2>&1 < /dev/null || { tail -n 20 "$logf" >&2; die "pgbench failed"; }
  s1="$(cpu_snap)"; w1="$(now_us)"
  grep -q 'aborted' "$logf" && { tail -n 20 "$logf" >&2; die "pgbench: a client aborted"; }
  cat "$pfx".* | awk '{ printf "%.3f\n", $3 / 1000 }' > "${out%.kv}.lat"
  {
    echo "who=anchor"; echo "clients=$c"
    percentiles "${out%.kv}.lat"
    awk -v n="$n" -v w="$((w1 - w0))" 'BEGIN { printf "rps=%.2f\nwall_s=%.1f\n", n / (w / 1e6), w / 1e6 }'
    cpu_lines "$s0" "$s1" "$((w1 - w0))"
  } > "$out"
  [ "$(kv "$out" n)" = "$n" ] || die "pgbench ($c clients): $(kv "$out" n) transactions logged, not $n"
  awk '/^statement latencies in milliseconds/ { on = 1; next } on' "$logf" > "${out%.kv}.statements"
}

measure_page() { # who clients round
  local who="$1" c="$2" round="$3" out="$R/page-$2-$1-$3.kv" load1 mvn
  load1="$(cut -d' ' -f1 /proc/loadavg)"; mvn="$(maven_running)"
  statements_reset
  if [ "$who" = app ]; then page_app "$c" "$REQUESTS" "$out"; else page_anchor "$c" "$REQUESTS" "$out"; fi
  { echo "load1=$load1"; echo "mvn=$mvn"; } >> "$out"
  statements_report "${out%.kv}.pgss" "$REQUESTS"
  log "round $round page/$c $who: p50 $(kv "$out" lat_p50_ms) ms, p95 $(kv "$out" lat_p95_ms) ms, p99 $(kv "$out" lat_p99_ms) ms, max $(kv "$out" lat_max_ms) ms, $(kv "$out" rps)/s; load $load1, mvn $mvn"
}

# measure_replay who round: --replays runs of the command (app) or of psql \copy (anchor).
measure_replay() {
  local who="$1" round="$2" out="$R/replay-$1-$2.kv" i t0 t1 load1 mvn f
  load1="$(cut -d' ' -f1 /proc/loadavg)"; mvn="$(maven_running)"
  : > "${out%.kv}.wall"; : > "${out%.kv}.inner"
  for i in $(seq 1 "$REPLAYS"); do
    f="${out%.kv}-$i"
    if [ "$who" = app ]; then
      t0="$(now_us)"
      "${PIN[@]}" java -jar "$JAR" replay --post "$BIG" --decision-points "$SET_FILE" --timeline "$TIMELINE" \
        "--muster.data-dir=$DATA" > "$f.out" 2> "$f.err" < /dev/null || { cat "$f.err" >&2; die "the replay command failed"; }
      t1="$(now_us)"
      sed -nE 's/.*replayed ([0-9]+) observations against ([0-9]+) decision points in ([0-9.]+) ms.*/\3/p' "$f.err" >> "${out%.kv}.inner"
      grep -qE "replayed $BIG_OBS observations against 100 decision points in" "$f.err" \
        || die "the replay did not report replaying $BIG_OBS observations against 100 decision points: $(tail -n 3 "$f.err")"
      grep -E '^[0-9]{4}-' "$f.out" | awk '{ print $1 " " $2 "  " $3 }' | LC_ALL=C sort > "$f.crossings"
      cmp -s "$f.crossings" "$WORK/expected-crossings.txt" \
        || die "the replay's crossings differ from $BIG's crossings in the database: $(diff "$f.crossings" "$WORK/expected-crossings.txt" | head -n 6 | tr '\n' ' ')"
    else
      t0="$(now_us)"
      sql -c "create temp table timeline (date timestamptz, subject text, event text, value numeric, source text,
              confidence text, classification text, handle text, note text)" -c '\timing on' \
          -c "\\copy timeline from '$TIMELINE' csv header" -c 'select count(*) from timeline' > "$f.out" 2>&1 \
        || { cat "$f.out" >&2; die "psql \\copy of the timeline failed"; }
      t1="$(now_us)"
      grep -qx "$BIG_OBS" "$f.out" || die "psql \\copy did not read $BIG_OBS rows: $(head -n 3 "$f.out" | tr '\n' ' ')"
      sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' "$f.out" | sed -n 1p >> "${out%.kv}.inner"
    fi
    awk -v d="$((t1 - t0))" 'BEGIN { printf "%.1f\n", d / 1000 }' >> "${out%.kv}.wall"
  done
  {
    echo "who=$who"; echo "runs=$REPLAYS"
    sort -g "${out%.kv}.wall" | awk '{ v[NR] = $1 } END { printf "wall_min_ms=%s\nwall_median_ms=%s\nwall_max_ms=%s\n", v[1], v[int((NR + 1) / 2)], v[NR] }'
    sort -g "${out%.kv}.inner" | awk '{ v[NR] = $1 } END { printf "inner_min_ms=%s\ninner_median_ms=%s\ninner_max_ms=%s\n", v[1], v[int((NR + 1) / 2)], v[NR] }'
    echo "load1=$load1"; echo "mvn=$mvn"
  } > "$out"
  log "round $round replay $who: wall median $(kv "$out" wall_median_ms) ms, inner median $(kv "$out" inner_median_ms) ms (max $(kv "$out" inner_max_ms)); load $load1, mvn $mvn"
}

if [ "$WARMUP" -gt 0 ]; then
  log "JIT warm-up of the app: ${WARMUP} s of GET /task-force, one client (not measured) ..."
  : > "$R/warmup.txt"
  t_end=$(( $(now_us) + WARMUP * 1000000 ))
  while [ "$(now_us)" -lt "$t_end" ]; do
    "${PIN[@]}" curl -s -H "Authorization: Bearer $TF_TOKEN" -o /dev/null -w '%{http_code} %{time_total}\n' \
      "$BASE/task-force" >> "$R/warmup.txt" 2> /dev/null || true
  done
  WARM_N="$(wc -l < "$R/warmup.txt")"
  WARM_NOTE="${WARMUP} s of GET /task-force before round 1, one client: $WARM_N requests, the last 20 at $(tail -n 20 "$R/warmup.txt" | awk '{ s += $2 } END { printf "%.0f", s / NR * 1000 }') ms on average (not measured)"
  [ "$(awk '$1 != 200' "$R/warmup.txt" | wc -l)" = 0 ] || die "the warm-up had answers other than 200"
  "${PIN[@]}" pgbench -n -M prepared -c 1 -t 20 -f "$WORK/taskforce-page.sql" "${PGB_VARS[@]}" > /dev/null 2>&1 || die "pgbench warm-up failed"
  log "warm-up: $WARM_NOTE"
else
  WARM_NOTE="none"
fi

for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order=(app anchor); else order=(anchor app); fi
  for c in 1 4; do
    for who in "${order[@]}"; do measure_page "$who" "$c" "$round"; done
  done
  for who in "${order[@]}"; do measure_replay "$who" "$round"; done
  echo "${order[*]}" > "$R/order-$round"
  [ "$(stat -c '%Y %s' target/muster.jar)" = "$JAR_STAMP" ] || log "round $round: target/muster.jar changed during the bench (someone rebuilt); the bench runs its own copy"
done

LOAD_AFTER="$(uptime)"
log "load after: $LOAD_AFTER"
muster_warnings
stop_muster

# --- 8. report ----------------------------------------------------------------------------------
worst() { sort -g | tail -n 1; }
cpu_cell() { printf '%s / %s / %s' "$(kv "$1" cpu_app_cores)" "$(kv "$1" cpu_postgres_cores)" "$(kv "$1" cpu_others_cores)"; }

machine_facts
PGBENCH_VERSION="$(pgbench --version)"
PSQL_VERSION="$(psql --version)"

cat << EOF
## Muster task-force bench (issue 5, point 10)

One Muster server (\`java -jar target/muster.jar\`, fresh data directory) holding the installation below;
$ROUNDS rounds, app and anchor alternating order per round, after a JIT warm-up.

- **installation**: $INSTALLATION. Generated by \`bench/generate-taskforce.py --seed $SEED\` and loaded
  with psql into the app's tables (accounts with \`user add\`, the decision points of $API_CODES through the API).
- **page, app**: $REQUESTS requests of \`GET /task-force\` per case with bench-tf's bearer token (TASK_FORCE and
  APPROVING_AUTHORITY, SECRET, member of all $POSTS posts), from curl: 1 client, then 4 clients started
  together ($((REQUESTS / 4)) requests each), each client one keep-alive connection sending the next request when
  the answer is complete. Latency: curl's \`time_total\`, per request, client side. Every answer was
  checked: 200, $POSTS \`data-code\` attributes, the overdue table with its total ($OVERDUE).
- **page, anchor**: \`pgbench -n -M prepared\`, same clients, $REQUESTS transactions; one transaction of
  \`taskforce-page.sql\` is the SQL of one request, read from the Java sources (see "What the anchor runs");
  latency per transaction from pgbench's log.
- **replay, app**: \`java -jar target/muster.jar replay --post $BIG --decision-points $BIG-decision-points.json
  --timeline $BIG-timeline.csv\` ($BIG: the biggest post; its set exported with
  \`GET /api/v1/posts/$BIG/decision-points/export\`, 100 decision points; the timeline its $BIG_OBS observations,
  $TIMELINE_INFO, in the documented CSV format), $REPLAYS runs per round. "replay" is the time the
  command prints for \`Crossings.replay\` alone (System.nanoTime around the call); "command" is the whole
  command's wall time (JVM, Spring context, reading both files, printing). Every run printed exactly the
  crossings $BIG holds in the database ($(wc -l < "$WORK/expected-crossings.txt")).
- **replay, anchor**: \`psql\` creating a temporary table and \`\\copy\`ing the same CSV into it (typed columns:
  timestamptz, numeric): the I/O floor of reading the year. "replay" column: the \`\\copy\` statement's
  \\timing; "command": psql's wall time.
- CPU columns: cores used during the measurement by Muster's JVM / PostgreSQL (all backends) / everything
  else (curl or pgbench, other engineers' work). The clients share the machine's $(nproc) cores with the server.

### Task-force page, $POSTS posts (target: p95 ≤ ${TARGET_P95_MS} ms)

| round | clients | order | app p50 / p95 / p99 / max, ms | app req/s | anchor p50 / p95 / p99 / max, ms | anchor tx/s | app / anchor at p95 | app CPU: JVM / PG / others | anchor CPU: JVM / PG / others | load1, mvn (app/anchor) |
|---|---|---|---|---|---|---|---|---|---|---|
EOF
for c in 1 4; do
  for r in $(seq 1 "$ROUNDS"); do
    a="$R/page-$c-app-$r.kv"; b="$R/page-$c-anchor-$r.kv"
    printf '| %s | %s | %s | %s / %s / %s / %s | %s | %s / %s / %s / %s | %s | %s | %s | %s | %s/%s, %s/%s |\n' "$r" "$c" "$(tr ' ' '/' < "$R/order-$r")" \
      "$(kv "$a" lat_p50_ms)" "$(kv "$a" lat_p95_ms)" "$(kv "$a" lat_p99_ms)" "$(kv "$a" lat_max_ms)" "$(kv "$a" rps)" \
      "$(kv "$b" lat_p50_ms)" "$(kv "$b" lat_p95_ms)" "$(kv "$b" lat_p99_ms)" "$(kv "$b" lat_max_ms)" "$(kv "$b" rps)" \
      "$(ratio "$(kv "$a" lat_p95_ms)" "$(kv "$b" lat_p95_ms)" 1)" "$(cpu_cell "$a")" "$(cpu_cell "$b")" \
      "$(kv "$a" load1)" "$(kv "$b" load1)" "$(kv "$a" mvn)" "$(kv "$b" mvn)"
  done
  printf '| **median** | %s | | %s / **%s** / %s / %s | %s | %s / **%s** / %s / %s | %s | **%s** | | | |\n' "$c" \
    "$(col "page-$c-app" lat_p50_ms | median)" "$(col "page-$c-app" lat_p95_ms | median)" "$(col "page-$c-app" lat_p99_ms | median)" "$(col "page-$c-app" lat_max_ms | median)" "$(col "page-$c-app" rps | median)" \
    "$(col "page-$c-anchor" lat_p50_ms | median)" "$(col "page-$c-anchor" lat_p95_ms | median)" "$(col "page-$c-anchor" lat_p99_ms | median)" "$(col "page-$c-anchor" lat_max_ms | median)" "$(col "page-$c-anchor" rps | median)" \
    "$(ratio "$(col "page-$c-app" lat_p95_ms | median)" "$(col "page-$c-anchor" lat_p95_ms | median)" 1)"
done

cat << EOF

Answers: $(kv "$R/page-1-app-1.kv" bytes_mean) bytes each (mean, round 1, 1 client).

### Replay of one post's year ($BIG: $BIG_OBS observations, 100 decision points; target: ≤ ${TARGET_REPLAY_MS} ms)

| round | order | app: replay, ms (min / median / max of $REPLAYS) | app: command wall, ms (min / median / max) | anchor: \\copy, ms (min / median / max) | anchor: psql wall, ms (min / median / max) | replay / \\copy | load1, mvn (app/anchor) |
|---|---|---|---|---|---|---|---|
EOF
for r in $(seq 1 "$ROUNDS"); do
  a="$R/replay-app-$r.kv"; b="$R/replay-anchor-$r.kv"
  printf '| %s | %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s | %s/%s, %s/%s |\n' "$r" "$(tr ' ' '/' < "$R/order-$r")" \
    "$(kv "$a" inner_min_ms)" "$(kv "$a" inner_median_ms)" "$(kv "$a" inner_max_ms)" \
    "$(kv "$a" wall_min_ms)" "$(kv "$a" wall_median_ms)" "$(kv "$a" wall_max_ms)" \
    "$(kv "$b" inner_min_ms)" "$(kv "$b" inner_median_ms)" "$(kv "$b" inner_max_ms)" \
    "$(kv "$b" wall_min_ms)" "$(kv "$b" wall_median_ms)" "$(kv "$b" wall_max_ms)" \
    "$(ratio "$(kv "$a" inner_median_ms)" "$(kv "$b" inner_median_ms)" 1)" "$(kv "$a" load1)" "$(kv "$b" load1)" "$(kv "$a" mvn)" "$(kv "$b" mvn)"
done
RP_MED="$(col replay-app inner_median_ms | median)"; RP_WORST="$(col replay-app inner_max_ms | worst)"
RW_MED="$(col replay-app wall_median_ms | median)"; RA_MED="$(col replay-anchor inner_median_ms | median)"
printf '| **median** | | **%s** | **%s** | **%s** | %s | **%s** | |\n' "$RP_MED" "$RW_MED" "$RA_MED" "$(col replay-anchor wall_median_ms | median)" "$(ratio "$RP_MED" "$RA_MED" 1)"

verdict_max() { # median worst target
  if awk -v w="$2" -v t="$3" 'BEGIN { exit !(w <= t) }'; then echo "**met** (every round; worst $2)"
  elif awk -v m="$1" -v t="$3" 'BEGIN { exit !(m <= t) }'; then echo "met by the median only (worst round $2)"
  else echo "**missed** (median $1, worst round $2)"; fi
}
cat << EOF

### Targets

| target | result |
|---|---|
| page p95 ≤ ${TARGET_P95_MS} ms, 1 client | median p95 $(col page-1-app lat_p95_ms | median) ms: $(verdict_max "$(col page-1-app lat_p95_ms | median)" "$(col page-1-app lat_p95_ms | worst)" "$TARGET_P95_MS") |
| page p95 ≤ ${TARGET_P95_MS} ms, 4 clients | median p95 $(col page-4-app lat_p95_ms | median) ms: $(verdict_max "$(col page-4-app lat_p95_ms | median)" "$(col page-4-app lat_p95_ms | worst)" "$TARGET_P95_MS") |
| replay of one post's year ≤ ${TARGET_REPLAY_MS} ms (the replay itself) | median $RP_MED ms: $(verdict_max "$RP_MED" "$RP_WORST" "$TARGET_REPLAY_MS") |
| the replay command, wall time (JVM and context start included) | median $RW_MED ms: $(if awk -v m="$RW_MED" -v t="$TARGET_REPLAY_MS" 'BEGIN { exit !(m <= t) }'; then echo "within ${TARGET_REPLAY_MS} ms"; else echo "over ${TARGET_REPLAY_MS} ms (a fresh JVM and Spring context per command)"; fi) |

### What the anchor runs

One pgbench transaction is one request of the app (${SQL_NOTE}): in autocommit,
\`ApiTokens.AUTHENTICATE\` (the token filter) and \`Posts.visible\` twice (the page's model attributes
\`currentPost\` and \`myPosts\`); then \`TaskForceBoard.overview\`'s read-only repeatable-read transaction as
Spring, HikariCP and pgjdbc run it (\`SHOW TRANSACTION ISOLATION LEVEL\`, \`SET SESSION CHARACTERISTICS ...
REPEATABLE READ\`, \`BEGIN READ ONLY\`, ..., \`COMMIT\`, \`SET SESSION CHARACTERISTICS ... READ COMMITTED\`) with
\`Posts.visible\`, \`PostureRows.statuses\` (periods, last reviews), \`PeopleRegistry.totals\`, \`Crossings.forPosts\`,
\`Postures.pending\`, \`Crises.open\` once per pending request ($PENDING), \`MissionPostures.reportedByCountry\`. Values: the token's hash, the $POSTS post ids, the periods in
force, the four markings, \`now()\` where the app binds its clock. Left out: the \`last_used_at\` update of the
token (once a minute). The app's Java-side work (security filters, JDBC, mapping rows to records, the
need-to-know checks, Thymeleaf rendering of the page, HTTP) is what the ratio measures.
Command: \`pgbench -n -M prepared -r -c C -j min(C,2) -t $REQUESTS/C -l -f taskforce-page.sql -D token_hash=... -D ids={...} -D periods={...} -D markings={...} -D p1=...\`

Per-statement latencies of the anchor, pgbench -r, last round, 1 client, ms:

\`\`\`
$(awk '$1 ~ /^[0-9.]+$/ && $2 ~ /^[0-9]+$/ { lat = $1; sub(/^ *[0-9.]+ +[0-9]+ +/, ""); printf "%8s  %s\n", lat, $0 }' "$R/page-1-anchor-$ROUNDS.statements" | cut -c1-140)
\`\`\`
EOF
if [ "$STATEMENTS" -eq 1 ]; then
  echo
  echo "pg_stat_statements, last round (calls, calls per request or transaction, total ms, mean ms, rows, query):"
  pgss_blocks 200 "$R"/page-1-*-"$ROUNDS".pgss "$R"/page-4-*-"$ROUNDS".pgss
fi
cat << EOF

### Machine and run

- command: \`$COMMAND\` (from $REPO)
- date: $DATE_START
- machine: $MACHINE
- java: $JAVA_VERSION (Muster: plain \`java -jar target/muster.jar\`, default heap and GC${MUSTER_ARGS[*]+; server arguments: ${MUSTER_ARGS[*]}})
- PostgreSQL: $PG_VERSION (zonky binaries started by Muster: $PG_SETTINGS); $PGBENCH_VERSION; $PSQL_VERSION
- build: commit $COMMIT with $DIRTY changed/untracked paths; $JAR_INFO; $BUILD_NOTE
- setup: generated in ${GEN_S} s, loaded in ${SETUP_S} s (not timed); JIT warm-up: $WARM_NOTE
- load before: $(echo "$LOAD_BEFORE" | sed 's/^ *//') (processes over 10 % CPU: ${BUSY_BEFORE:-none}; Maven processes: $MVN_BEFORE)
- load after: $(echo "$LOAD_AFTER" | sed 's/^ *//')
- "load1, mvn" columns: 1-minute load average and Maven processes (builds, tests) running at the start of each measurement

Problems seen:
EOF
if [ -s "$PROBLEMS" ]; then cat "$PROBLEMS"; else echo "- none (every answer complete, every replay printed the post's crossings)"; fi
