#!/usr/bin/env bash
# Check-in bench (issue 4): check-ins through the HTTP API beside pgbench running the same SQL on the
# same embedded PostgreSQL server, in the same run.
#
#   bench/checkins.sh [--rounds N] [--warmup S] [--duration S] [--clients N] [--batch-clients K[,K...]]
#                     [--persons N] [--history N] [--jit-warmup S] [--client wrk|java] [--statements]
#                     [--write-sql] [--keep]
#
# It builds target/muster.jar when it is missing or older than src/ or pom.xml (mvn -q -B -ntp
# -DskipTests package), copies it into its temporary directory (so that someone else's rebuild
# cannot pull it from under the running server), starts Muster (java -jar <that copy>
# --muster.data-dir=<temp dir> --server.port=<free port>) and waits for HTTP 200 from /login.
# Setup, not timed: a post (psql); N persons (default 20,000; a generated CSV loaded with
# `java -jar target/muster.jar import`); a gate user (GATE, member of the post) and a lead
# (SECURITY_OFFICER) made with `java -jar target/muster.jar user add`; an API token for each (rows
# in api_token: token_hash is the hex SHA-256 of the mst_... secret, as ApiTokens stores it); an
# earlier roll-call started and closed by the lead through the API, and the measured roll-call of
# the whole post started by the lead (POST /api/v1/posts/{code}/roll-calls). Then one untimed JIT
# warm-up of the app (--jit-warmup, default 120 s of single check-ins and 60 s of batches: on 2
# cores the server's one C2 compiler thread needs about two minutes of load to catch up; the report
# gives the compiler threads' CPU in every window). Each round then measures, the order of app and
# anchor alternating per round:
#   single  app:    wrk (Debian's package, installed when missing) with bench/checkin-wrk.lua:
#                   --clients connections (default 8) POST .../check-ins as the gate user, each
#                   waiting for its answer before sending the next; random members, statuses
#                   SAFE/NEEDS_HELP/NOT_AT_POST, channel GATE, client-made UUIDs. A load generator
#                   in C, as pgbench is: CheckInLoad's JVM took 0.86 ms of CPU per request from the
#                   same 2 cores (--client java measures with it instead).
#           anchor: pgbench -n -M prepared -c 8 -j 2 -f checkin-single.sql: per transaction of the
#                   script the SQL the app runs per request, in the same transactions (token lookup
#                   in its own transaction, account and reader in autocommit, the check-in in a
#                   transaction).
#   batch   app:    K workers (--batch-clients, default 2; a list such as 1,2,4 measures each) POST
#                   .../check-ins/batch with 500 check-ins.
#           anchor: pgbench with K clients running the batch path's statements on 500-element arrays.
# Every measurement: --warmup s (default 5) then --duration s (default 20) on the same connections;
# only what completes in the measured window counts. Before each one, check_in is emptied (it is
# append-only by a trigger: the bench truncates it with session_replication_role = replica, in its
# own psql session) and given --history check-ins per member (default 5) of the earlier roll-call,
# the members are reset to UNKNOWN, then VACUUM ANALYZE and CHECKPOINT: every measurement starts from
# the same state. After each one the bench fails unless check_in holds, for the measured roll-call,
# exactly the check-ins the app reported recorded (201s, or the batches' "recorded") or pgbench's
# transactions x 1 or x 500.
#
# The pgbench scripts are generated at run time from the Java sources (the SQL text of ApiTokens,
# UserAccounts, NeedToKnow and CheckInStatements, each ? replaced by a pgbench variable or
# expression of the type the app binds); bench/checkin-single.sql and bench/checkin-batch.sql are
# copies, checked against the generated ones (--write-sql rewrites them). --statements loads
# pg_stat_statements (restarting Muster once after the setup) and reports the statements per
# request; it adds a little overhead to both sides.
#
# Default 3 rounds take about 12 minutes on 2 cores (plus a build). The report (markdown) goes to
# standard output, progress to standard error. --keep keeps the temporary directory.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

ROUNDS=3
WARMUP=5
DURATION=20
CLIENTS=8
BATCH_CLIENTS=2
BATCH=500
PERSONS=20000
HISTORY=5              # check-ins per member of an earlier, closed roll-call, kept in check_in
JIT_WARMUP=120
STATEMENTS=0
CLIENT=wrk             # the single check-ins' load generator: wrk (C) or java (bench/CheckInLoad.java)
WRITE_SQL=0
KEEP=0
START_TIMEOUT_S=180
STOP_TIMEOUT_S=30
TARGET_SINGLE=0.6      # the issue's targets
TARGET_P99_MS=200
TARGET_BATCH=0.3
CODE=CHKB
ZONE=Asia/Kabul

usage() { sed -n '2,49p' "$0" | sed 's/^# \{0,1\}//'; }

ORIG_ARGS=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds|--warmup|--duration|--clients|--batch-clients|--persons|--history|--jit-warmup)
      [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; }
      v="$2"; o="${1#--}"; shift 2 ;;
    --rounds=*|--warmup=*|--duration=*|--clients=*|--batch-clients=*|--persons=*|--history=*|--jit-warmup=*)
      v="${1#*=}"; o="${1%%=*}"; o="${o#--}"; shift ;;
    --statements) STATEMENTS=1; shift; continue ;;
    --client) [ $# -ge 2 ] || { echo "--client needs wrk or java" >&2; exit 2; }; CLIENT="$2"; shift 2; continue ;;
    --client=*) CLIENT="${1#*=}"; shift; continue ;;
    --write-sql) WRITE_SQL=1; shift; continue ;;
    --keep) KEEP=1; shift; continue ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  case "$o" in
    rounds) ROUNDS="$v" ;; warmup) WARMUP="$v" ;; duration) DURATION="$v" ;; clients) CLIENTS="$v" ;;
    batch-clients) BATCH_CLIENTS="$v" ;; persons) PERSONS="$v" ;; jit-warmup) JIT_WARMUP="$v" ;; history) HISTORY="$v" ;;
  esac
done
for v in ROUNDS DURATION CLIENTS PERSONS; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "--${v,,} must be a positive integer, got '${!v}'" >&2; exit 2; }
done
for v in WARMUP JIT_WARMUP HISTORY; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "--${v,,} must be a whole number of seconds, got '${!v}'" >&2; exit 2; }
done
[[ "$CLIENT" =~ ^(wrk|java)$ ]] || { echo "--client: wrk or java, got '$CLIENT'" >&2; exit 2; }
[[ "$BATCH_CLIENTS" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "--batch-clients: a list such as 2 or 1,2,4" >&2; exit 2; }
IFS=, read -r -a BATCH_KS <<< "$BATCH_CLIENTS"

cd "$(dirname "$0")/.."
REPO="$(pwd)"
COMMAND="$(printf '%q ' "bench/$(basename "$0")" "${ORIG_ARGS[@]}")"
COMMAND="${COMMAND% }"
JAVA_SRC=src/main/java/org/muster

if [ "$CLIENT" = wrk ] && ! command -v wrk > /dev/null; then
  echo "Installing Debian's wrk (the single check-ins' load generator; --client java uses bench/CheckInLoad.java)..." >&2
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null 2>&1 \
    || { apt-get update -qq > /dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null 2>&1; }; } \
    || { echo "could not install wrk; install it (apt-get install wrk) or run with --client java" >&2; exit 1; }
fi
for tool in java curl ss awk sed sort python3 psql pgbench sha256sum base64 head; do
  command -v "$tool" > /dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

# --- state and cleanup --------------------------------------------------------------------------
new_work muster-checkin-bench
mkdir -p "$WORK/results"
DATA="$WORK/data"
MUSTER_PID=""
PORT=""

BG_PID=""   # a measured pgbench or load generator in flight
stop_clients() {
  if [ -n "$BG_PID" ] && kill -0 "$BG_PID" 2> /dev/null; then kill -TERM "$BG_PID" 2> /dev/null || true; wait "$BG_PID" 2> /dev/null || true; fi
}
on_exit cleanup_and_exit

# --- machine and load ---------------------------------------------------------------------------
note_load_before
MVN_BEFORE="$(maven_running)"

# --- 1. the jar ---------------------------------------------------------------------------------
build_jar
copy_jar

# --- 2. the pgbench scripts, from the Java sources ----------------------------------------------
# Each statement is the SQL text of the Java source, read now; each ? is replaced, in order, by what
# the app binds there: a pgbench variable (-D on the command line, \set or \gset) or an expression for
# values the app makes per request (a fresh UUID, the clock). The app's clock reads become now().
log "generating the pgbench scripts from the Java sources ..."
python3 - "$JAVA_SRC" "$WORK/checkin-single.sql" "$WORK/checkin-batch.sql" "$BATCH" << 'PYTHON' || die "could not read the SQL from the Java sources"
import re, sys, textwrap, pathlib

src, single_out, batch_out, batch = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
LIT = r'"(?:[^"\\]|\\.)*"'

def unquote(expr):
    return ''.join(bytes(s[1:-1], 'utf-8').decode('unicode_escape') for s in re.findall(LIT, expr))

def text_block(path, name):
    m = re.search(r'\b' + name + r'\s*=\s*"""\n(.*?)""";', (src / path).read_text(), re.S)
    if not m:
        sys.exit(f'no text block {name} in {path}')
    return textwrap.dedent(m.group(1)).strip()

def constant(path, name):
    m = re.search(r'\b' + name + r'\s*=\s*((?:' + LIT + r'\s*\+?\s*)+);', (src / path).read_text())
    if not m:
        sys.exit(f'no string constant {name} in {path}')
    return unquote(m.group(1))

def sql_in_method(path, signature):
    text = (src / path).read_text()
    at = text.find(signature)
    if at < 0:
        sys.exit(f'no "{signature}" in {path}')
    m = re.compile(r'jdbc\.sql\(\s*((?:' + LIT + r'\s*\+?\s*)+)\)').search(text, at)
    if not m:
        sys.exit(f'no jdbc.sql("...") after "{signature}" in {path}')
    return unquote(m.group(1))

def bind(name, sql, values):
    parts = sql.split('?')
    if len(parts) - 1 != len(values):
        sys.exit(f'{name}: {len(parts) - 1} parameters in the Java source, the bench binds {len(values)}: update bench/checkins.sh')
    out = parts[0]
    for value, part in zip(values, parts[1:]):
        out += value + part
    return out

def stmt(comment, sql):
    return f'-- {comment}\n{sql};\n'

token = bind('ApiTokens.AUTHENTICATE', text_block('security/ApiTokens.java', 'AUTHENTICATE'), [':token_hash', 'now()'])
S = 'people/CheckInStatements.java'
apply_one = bind('CheckInStatements.APPLY_ONE', text_block(S, 'APPLY_ONE'), [
    'gen_random_uuid()', "(array['SAFE', 'NEEDS_HELP', 'NOT_AT_POST'])[:st]", ':channel', ':username', 'now()', 'now()',
    'null', ':rc', ':post', ':pid', 'now()', ':everyone', ':post', ':uid'])
lock_rc = bind('CheckInStatements.LOCK_ROLL_CALL', constant(S, 'LOCK_ROLL_CALL'), [':rc', ':post'])
lock_members = bind('CheckInStatements.LOCK_MEMBERS', constant(S, 'LOCK_MEMBERS'), [':rc', ':pids::bigint[]'])
# CheckInBatches binds Java arrays: String[] (ids, statuses, channels, times, notes) arrive as text[],
# Long[] as bigint[]; the SQL's own casts (?::uuid[], ?::timestamptz[]) then convert as in the app.
find = bind('CheckInStatements.FIND', constant(S, 'FIND'), [':ids::text[]'])
apply_batch = bind('CheckInStatements.APPLY_BATCH', text_block(S, 'APPLY_BATCH'), [
    ':ids::text[]', ':pids::bigint[]', ':sts::text[]', ':chs::text[]', ':times::text[]', ':notes::text[]', ':rc', ':username',
    'now()', ':rc'])

prelude = ('-- The request filter (ApiTokenFilter): one statement, in autocommit, reads the token, its owner\n'
           '-- and the owner\'s memberships (the reader the request runs as). Its last_used_at update runs at most\n'
           '-- once a minute per token and is left out.\n'
           + stmt('ApiTokens.AUTHENTICATE (autocommit)', token))
header = ('-- Generated by bench/checkins.sh from the Java sources; do not edit (bench/checkins.sh --write-sql\n'
          '-- rewrites this copy). Variables from the command line (-D): token_hash, username, uid, post, rc,\n'
          '-- pmin, pmax (the members\' person ids, contiguous), channel (GATE), everyone (true: a gate user is\n'
          '-- not held to a warden\'s locations).\n')

single = (header + '-- One request of POST /api/v1/posts/{code}/roll-calls/{id}/check-ins: one autocommit statement and\n'
          '-- one transaction, as the app.\n'
          '\\set pid random(:pmin, :pmax)\n\\set st random(1, 3)\n' + prelude
          + '-- CheckIns.checkIn (@Transactional): the one check-in statement (the reader is cached by then).\n'
          'begin;\n' + stmt('CheckInStatements.APPLY_ONE', apply_one) + 'commit;\n')

arrays = (f'-- The {batch} check-ins of the request body, as the arrays CheckInBatches binds (ids as text, person ids,\n'
          '-- statuses, channels, report times up to 60 s in the past, notes): one statement, outside the\n'
          '-- transaction, standing in for the JSON the app parses.\n'
          '\\set prange :pmax - :pmin + 1\n'
          'select array_agg(gen_random_uuid())::text as ids,\n'
          '       array_agg(:pmin + floor(random() * :prange)::bigint)::text as pids,\n'
          "       array_agg((array['SAFE', 'NEEDS_HELP', 'NOT_AT_POST'])[1 + floor(random() * 3)::int])::text as sts,\n"
          '       array_agg(:channel::text)::text as chs,\n'
          "       array_agg(now() - random() * interval '60 seconds')::text as times,\n"
          '       array_agg(null::text)::text as notes\n'
          f'from generate_series(1, {batch})\n\\gset\n')
batch_sql = (header + f'-- One request of POST .../check-ins/batch with {batch} check-ins.\n' + prelude + arrays
             + '-- CheckIns.checkInAll (@Transactional): CheckInBatches\' four statements.\nbegin;\n'
             + stmt('CheckInStatements.LOCK_ROLL_CALL', lock_rc)
             + stmt('CheckInStatements.LOCK_MEMBERS (person ids: the distinct ones in the app, as bigint[])', lock_members)
             + stmt('CheckInStatements.FIND (CheckInBatches.dropReplays)', find)
             + stmt('CheckInStatements.APPLY_BATCH', apply_batch) + 'commit;\n')
pathlib.Path(single_out).write_text(single)
pathlib.Path(batch_out).write_text(batch_sql)
PYTHON
SQL_NOTE="the committed copies bench/checkin-single.sql and bench/checkin-batch.sql match the SQL generated from the sources"
for f in checkin-single.sql checkin-batch.sql; do
  if [ "$WRITE_SQL" -eq 1 ]; then
    cp "$WORK/$f" "bench/$f"
    log "wrote bench/$f"
  elif ! cmp -s "$WORK/$f" "bench/$f"; then
    SQL_NOTE="the committed copies differ from the SQL generated from the sources (the run used the generated scripts; bench/checkins.sh --write-sql updates the copies)"
    problem "bench/$f differs from the script generated from the Java sources; the run used the generated one"
  fi
done
[ "$WRITE_SQL" -eq 1 ] && SQL_NOTE="bench/checkin-single.sql and bench/checkin-batch.sql rewritten from the sources by --write-sql"

# --- 3. Muster ----------------------------------------------------------------------------------
start_muster "$WORK/logs/muster.log"
sql -c 'select 1' > /dev/null || die "psql cannot connect to localhost:$PGPORT"
PG_VERSION="$(sql -c 'select version()')"
PG_SETTINGS="$(sql -F' ' -c "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
  where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'wal_level', 'max_connections', 'full_page_writes')")"
log "PostgreSQL on port $PGPORT (postmaster $POSTMASTER): $PG_VERSION"

# --- 4. setup (not timed) -----------------------------------------------------------------------
log "setup: post $CODE, $PERSONS persons, gate and lead accounts, tokens, roll-call ..."
POST_ID="$(sql -c "insert into post (code, name, kind, country, time_zone, created_at)
          values ('$CODE', 'Check-in bench', 'EMBASSY', 'Afghanistan', '$ZONE', now()) returning id")"

LIST="$WORK/people.csv"
awk -v n="$PERSONS" 'BEGIN {
  split("USDH,EFM,LES,TCN,PSC,Contractor,Private U.S. citizen,SIV", cat, ",")
  print "ID,Family name,Given name,Category,Location"
  for (i = 1; i <= n; i++)
    printf "P%06d,Family%d,Given%d,%s,Compound %d\n", i, i % 997, i % 89, cat[1 + i % 8], 1 + i % 12
}' > "$LIST"
"${PIN[@]}" java -jar "$JAR" import --post "$CODE" "--muster.data-dir=$DATA" "$LIST" > "$WORK/logs/import.log" 2>&1 < /dev/null \
  || { tail -n 20 "$WORK/logs/import.log" >&2; die "the import command failed"; }
grep -Eq ": $PERSONS rows, $PERSONS added, " "$WORK/logs/import.log" || { cat "$WORK/logs/import.log" >&2; die "the import did not add $PERSONS persons"; }
log "$(grep -E '^Imported ' "$WORK/logs/import.log")"

add_user() { # username name role
  printf '%s\n' "bench-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')" \
    | "${PIN[@]}" java -jar "$JAR" user add --username "$1" --name "$2" --role "$3" --post "$CODE" \
      "--muster.data-dir=$DATA" > "$WORK/logs/user-$1.log" 2>&1 \
    || { cat "$WORK/logs/user-$1.log" >&2; die "user add $1 failed"; }
}
add_user bench-gate "Check-in bench gate" GATE
add_user bench-lead "Check-in bench lead" SECURITY_OFFICER

GATE_TOKEN="$(new_token bench-gate 'check-in bench')"
LEAD_TOKEN="$(new_token bench-lead 'check-in bench')"
TOKEN_HASH="$(printf '%s' "$GATE_TOKEN" | sha256sum | cut -d' ' -f1)"
GATE_UID="$(sql -c "select id from app_user where username = 'bench-gate'")"

api() { # token method path [json] -> body, fails unless 2xx
  local out code
  out="$(curl -s -w '\n%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
        ${4:+-d "$4"} "$BASE$3")"
  code="${out##*$'\n'}"
  [[ "$code" =~ ^2 ]] || die "$2 $3 answered $code: ${out%$'\n'*}"
  printf '%s\n' "${out%$'\n'*}"
}
json_id() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["id"])'; }
# An earlier roll-call, closed: its check-ins (--history per member, written at every reset) make
# check_in a table with a past, as at a post that has mustered before, not an empty one.
HRC="$(api "$LEAD_TOKEN" POST "/api/v1/posts/$CODE/roll-calls" '{"title":"Earlier roll-call"}' | json_id)"
api "$LEAD_TOKEN" POST "/api/v1/posts/$CODE/roll-calls/$HRC/close" > /dev/null
RC="$(api "$LEAD_TOKEN" POST "/api/v1/posts/$CODE/roll-calls" '{"title":"Check-in bench"}' | json_id)"
MEMBERS="$WORK/members.txt"
sql -c "select person_id from roll_call_member where roll_call_id = $RC order by 1" > "$MEMBERS"
read -r NMEM PMIN PMAX <<< "$(sql -F' ' -c "select count(*), min(person_id), max(person_id) from roll_call_member where roll_call_id = $RC")"
[ "$NMEM" = "$PERSONS" ] || die "roll-call $RC has $NMEM members, not $PERSONS"
[ $((PMAX - PMIN + 1)) -eq "$NMEM" ] || die "the members' person ids are not contiguous ($PMIN..$PMAX for $NMEM): pgbench's random(:pmin, :pmax) would miss"
log "roll-call $RC of post $CODE (#$POST_ID): $NMEM members, person ids $PMIN..$PMAX; gate user #$GATE_UID"

# Smoke test: one check-in and one batch of two through the API, as the load generator sends them.
u1="$(python3 -c 'import uuid; print(uuid.uuid4())')"; u2="$(python3 -c 'import uuid; print(uuid.uuid4())')"; u3="$(python3 -c 'import uuid; print(uuid.uuid4())')"
api "$GATE_TOKEN" POST "/api/v1/posts/$CODE/roll-calls/$RC/check-ins" "{\"id\":\"$u1\",\"personId\":$PMIN,\"status\":\"SAFE\",\"channel\":\"GATE\"}" > /dev/null
api "$GATE_TOKEN" POST "/api/v1/posts/$CODE/roll-calls/$RC/check-ins/batch" \
  "{\"checkIns\":[{\"id\":\"$u2\",\"personId\":$PMAX,\"status\":\"SAFE\",\"channel\":\"GATE\"},{\"id\":\"$u3\",\"personId\":$PMIN,\"status\":\"NEEDS_HELP\",\"channel\":\"GATE\"}]}" > /dev/null
[ "$(sql -c "select count(*) from check_in where roll_call_id = $RC")" = 3 ] || die "the smoke test did not record 3 check-ins"

PGB_VARS=(-D "token_hash=$TOKEN_HASH" -D "username=bench-gate" -D "uid=$GATE_UID" -D "post=$POST_ID" -D "rc=$RC"
          -D "pmin=$PMIN" -D "pmax=$PMAX" -D "channel=GATE" -D "everyone=true")
# The scripts must run: one transaction of each, checked, before anything is measured.
"${PIN[@]}" pgbench -n -M prepared -c 1 -t 1 -f "$WORK/checkin-single.sql" "${PGB_VARS[@]}" > "$WORK/logs/pgbench-smoke.log" 2>&1 \
  || { cat "$WORK/logs/pgbench-smoke.log" >&2; die "pgbench could not run checkin-single.sql"; }
"${PIN[@]}" pgbench -n -M prepared -c 1 -t 1 -f "$WORK/checkin-batch.sql" "${PGB_VARS[@]}" >> "$WORK/logs/pgbench-smoke.log" 2>&1 \
  || { cat "$WORK/logs/pgbench-smoke.log" >&2; die "pgbench could not run checkin-batch.sql"; }
[ "$(sql -c "select count(*) from check_in where roll_call_id = $RC")" = $((3 + 1 + BATCH)) ] || die "the pgbench smoke test did not record 1 + $BATCH check-ins"

[ "$STATEMENTS" -eq 0 ] || load_pg_stat_statements

# --- 5. measurements ----------------------------------------------------------------------------
reset_state() { # every measurement starts from a started roll-call with nobody checked in
  # check_in is append-only (V5: a trigger refuses UPDATE, DELETE and TRUNCATE). The bench's throw-away
  # database empties it anyway, in this one psql session only, with triggers off (replica role).
  sql -c "set session_replication_role = replica" -c "truncate check_in" > /dev/null
  # The earlier roll-call's check-ins, so that the planner sees check_in with a past: emptied and then
  # analyzed, it would look empty, and a generic plan cached then (FIND's seq scan) stays while the
  # table grows (see the report's notes). Inserted directly: history, not part of any measurement.
  [ "$HISTORY" -eq 0 ] || sql -c "insert into check_in (id, roll_call_id, person_id, status, channel, reported_by, reported_at, received_at)
          select gen_random_uuid(), m.roll_call_id, m.person_id, (array['SAFE', 'NEEDS_HELP', 'NOT_AT_POST'])[1 + g % 3], 'GATE',
                 'bench-history', r.started_at + g * interval '1 second', r.started_at + g * interval '1 second'
          from roll_call r join roll_call_member m on m.roll_call_id = r.id, generate_series(1, $HISTORY) g where r.id = $HRC" > /dev/null
  sql -c "update roll_call_member set status = 'UNKNOWN', channel = null, reported_by = null, self_reported = null,
          reported_at = null, last_check_in = null, first_accounted_at = null where roll_call_id = $RC" > /dev/null
  sql -c "vacuum (analyze) roll_call_member" > /dev/null
  sql -c "vacuum (analyze) check_in" > /dev/null
  sql -c "checkpoint" > /dev/null
  [ "$STATEMENTS" -eq 1 ] && sql -c "select pg_stat_statements_reset()" > /dev/null
  return 0
}

statements_report() { # out requests
  [ "$STATEMENTS" -eq 1 ] || return 0
  sql -F $'\t' -c "select calls, round(calls::numeric / $2, 2), round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3), rows,
                   left(regexp_replace(query, '\s+', ' ', 'g'), 110)
                   from pg_stat_statements where dbid = (select oid from pg_database where datname = 'postgres')
                     and query not like '%pg_stat_statements%'
                   order by total_exec_time desc limit 14" > "$1"
}

sleep_until_us() { local d=$(( $1 - $(now_us) )); [ "$d" -le 0 ] || sleep "$(awk -v d="$d" 'BEGIN { printf "%.3f", d / 1e6 }')"; }

# The load generator's JVM: C1 only and the serial collector. A fresh JVM's C2 compilations cost more CPU
# over a 25 s run than they save; C1-only code cut the generator's CPU per request by more than half
# (2.2 to 0.8 ms per single check-in in a trial on this machine), CPU taken from the app's 2 cores.
GEN_JAVA=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
# run_app KIND WORKERS WARMUP DURATION OUT -> key=value file from CheckInLoad
run_app() {
  local kind="$1" workers="$2" warm="$3" dur="$4" out="$5" errf="${5%.kv}.err"
  MUSTER_TOKEN="$GATE_TOKEN" "${PIN[@]}" java "${GEN_JAVA[@]}" bench/CheckInLoad.java --base-url "$BASE" --post "$CODE" --roll-call "$RC" \
    --members "$MEMBERS" --mode "$kind" --workers "$workers" --warmup "$warm" --duration "$dur" --batch-size "$BATCH" \
    --channel GATE --watch "app=$MUSTER_PID,postgres=$POSTMASTER" --clk-tck "$CLK_TCK" > "$out" 2> "$errf" < /dev/null &
  BG_PID=$!
  wait "$BG_PID" || { BG_PID=""; cat "$errf" >&2; die "the load generator failed ($kind, $workers workers)"; }
  BG_PID=""
}

# run_app_wrk WORKERS WARMUP DURATION OUT -> key=value file: single check-ins sent by wrk (C, one event loop
# per thread) with bench/checkin-wrk.lua, the same requests CheckInLoad sends; a warm-up run, then the
# measured run on fresh connections. CPU is read at the edges of the measured run. wrk abandons the requests
# in flight when its time is up (at most WORKERS per run): the server may still record them, so check_in may
# hold up to 2 x WORKERS more rows than the 201s wrk saw (measure() allows that and reports it).
WRK_RUNS=0
run_app_wrk() {
  local workers="$1" warm="$2" dur="$3" out="$4" errf="${4%.kv}.err" j path w0 w1 s0 s1 pid
  j=$(( workers < 2 ? workers : 2 ))
  path="/api/v1/posts/$CODE/roll-calls/$RC/check-ins"
  wrk_run() { # seconds file
    WRK_RUNS=$((WRK_RUNS + 1))
    "${PIN[@]}" wrk -t "$j" -c "$workers" -d "${1}s" --timeout 10s --latency -s bench/checkin-wrk.lua "$BASE" \
      -- "$path" "$GATE_TOKEN" "$PMIN" "$PMAX" "$(( ($$ * 1000 + WRK_RUNS) % 4294967296 ))" > "$2" 2>> "$errf" < /dev/null
  }
  : > "$errf"
  local warm_out="${out%.kv}.wrk-warm" meas_out="${out%.kv}.wrk"
  if [ "$warm" -gt 0 ]; then wrk_run "$warm" "$warm_out" || die "wrk failed (warm-up)"; else : > "$warm_out"; fi
  WRK_RUNS=$((WRK_RUNS + 1))
  w0="$(now_us)"
  "${PIN[@]}" wrk -t "$j" -c "$workers" -d "${dur}s" --timeout 10s --latency -s bench/checkin-wrk.lua "$BASE" \
    -- "$path" "$GATE_TOKEN" "$PMIN" "$PMAX" "$(( ($$ * 1000 + WRK_RUNS) % 4294967296 ))" > "$meas_out" 2>> "$errf" < /dev/null &
  BG_PID=$!; pid=$BG_PID
  s0="$(cpu_snap "$pid")"
  sleep_until_us $(( w0 + dur * 1000000 - 150000 ))
  s1="$(cpu_snap "$pid")"; w1="$(now_us)"
  wait "$pid" || { BG_PID=""; cat "$errf" >&2; die "wrk failed ($workers connections)"; }
  BG_PID=""
  local n ok other sock warm_ok warm_req
  n="$(kv "$meas_out" wrk_requests)"; ok="$(kv "$meas_out" wrk_created)"; other="$(kv "$meas_out" wrk_other)"; sock="$(kv "$meas_out" wrk_socket_errors)"
  warm_ok="$(kv "$warm_out" wrk_created)"; warm_req="$(kv "$warm_out" wrk_requests)"
  {
    echo "mode=single"; echo "workers=$workers"; echo "batch_size=1"; echo "client=wrk"
    echo "warmup_s=$warm"; echo "duration_s=$dur"
    echo "requests=$n"; echo "ok=$ok"; echo "errors=$(( other + sock ))"
    echo "errors_by_status=$( [ $(( other + sock )) -eq 0 ] && echo none || echo "non-201 $other, socket $sock")"
    awk -v n="$ok" -v d="$(kv "$meas_out" wrk_duration_s)" 'BEGIN { printf "tps=%.1f\ncheckins_per_s=%.1f\n", n / d, n / d }'
    echo "recorded=$ok"
    grep '^lat_' "$meas_out"
    echo "all_requests=$(( n + ${warm_req:-0} ))"; echo "all_ok=$(( ok + ${warm_ok:-0} ))"; echo "all_recorded=$(( ok + ${warm_ok:-0} ))"
    echo "abandoned_max=$(( 2 * workers ))"
    read -r b0 m0 p0 x0 <<< "$s0"; read -r b1 m1 p1 x1 <<< "$s1"
    awk -v b="$((b1 - b0))" -v m="$((m1 - m0))" -v p="$((p1 - p0))" -v x="$((x1 - x0))" -v t="$CLK_TCK" -v w="$((w1 - w0))" 'BEGIN {
      printf "cpu_window_s=%.3f\ncpu_self_s=%.2f\ncpu_app_s=%.2f\ncpu_postgres_s=%.2f\ncpu_machine_busy_s=%.2f\n", w / 1e6, x / t, m / t, p / t, b / t
      o = (b - m - p - x) / t; printf "cpu_others_s=%.2f\n", (o < 0 ? 0 : o) }'
  } > "$out"
}

# run_anchor KIND CLIENTS OUT: pgbench for warm-up + duration (+1 s) on the same connections; the
# window [start + warm-up, + duration) is cut from its per-transaction log (-l), CPU read at its edges.
run_anchor() {
  local kind="$1" c="$2" out="$3" j secs t0 w0 w1 s0 s1 pfx="${3%.kv}.pgb" logf="${3%.kv}.log" rc
  j=$(( c < 2 ? c : 2 ))
  secs=$(( WARMUP + DURATION + 1 ))
  PGB_CMD=(pgbench -n -M prepared -r -c "$c" -j "$j" -T "$secs" -l "--log-prefix=$pfx" -f "$WORK/checkin-$kind.sql")
  t0="$(now_us)"
  "${PIN[@]}" "${PGB_CMD[@]}" "${PGB_VARS[@]}" > "$logf" 2>&1 < /dev/null &
  BG_PID=$!
  w0=$(( t0 + WARMUP * 1000000 )); w1=$(( w0 + DURATION * 1000000 ))
  sleep_until_us "$w0"; s0="$(cpu_snap "$BG_PID")"
  sleep_until_us "$w1"; s1="$(cpu_snap "$BG_PID")"
  rc=0; wait "$BG_PID" || rc=$?
  BG_PID=""
  [ "$rc" -eq 0 ] || { tail -n 30 "$logf" >&2; die "pgbench failed (exit $rc) for $kind with $c clients (log $logf)"; }
  grep -q 'aborted' "$logf" && { tail -n 30 "$logf" >&2; die "pgbench: a client aborted ($kind, $c clients)"; }
  local per=1; [ "$kind" = batch ] && per="$BATCH"
  {
    echo "mode=$kind"; echo "workers=$c"; echo "batch_size=$per"
    cat "$pfx".[0-9]* | awk -v w0="$w0" -v w1="$w1" '{ t = $5 * 1000000 + $6; if (t >= w0 && t < w1) print $3 }' | sort -n > "$pfx.window"
    echo "log_transactions=$(cat "$pfx".[0-9]* | wc -l)"
    awk -v d="$DURATION" -v per="$per" '
      { n++; lat[n] = $1; sum += $1 }
      END {
        printf "requests=%d\nok=%d\nerrors=0\nerrors_by_status=none\n", n, n
        printf "tps=%.1f\ncheckins_per_s=%.1f\n", n / d, n * per / d
        if (n == 0) { print "lat_mean_ms=-"; exit }
        printf "lat_mean_ms=%.2f\n", sum / n / 1000
        split("50 95 99", ps, " ")
        for (i = 1; i <= 3; i++) { k = int(ps[i] / 100 * n + 0.999999); if (k < 1) k = 1; printf "lat_p%s_ms=%.2f\n", ps[i], lat[k] / 1000 }
        printf "lat_max_ms=%.2f\n", lat[n] / 1000
      }' "$pfx.window"
    echo "pgbench_tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$logf" | head -n 1)"
    echo "pgbench_latency_avg_ms=$(sed -nE 's/^latency average = ([0-9.]+) ms.*/\1/p' "$logf")"
    echo "all_transactions=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$logf")"
    echo "failed_transactions=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$logf")"
    read -r b0 m0 p0 x0 <<< "$s0"; read -r b1 m1 p1 x1 <<< "$s1"
    awk -v b="$((b1 - b0))" -v m="$((m1 - m0))" -v p="$((p1 - p0))" -v x="$((x1 - x0))" -v t="$CLK_TCK" -v w="$((w1 - w0))" 'BEGIN {
      printf "cpu_window_s=%.3f\ncpu_self_s=%.2f\ncpu_app_s=%.2f\ncpu_postgres_s=%.2f\ncpu_machine_busy_s=%.2f\n", w / 1e6, x / t, m / t, p / t, b / t
      o = (b - m - p - x) / t; printf "cpu_others_s=%.2f\n", (o < 0 ? 0 : o) }'
  } > "$out"
  [ "$(kv "$out" failed_transactions)" = "" ] || [ "$(kv "$out" failed_transactions)" = 0 ] \
    || die "pgbench reported failed transactions ($kind, $c clients): $(kv "$out" failed_transactions)"
  [ "$(kv "$out" log_transactions)" = "$(kv "$out" all_transactions)" ] \
    || die "pgbench's log has $(kv "$out" log_transactions) transactions, its summary $(kv "$out" all_transactions)"
  awk '/^statement latencies in milliseconds/ { on = 1; next } on' "$logf" > "${out%.kv}.statements"
}

# measure WHO KIND CLIENTS ROUND: reset, run, check check_in against what the run reported.
measure() {
  local who="$1" kind="$2" c="$3" round="$4" out="$WORK/results/$2-$3-$1-$4.kv" rows expect load1 mvn
  reset_state
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  mvn="$(maven_running)"
  if [ "$who" = app ] && [ "$kind" = single ] && [ "$CLIENT" = wrk ]; then
    run_app_wrk "$c" "$WARMUP" "$DURATION" "$out"
    expect="$(kv "$out" all_recorded)"
  elif [ "$who" = app ]; then
    run_app "$kind" "$c" "$WARMUP" "$DURATION" "$out"
    expect="$(kv "$out" all_recorded)"
    if [ "$kind" = batch ] && [ "$expect" != $(( $(kv "$out" all_ok) * BATCH )) ]; then
      die "app $kind round $round: $(kv "$out" all_ok) batches answered 200 but $expect check-ins recorded (not x $BATCH)"
    fi
  else
    run_anchor "$kind" "$c" "$out"
    if [ "$kind" = batch ]; then expect=$(( $(kv "$out" all_transactions) * BATCH )); else expect="$(kv "$out" all_transactions)"; fi
  fi
  rows="$(sql -c "select count(*) from check_in where roll_call_id = $RC")"
  if [ -n "$(kv "$out" abandoned_max)" ] && [ "$rows" -ge "$expect" ] && [ "$rows" -le $(( expect + $(kv "$out" abandoned_max) )) ]; then
    echo "abandoned=$(( rows - expect ))" >> "$out"   # wrk's requests in flight at its stop, recorded by the server
    expect="$rows"
  fi
  [ "$rows" = "$expect" ] || die "$who $kind ($c clients) round $round: check_in holds $rows rows, the run reported $expect"
  { echo "rows=$rows"; echo "load1=$load1"; echo "mvn=$mvn"; echo "load1_after=$(cut -d' ' -f1 /proc/loadavg)"; } >> "$out"
  statements_report "${out%.kv}.pgss" "$(if [ "$who" = app ]; then kv "$out" all_requests; else kv "$out" all_transactions; fi)"
  [ "$(stat -c '%Y %s' target/muster.jar)" = "$JAR_STAMP" ] || log "round $round: target/muster.jar changed during the bench (someone rebuilt); the bench runs its own copy"
  log "round $round $kind/$c $who: $(kv "$out" tps) requests/s ($(kv "$out" checkins_per_s) check-ins/s), p50 $(kv "$out" lat_p50_ms) ms, p99 $(kv "$out" lat_p99_ms) ms, errors $(kv "$out" errors) [$(kv "$out" errors_by_status)]; check_in $rows rows = reported; load $load1, mvn $mvn"
}

if [ "$JIT_WARMUP" -gt 0 ]; then
  log "JIT warm-up of the app (not measured): ${JIT_WARMUP} s single, $((JIT_WARMUP / 2)) s batches ..."
  reset_state
  if [ "$CLIENT" = wrk ]; then run_app_wrk "$CLIENTS" 0 "$JIT_WARMUP" "$WORK/results/jit-single.kv"
  else run_app single "$CLIENTS" 0 "$JIT_WARMUP" "$WORK/results/jit-single.kv"; fi
  run_app batch "${BATCH_KS[0]}" 0 "$((JIT_WARMUP / 2 > 0 ? JIT_WARMUP / 2 : 1))" "$WORK/results/jit-batch.kv"
  log "JIT warm-up: $(kv "$WORK/results/jit-single.kv" tps) single/s, $(kv "$WORK/results/jit-batch.kv" checkins_per_s) batched check-ins/s; errors $(kv "$WORK/results/jit-single.kv" all_errors_by_status) / $(kv "$WORK/results/jit-batch.kv" all_errors_by_status)"
fi

for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order=(app anchor); else order=(anchor app); fi
  for who in "${order[@]}"; do measure "$who" single "$CLIENTS" "$round"; done
  for k in "${BATCH_KS[@]}"; do
    for who in "${order[@]}"; do measure "$who" batch "$k" "$round"; done
  done
  echo "${order[*]}" > "$WORK/results/order-$round"
done

LOAD_AFTER="$(uptime)"
log "load after: $LOAD_AFTER"
muster_warnings
stop_muster

# --- 6. report ----------------------------------------------------------------------------------
R="$WORK/results"
cores() { awk -v c="$1" -v w="$2" 'BEGIN { if (c == "" || c == "-" || w + 0 == 0) print "-"; else printf "%.2f", c / w }'; }
cpu_cell() { # file -> "app / postgres / generator / others" in cores
  local f="$1" w
  w="$(kv "$f" cpu_window_s)"
  printf '%s / %s / %s / %s' "$(cores "$(kv "$f" cpu_app_s)" "$w")" "$(cores "$(kv "$f" cpu_postgres_s)" "$w")" \
    "$(cores "$(kv "$f" cpu_self_s)" "$w")" "$(cores "$(kv "$f" cpu_others_s)" "$w")"
}
stmt_latencies() { # pgbench -r lines "latency failures command" -> "latency  command"
  awk '$1 ~ /^[0-9.]+$/ && $2 ~ /^[0-9]+$/ { lat = $1; sub(/^ *[0-9.]+ +[0-9]+ +/, ""); printf "%8s  %s\n", lat, $0 }' "$1" | cut -c1-130
}
jit() { cores "$(kv "$1" cpu_app_jit_s)" "$(kv "$1" cpu_window_s)"; }

machine_facts
PGBENCH_VERSION="$(pgbench --version)"
SINGLE_PGB="pgbench -n -M prepared -r -c $CLIENTS -j $(( CLIENTS < 2 ? CLIENTS : 2 )) -T $(( WARMUP + DURATION + 1 )) -l --log-prefix=... -f checkin-single.sql -D token_hash=... -D username=bench-gate -D uid=$GATE_UID -D post=$POST_ID -D rc=$RC -D pmin=$PMIN -D pmax=$PMAX -D channel=GATE -D everyone=true"
WRK_CMD="wrk -t $(( CLIENTS < 2 ? CLIENTS : 2 )) -c $CLIENTS -d ${DURATION}s --timeout 10s --latency -s bench/checkin-wrk.lua $BASE -- /api/v1/posts/$CODE/roll-calls/$RC/check-ins TOKEN $PMIN $PMAX NONCE (after a ${WARMUP} s run the same way)"
APP_CMD="MUSTER_TOKEN=... java ${GEN_JAVA[*]} bench/CheckInLoad.java --base-url $BASE --post $CODE --roll-call $RC --members members.txt --mode single|batch --workers N --warmup $WARMUP --duration $DURATION --batch-size $BATCH --channel GATE --watch app=PID,postgres=PID"

cat << EOF
## Muster check-in bench

Check-ins through the HTTP API of one Muster server (\`java -jar target/muster.jar\`, fresh data directory),
beside \`pgbench\` running the same SQL against the same embedded PostgreSQL server, in the same run:
$ROUNDS rounds, app and anchor alternating order per round; each measurement ${WARMUP} s warm-up then
${DURATION} s measured on the same connections (only what completes in the window counts), after
emptying \`check_in\`, writing $(printf "%'d" $((HISTORY * PERSONS))) check-ins of an earlier, closed roll-call into it (a table with a
past, not an empty one), resetting the $(printf "%'d" "$PERSONS") members to UNKNOWN, VACUUM ANALYZE and CHECKPOINT.
The post has $(printf "%'d" "$PERSONS") persons; one roll-call of the whole post; the gate user (role GATE, channel GATE) checks
random members in as SAFE / NEEDS_HELP / NOT_AT_POST.

- **app**: single check-ins from $( [ "$CLIENT" = wrk ] && echo "\`wrk\` with \`bench/checkin-wrk.lua\` (N connections, HTTP/1.1 keep-alive, each waiting for its answer; latency percentiles from wrk's own histogram; requests abandoned in flight when wrk stops are not counted)" || echo "\`bench/CheckInLoad.java\`" ); batches from
  \`bench/CheckInLoad.java\`, N workers each sending one request and waiting for its answer
  (java.net.http, HTTP/1.1, keep-alive); TPS counts 201/200 (single) or 200 (batch) answers; latency is
  client-side, per request, every measured request. Errors are any other status.
- **anchor**: \`pgbench -M prepared\` with the same number of clients, one script transaction = one app
  request, the SQL read from the Java sources at run time (see "What the anchors run"). Its latency is
  pgbench's per-transaction latency from its log (-l), same window.
- CPU columns: cores used during the measured window by Muster's JVM / PostgreSQL (all backends) /
  the load generator or pgbench / everything else on the machine. **The load generator, the app and
  PostgreSQL share the same $(nproc) cores**, so the generator's own CPU is taken from the app's budget;
  pgbench is lighter (C, no HTTP), which the anchor's column shows.

### Single check-ins, $CLIENTS concurrent (target: ≥ ${TARGET_SINGLE}× pgbench, p99 ≤ ${TARGET_P99_MS} ms)

| round | order | app TPS | app p50 / p95 / p99 / max, ms | app errors | anchor TPS | anchor latency avg (p50 / p99), ms | app / anchor | app CPU, cores: JVM / PG / generator / others | of which JIT compiler | anchor CPU: – / PG / pgbench / others | load1, mvn |
|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
for r in $(seq 1 "$ROUNDS"); do
  a="$R/single-$CLIENTS-app-$r.kv"; b="$R/single-$CLIENTS-anchor-$r.kv"
  printf '| %s | %s | %s | %s / %s / %s / %s | %s | %s | %s (%s / %s) | %s | %s | %s | %s | %s, %s |\n' "$r" "$(tr ' ' '/' < "$R/order-$r")" \
    "$(thousands "$(kv "$a" tps)")" "$(kv "$a" lat_p50_ms)" "$(kv "$a" lat_p95_ms)" "$(kv "$a" lat_p99_ms)" "$(kv "$a" lat_max_ms)" \
    "$(kv "$a" errors) ($(kv "$a" errors_by_status))" "$(thousands "$(kv "$b" tps)")" "$(kv "$b" lat_mean_ms)" "$(kv "$b" lat_p50_ms)" "$(kv "$b" lat_p99_ms)" \
    "$(ratio "$(kv "$a" tps)" "$(kv "$b" tps)")" "$(cpu_cell "$a")" "$(jit "$a")" "$(cpu_cell "$b" | sed 's/^[^/]*\//– \//')" \
    "$(kv "$a" load1)/$(kv "$b" load1)" "$(kv "$a" mvn)/$(kv "$b" mvn)"
done
S_APP="$(col "single-$CLIENTS-app" tps | median)"; S_ANC="$(col "single-$CLIENTS-anchor" tps | median)"
S_P99="$(col "single-$CLIENTS-app" lat_p99_ms | median)"; S_P99_MAX="$(col "single-$CLIENTS-app" lat_p99_ms | sort -g | tail -n 1)"
S_RATIO="$(ratio "$S_APP" "$S_ANC")"
S_RATIOS="$(for r in $(seq 1 "$ROUNDS"); do ratio "$(kv "$R/single-$CLIENTS-app-$r.kv" tps)" "$(kv "$R/single-$CLIENTS-anchor-$r.kv" tps)"; echo; done | grep -v '^$')"
S_ERR="$(col "single-$CLIENTS-app" errors | awk '{ s += $1 } END { print s + 0 }')"
printf '| **median** | | **%s** | %s / %s / **%s** / %s | %s in all rounds | **%s** | %s (%s / %s) | **%s** | | | | |\n' "$(thousands "$S_APP")" \
  "$(col "single-$CLIENTS-app" lat_p50_ms | median)" "$(col "single-$CLIENTS-app" lat_p95_ms | median)" "$S_P99" "$(col "single-$CLIENTS-app" lat_max_ms | median)" \
  "$S_ERR" "$(thousands "$S_ANC")" "$(col "single-$CLIENTS-anchor" lat_mean_ms | median)" "$(col "single-$CLIENTS-anchor" lat_p50_ms | median)" \
  "$(col "single-$CLIENTS-anchor" lat_p99_ms | median)" "$S_RATIO"

cat << EOF

### Batches of $BATCH check-ins (target: ≥ ${TARGET_BATCH}× pgbench, in check-ins per second)

| round | clients | order | app batches/s | app check-ins/s | app p50 / p99 / max, ms | app errors | anchor check-ins/s | anchor latency avg (p99), ms | app / anchor | app CPU: JVM / PG / generator / others | of which JIT compiler | anchor CPU: – / PG / pgbench / others | load1, mvn |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
declare -A B_RATIO B_APP B_ANC
for k in "${BATCH_KS[@]}"; do
  for r in $(seq 1 "$ROUNDS"); do
    a="$R/batch-$k-app-$r.kv"; b="$R/batch-$k-anchor-$r.kv"
    printf '| %s | %s | %s | %s | %s | %s / %s / %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s, %s |\n' "$r" "$k" "$(tr ' ' '/' < "$R/order-$r")" \
      "$(kv "$a" tps)" "$(thousands "$(kv "$a" checkins_per_s)")" "$(kv "$a" lat_p50_ms)" "$(kv "$a" lat_p99_ms)" "$(kv "$a" lat_max_ms)" \
      "$(kv "$a" errors) ($(kv "$a" errors_by_status))" "$(thousands "$(kv "$b" checkins_per_s)")" "$(kv "$b" lat_mean_ms)" "$(kv "$b" lat_p99_ms)" \
      "$(ratio "$(kv "$a" checkins_per_s)" "$(kv "$b" checkins_per_s)")" "$(cpu_cell "$a")" "$(jit "$a")" "$(cpu_cell "$b" | sed 's/^[^/]*\//– \//')" \
      "$(kv "$a" load1)/$(kv "$b" load1)" "$(kv "$a" mvn)/$(kv "$b" mvn)"
  done
  B_APP[$k]="$(col "batch-$k-app" checkins_per_s | median)"; B_ANC[$k]="$(col "batch-$k-anchor" checkins_per_s | median)"
  B_RATIO[$k]="$(ratio "${B_APP[$k]}" "${B_ANC[$k]}")"
  printf '| **median** | %s | | %s | **%s** | %s / %s / %s | %s | **%s** | %s (%s) | **%s** | | | | |\n' "$k" "$(col "batch-$k-app" tps | median)" \
    "$(thousands "${B_APP[$k]}")" "$(col "batch-$k-app" lat_p50_ms | median)" "$(col "batch-$k-app" lat_p99_ms | median)" "$(col "batch-$k-app" lat_max_ms | median)" \
    "$(col "batch-$k-app" errors | awk '{ s += $1 } END { print s + 0 }')" "$(thousands "${B_ANC[$k]}")" "$(col "batch-$k-anchor" lat_mean_ms | median)" \
    "$(col "batch-$k-anchor" lat_p99_ms | median)" "${B_RATIO[$k]}"
done

verdict_min() { # median_ratio per_round_ratios target
  local worst
  worst="$(echo "$2" | sort -g | head -n 1)"
  if awk -v w="$worst" -v t="$3" 'BEGIN { exit !(w >= t) }'; then echo "**met** (every round; worst $worst)"
  elif awk -v m="$1" -v t="$3" 'BEGIN { exit !(m >= t) }'; then echo "met by the median only (worst round $worst)"
  else echo "**missed** (worst round $worst)"; fi
}
cat << EOF

### Targets

| target | result |
|---|---|
| single check-ins ≥ ${TARGET_SINGLE}× pgbench ($CLIENTS clients) | median $(thousands "$S_APP") / $(thousands "$S_ANC") TPS = **$S_RATIO×**: $(verdict_min "$S_RATIO" "$S_RATIOS" "$TARGET_SINGLE") |
| single check-ins p99 ≤ ${TARGET_P99_MS} ms | median p99 $S_P99 ms, worst round $S_P99_MAX ms: $(if awk -v x="$S_P99_MAX" -v t="$TARGET_P99_MS" 'BEGIN { exit !(x <= t) }'; then echo "**met** (every round)"; elif awk -v x="$S_P99" -v t="$TARGET_P99_MS" 'BEGIN { exit !(x <= t) }'; then echo "met by the median only"; else echo "**missed**"; fi) |
EOF
for k in "${BATCH_KS[@]}"; do
  rs="$(for r in $(seq 1 "$ROUNDS"); do ratio "$(kv "$R/batch-$k-app-$r.kv" checkins_per_s)" "$(kv "$R/batch-$k-anchor-$r.kv" checkins_per_s)"; echo; done | grep -v '^$')"
  echo "| batches of $BATCH ≥ ${TARGET_BATCH}× pgbench ($k concurrent) | median $(thousands "${B_APP[$k]}") / $(thousands "${B_ANC[$k]}") check-ins/s = **${B_RATIO[$k]}×**: $(verdict_min "${B_RATIO[$k]}" "$rs" "$TARGET_BATCH") |"
done
echo "| errors (any answer but 201/200) | single: $S_ERR; batches: $(for k in "${BATCH_KS[@]}"; do col "batch-$k-app" errors; done | awk '{ s += $1 } END { print s + 0 }') (measured windows, all rounds) |"

JIT_NOTE="none"
[ "$JIT_WARMUP" -gt 0 ] && JIT_NOTE="${JIT_WARMUP} s of single check-ins ($(thousands "$(kv "$R/jit-single.kv" tps)")/s) and $((JIT_WARMUP / 2)) s of batches ($(thousands "$(kv "$R/jit-batch.kv" checkins_per_s)") check-ins/s) before round 1, not measured"
cat << EOF

### What the anchors run

One pgbench transaction of the script is one request of the app, with the same statements in the same
transactions, read from the Java sources at run time (${SQL_NOTE}):
- **single** (\`checkin-single.sql\`): in autocommit, \`ApiTokens.AUTHENTICATE\` (the token, its owner and
  the owner's memberships: the reader the request runs as, in one statement); then \`begin\`;
  \`CheckInStatements.APPLY_ONE\`; \`commit\`. One autocommit statement and one transaction per request,
  as the app. **Left out**: the \`last_used_at\` update (at most once a minute per token), charged to the
  app. Values: \`gen_random_uuid()\` for the id, a random member (\`\\set pid random(:pmin, :pmax)\` over the
  members' contiguous ids), a random status, \`now()\` where the app binds its clock, the gate user's
  name and id, the post and roll-call ids.
- **batch** (\`checkin-batch.sql\`): the same token statement; one
  \`select ... from generate_series(1, $BATCH) \\gset\` outside any transaction that builds the six arrays
  (ids, person ids, statuses, channels, report times up to 60 s back, null notes), standing in for the
  request body (its cost is in the per-statement table below); then \`begin\`; \`LOCK_ROLL_CALL\`;
  \`LOCK_MEMBERS\`; \`FIND\` (\`dropReplays\`); \`APPLY_BATCH\`; \`commit\`. Check-ins/s = transactions/s × $BATCH.
- Differences left: pgjdbc sends \`BEGIN\` in the same round trip as the first statement, pgbench as its own,
  so the anchor makes 1 more round trip per request than the app (slightly in the app's favour); the
  app's Java-side work (HTTP, JSON, validation, HikariCP, the SHA-256 of the token; for single check-ins
  the direct route of ADR 0004, for batches Spring Security's chain, Spring MVC and the HTTP observation)
  is what the ratio measures.
- The app command$( [ "$CLIENT" = wrk ] && echo " (single: \`$WRK_CMD\`; batches)"): \`$APP_CMD\`
- The single anchor: \`$SINGLE_PGB\` (batch: the same with \`-c K -j min(K,2) -f checkin-batch.sql\`)

Per-statement latencies of the anchors, pgbench -r, last round (whole run including warm-up), ms:

\`\`\`
single, $CLIENTS clients:
$(stmt_latencies "$R/single-$CLIENTS-anchor-$ROUNDS.statements")
batch, ${BATCH_KS[0]} clients:
$(stmt_latencies "$R/batch-${BATCH_KS[0]}-anchor-$ROUNDS.statements")
\`\`\`
EOF
if [ "$STATEMENTS" -eq 1 ]; then
  echo
  echo "pg_stat_statements, last round (calls, calls per request or pgbench transaction, total ms, mean ms, rows, query):"
  pgss_blocks 190 "$R"/*-"$ROUNDS".pgss
fi
cat << EOF

### Machine and run

- command: \`$COMMAND\` (from $REPO)
- date: $DATE_START
- machine: $MACHINE
- java: $JAVA_VERSION (Muster: plain \`java -jar target/muster.jar\`, default heap and GC; load generator: \`java ${GEN_JAVA[*]} bench/CheckInLoad.java\`, source launcher)
- PostgreSQL: $PG_VERSION (zonky binaries started by Muster: $PG_SETTINGS); pgbench: $PGBENCH_VERSION
- build: commit $COMMIT with $DIRTY changed/untracked paths; $JAR_INFO; $BUILD_NOTE
- data: post $CODE (#$POST_ID), $(printf "%'d" "$PERSONS") persons imported with \`java -jar target/muster.jar import\`; roll-call #$RC started through the API by a SECURITY_OFFICER; gate user #$GATE_UID (GATE, member of the post); tokens as rows of api_token
- JIT warm-up: $JIT_NOTE
- load before: $(echo "$LOAD_BEFORE" | sed 's/^ *//') (processes over 10 % CPU: ${BUSY_BEFORE:-none}; Maven processes: $MVN_BEFORE)
- load after: $(echo "$LOAD_AFTER" | sed 's/^ *//')
- "load1, mvn" columns: 1-minute load average and Maven processes at the start of each measurement (app/anchor)

Problems seen:
EOF
if [ -s "$PROBLEMS" ]; then cat "$PROBLEMS"; else echo "- none (every check_in count matched what the run reported)"; fi
