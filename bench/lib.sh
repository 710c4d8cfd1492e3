# shellcheck shell=bash
# Helpers shared by the bench scripts (checkins.sh, import.sh, notify.sh, startup.sh, taskforce.sh).
# Sourced, not run: each script sources it right after `set -euo pipefail`, so the helpers run under
# the same options, and each script keeps its own options, steps and report. A helper that only one
# script needs, or whose copies differ in what they do, stays in its script.
#
# The helpers read the script's globals where the copies did: WORK, PROBLEMS (new_work sets both),
# KEEP, DATA, JAR, MUSTER_PID, POSTMASTER, PORT, START_TIMEOUT_S, STOP_TIMEOUT_S, REPO, ROUNDS and R
# (the results directory). The comment above each helper says what it reads and sets.
# shellcheck disable=SC2034  # globals set here (CLK_TCK, PIN, BUILD_NOTE, ...) are read by the scripts

# --- progress and problems ----------------------------------------------------------------------
# Progress goes to standard error (the report is standard output); problems are also listed in the
# report's "Problems seen".
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
problem() { log "PROBLEM: $*"; printf -- '- %s\n' "$*" >> "$PROBLEMS"; }
die() { log "FAILED: $*"; exit 1; }

# --- the temporary directory and the exit ------------------------------------------------------
# new_work NAME: WORK=/tmp/NAME.XXXXXX with logs/ in it, PROBLEMS its empty problems.txt; NAME is also
# the application name the bench's psql and pgbench show in pg_stat_activity (muster_postgres).
new_work() {
  BENCH_NAME="$1"
  WORK="$(mktemp -d "/tmp/$1.XXXXXX")"
  chmod 755 "$WORK"   # PostgreSQL may run as another user (nobody, or root mapped by unshare -U): it must traverse
  mkdir -p "$WORK/logs"
  PROBLEMS="$WORK/problems.txt"
  : > "$PROBLEMS"
}

# on_exit FUNCTION: FUNCTION runs when the script exits, also on Ctrl-C (status 130) and SIGTERM (143),
# so that no Muster, PostgreSQL or load generator outlives a bench that failed or was stopped.
on_exit() {
  # shellcheck disable=SC2064  # the function's name, expanded now
  trap "$1" EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# cleanup_and_exit: the exit of a bench that runs one Muster (on_exit cleanup_and_exit). It stops the
# script's clients first (stop_clients, when the script defines it: a load generator still in flight
# would otherwise fail against a stopped server), then Muster and its PostgreSQL; it keeps WORK with
# --keep (KEEP=1) and removes it otherwise; the script's exit status stays.
cleanup_and_exit() {
  local rc=$?
  trap - EXIT INT TERM
  if declare -F stop_clients > /dev/null; then stop_clients; fi
  stop_muster
  if [ "$KEEP" -eq 1 ]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}

# --- processes ----------------------------------------------------------------------------------
# PIDs of PostgreSQL postmasters (the processes whose command line has -D) with a data directory under $1.
postgres_pids_under() {
  local prefix="$1" p cmd
  for p in /proc/[0-9]*; do
    cmd="$(tr '\0' ' ' 2> /dev/null < "$p/cmdline")" || continue
    case "$cmd" in
      *bin/postgres\ *-D\ "$prefix"*) echo "${p#/proc/}" ;;
    esac
  done
}

# Maven builds or test runs on the machine (other engineers' work adds noise): their count.
maven_running() {
  local p n=0 cmd
  for p in /proc/[0-9]*; do
    cmd="$(tr '\0' ' ' 2> /dev/null < "$p/cmdline")" || continue
    case "$cmd" in *plexus-classworlds*|*surefire*booter*) n=$((n + 1)) ;; esac
  done
  echo "$n"
}

# stop_muster: SIGTERM to MUSTER_PID, SIGKILL to its process group after STOP_TIMEOUT_S; then any
# PostgreSQL left under WORK is shut down (fast, then killed after 10 s). Both count as problems:
# Muster is expected to stop its embedded server itself.
stop_muster() {
  local waited=0 left
  [ -n "$MUSTER_PID" ] || return 0
  if kill -0 "$MUSTER_PID" 2> /dev/null; then
    log "stopping Muster (SIGTERM to $MUSTER_PID)"
    kill -TERM "$MUSTER_PID" 2> /dev/null || true
    while kill -0 "$MUSTER_PID" 2> /dev/null; do
      if [ "$waited" -ge $((STOP_TIMEOUT_S * 10)) ]; then
        problem "Muster (java $MUSTER_PID) still running ${STOP_TIMEOUT_S} s after SIGTERM; killed"
        kill -KILL -- "-$MUSTER_PID" 2> /dev/null || kill -KILL "$MUSTER_PID" 2> /dev/null || true
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
  fi
  wait "$MUSTER_PID" 2> /dev/null || true
  MUSTER_PID=""
  left="$(postgres_pids_under "$WORK/" | tr '\n' ' ')"
  if [ -n "${left// /}" ]; then
    problem "PostgreSQL ($left) still running after Muster exited; stopped by the bench"
    # shellcheck disable=SC2086
    kill -INT $left 2> /dev/null || true
    for _ in $(seq 1 100); do
      left="$(postgres_pids_under "$WORK/" | tr '\n' ' ')"
      [ -z "${left// /}" ] && break
      sleep 0.1
    done
    # shellcheck disable=SC2086
    [ -z "${left// /}" ] || kill -KILL $left 2> /dev/null || true
  fi
}

# --- time, CPU, ports ---------------------------------------------------------------------------
now_us() { local t="$EPOCHREALTIME"; echo "${t/./}"; }
CLK_TCK="$(getconf CLK_TCK)"
# Busy CPU ticks of the whole machine (user nice system irq softirq steal).
cpu_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }

# cpu_snap [PID] -> "busy muster postgres pid" in ticks: the machine, Muster's JVM (MUSTER_PID, with
# reaped children), the PostgreSQL server (POSTMASTER with reaped and live children), and one process
# (0 without PID).
# shellcheck disable=SC2120  # the PID is optional
cpu_snap() {
  local busy
  busy="$(cpu_busy_ticks)"
  { cat /proc/[0-9]*/stat 2> /dev/null || true; } | awk -v m="$MUSTER_PID" -v pm="$POSTMASTER" -v b="${1:-0}" -v busy="$busy" '
    { pid = $1; rest = $0; sub(/^[0-9]+ \(.*\) /, "", rest); n = split(rest, a, " "); if (n < 15) next
      if (pid == m) mu += a[12] + a[13] + a[14] + a[15]
      else if (pid == pm) pg += a[12] + a[13] + a[14] + a[15]
      else if (a[2] == pm) pg += a[12] + a[13]
      if (pid == b) pb += a[12] + a[13] }
    END { print busy, mu + 0, pg + 0, pb + 0 }'
}

# A port nobody listens on, below the kernel's ephemeral range (where the embedded PostgreSQL and
# every outgoing connection take theirs), so that it stays free until Muster binds it.
EPHEMERAL_LOW="$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2> /dev/null || echo 32768)"
[ "$EPHEMERAL_LOW" -gt 12000 ] || EPHEMERAL_LOW=65000
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((10000 + (RANDOM * 32768 + RANDOM) % (EPHEMERAL_LOW - 10000)))
    if [ -z "$(ss -Hltn "sport = :$p" 2> /dev/null)" ]; then
      echo "$p"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# Pin to two CPUs when the machine has more (children, PostgreSQL included, inherit the affinity).
PIN=()
if [ "$(nproc --all)" -gt 2 ] && command -v taskset > /dev/null; then
  PIN=(taskset -c "0,1")
fi

kv() { sed -n "s/^$2=//p" "$1" | head -n 1; }   # kv FILE KEY

# --- the machine --------------------------------------------------------------------------------
# note_load_before: LOAD_BEFORE (uptime), BUSY_BEFORE (processes over 10 % CPU), DATE_START; logged.
note_load_before() {
  LOAD_BEFORE="$(uptime)"
  BUSY_BEFORE="$(top -b -n 1 -o %CPU 2> /dev/null | awk 'NR > 7 && $9 + 0 >= 10 {printf "%s%s (pid %s) %s%%", sep, $12, $1, $9; sep = ", "}' || true)"
  DATE_START="$(date -Is)"
  log "load before: $LOAD_BEFORE"
  log "temporary directory: $WORK"
}

# machine_facts: what the report's "machine", "java" and "build" lines name: MACHINE (cores, pinning,
# CPU model, memory), CPU_MODEL, MEM_TOTAL, JAVA_VERSION, COMMIT and DIRTY (changed paths) of REPO.
machine_facts() {
  CPU_MODEL="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  MEM_TOTAL="$(free -g | awk '/^Mem:/ {print $2}')"
  MACHINE="nproc $(nproc) (of $(nproc --all)${PIN:+, pinned with taskset -c 0,1}), $CPU_MODEL, ${MEM_TOTAL} GB RAM (free -g total)"
  JAVA_VERSION="$(java -version 2>&1 | tr '\n' ';' | sed 's/;$//; s/;/; /g')"
  COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2> /dev/null || echo '?')"
  DIRTY="$(git -C "$REPO" status --porcelain 2> /dev/null | grep -c . || true)"
}

# --- the jar ------------------------------------------------------------------------------------
# stale_migrations: the migrations target/muster.jar carries that src/ does not (or the reverse); a
# migration deleted from src/ stays in target/classes until a clean build, and the jar would apply it.
stale_migrations() {
  diff <(unzip -Z1 target/muster.jar 'BOOT-INF/classes/db/migration/*' 2> /dev/null | sed 's|.*/||' | grep . | sort) \
       <(ls src/main/resources/db/migration | sort) | grep '^[<>]' || true
}

# build_jar: builds target/muster.jar when it is missing, older than src/ or pom.xml, or carries other
# migrations than src/ (then from clean); BUILD_NOTE says whether it did and how long it took.
build_jar() {
  local t0 clean=""
  BUILD_NOTE="target/muster.jar up to date (not rebuilt)"
  if [ -f target/muster.jar ] && [ -n "$(stale_migrations)" ]; then
    log "target/muster.jar carries other migrations than src/ ($(stale_migrations | tr '\n' ' ')): building from clean"
    clean=clean
  fi
  if [ ! -f target/muster.jar ] || [ -n "$clean" ] || [ -n "$(find src pom.xml -newer target/muster.jar -print -quit)" ]; then
    command -v mvn > /dev/null || die "target/muster.jar must be built but mvn is missing"
    # Another Maven run in this working tree would race with ours over target/: wait for it first.
    for _ in $(seq 1 180); do [ "$(maven_running)" -eq 0 ] && break; [ "$_" -eq 1 ] && log "waiting for a Maven run to finish ..."; sleep 5; done
    log "building target/muster.jar (mvn -q -B -ntp -DskipTests $clean package) ..."
    t0="$(now_us)"
    # Unlink the old jar first: Maven would rewrite it in place, under any Muster still running from it
    # (such a process keeps reading the old file, which stays intact while it is open).
    rm -f target/muster.jar
    mvn -q -B -ntp -DskipTests $clean package > "$WORK/logs/build.log" 2>&1 || { tail -n 40 "$WORK/logs/build.log" >&2; die "the build failed"; }
    [ -z "$(stale_migrations)" ] || die "target/muster.jar still carries other migrations than src/: $(stale_migrations | tr '\n' ' ')"
    BUILD_NOTE="target/muster.jar rebuilt by the bench ($(( ($(now_us) - t0) / 1000000 )) s)"
    log "$BUILD_NOTE"
  fi
}

# copy_jar: JAR, a private copy of target/muster.jar in WORK, from which the server and the commands
# run: Maven rewrites target/muster.jar in place, and a rebuild by someone else during the run would
# pull the classes from under the running server. JAR_STAMP (to notice such a rebuild) and JAR_INFO
# (for the report) describe target/muster.jar.
copy_jar() {
  JAR_STAMP="$(stat -c '%Y %s' target/muster.jar)"
  JAR_INFO="$(stat -c '%n %s bytes, built %y' target/muster.jar)"
  JAR="$WORK/muster.jar"
  cp target/muster.jar "$JAR"
  JAR_INFO="$JAR_INFO, sha256 $(sha256sum "$JAR" | cut -c1-16)… (run from a copy in the temporary directory)"
}

# --- Muster and its PostgreSQL ------------------------------------------------------------------
# await_login LOG T0_US: polls http://localhost:PORT/login every 0.2 s until it answers 200; dies, with
# the tail of Muster's LOG, when MUSTER_PID exits first or START_TIMEOUT_S after T0_US (the launch).
await_login() {
  local logf="$1" t0="$2" code
  while true; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$PORT/login" 2> /dev/null || true)"
    [ "$code" = 200 ] && break
    if ! kill -0 "$MUSTER_PID" 2> /dev/null; then
      tail -n 40 "$logf" >&2; die "Muster exited before /login answered 200"
    fi
    [ $(( $(now_us) - t0 )) -lt $((START_TIMEOUT_S * 1000000)) ] \
      || { tail -n 40 "$logf" >&2; die "no HTTP 200 from /login within ${START_TIMEOUT_S} s"; }
    sleep 0.2
  done
}

# muster_postgres: the PostgreSQL Muster started on DATA, for psql and pgbench. The port is line 4 of
# postmaster.pid (as EmbeddedDatabase.runningServerUrl reads it); database and user postgres, trust
# authentication (EmbeddedDatabase.jdbcUrl). Sets POSTMASTER (its pid) and PGPORT_, exports PG*.
muster_postgres() {
  local pidfile="$DATA/postgres/postmaster.pid"
  [ -f "$pidfile" ] || die "no $pidfile"
  PGPORT_="$(sed -n 4p "$pidfile" | tr -d '[:space:]')"
  POSTMASTER="$(sed -n 1p "$pidfile" | tr -d '[:space:]')"
  export PGHOST=localhost PGPORT="$PGPORT_" PGUSER=postgres PGDATABASE=postgres PGAPPNAME="$BENCH_NAME"
  unset PGPASSWORD PGSERVICE PGOPTIONS
}

# start_muster LOG [ARG...]: java -jar JAR --muster.data-dir=DATA --server.port=<free port> [ARG...] in
# a session of its own (stop_muster can kill the whole group), output to LOG, and waits for /login.
# Sets PORT, MUSTER_PID, BASE (its URL) and what muster_postgres sets.
start_muster() {
  local logf="$1" t0
  shift
  PORT="$(free_port)"
  log "starting Muster on port $PORT (data directory $DATA) ..."
  t0="$(now_us)"
  setsid "${PIN[@]}" java -jar "$JAR" "--muster.data-dir=$DATA" "--server.port=$PORT" "$@" \
    > "$logf" 2>&1 < /dev/null &
  MUSTER_PID=$!
  await_login "$logf" "$t0"
  log "Muster serves /login after $(( ($(now_us) - t0) / 1000 )) ms"
  muster_postgres
  BASE="http://localhost:$PORT"
}

sql() { "${PIN[@]}" psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# load_pg_stat_statements [ARG...]: for --statements, Muster restarted (start_muster ... ARG...) on the
# same data directory with pg_stat_statements loaded (a preloaded library needs a server restart).
# shellcheck disable=SC2120  # the arguments are optional
load_pg_stat_statements() {
  log "--statements: loading pg_stat_statements (restarting Muster on the same data directory) ..."
  sql -c "alter system set shared_preload_libraries = 'pg_stat_statements'" > /dev/null
  sql -c "alter system set pg_stat_statements.track_utility = on" > /dev/null
  stop_muster
  start_muster "$WORK/logs/muster-restart.log" "$@"
  sql -c "create extension if not exists pg_stat_statements" > /dev/null
}

# new_token USERNAME NAME -> secret: an API token of USERNAME, the row as ApiTokens.create writes it
# (the hex SHA-256 of the secret only).
new_token() {
  local secret hash
  secret="mst_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  hash="$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)"
  sql -c "insert into api_token (user_id, name, token_hash, created_at, expires_at)
          select id, '$2', '$hash', now(), now() + interval '1 day' from app_user where username = '$1'" > /dev/null
  echo "$secret"
}

# muster_warnings: Muster's first 5 WARN or ERROR lines in WORK/logs/muster*.log (SpringDoc's notice
# at start-up aside), listed under the problems.
muster_warnings() {
  grep -hE ' (ERROR|WARN) ' "$WORK"/logs/muster*.log 2> /dev/null \
    | grep -v 'SpringDocAppInitializer' | head -n 5 | sed 's/^/    /' > "$WORK/muster-warnings.txt" || true
  [ -s "$WORK/muster-warnings.txt" ] && { problem "Muster's log has warnings or errors (first 5 below)"; cat "$WORK/muster-warnings.txt" >> "$PROBLEMS"; }
  return 0
}

# --- the import's database-only anchor (import.sh, import-steps-ab.sh) -------------------------
# They read ZONE (the posts' time zone), STEPS_SQL (src/main/resources/people/import-steps.sql), STAGE
# (the list's rows as ImportWriter stages them, CSV) and COPY_COLUMNS (its COPY column list).

new_post() { # code name -> id
  sql -c "insert into post (code, name, kind, country, time_zone, created_at)
          values ('$1', '$2', 'EMBASSY', 'Afghanistan', '$ZONE', now()) returning id"
}

# anchor_import POST_ID -> "source_id import_id now today": a list and a committed file row of the post,
# as the app's upload would have made them (content left empty), and the instant and date to import at.
anchor_import() {
  sql -F' ' -c "with s as (insert into import_source (post_id, name, created_at, updated_at)
                  values ($1, 'people', now(), now()) returning id),
                f as (insert into import_file (post_id, source_id, filename, sha256, format, content,
                        uploaded_by, uploaded_at, status)
                      select $1, s.id, 'people.csv', 'bench-anchor', 'CSV', '\\x'::bytea, 'bench', now(), 'COMMITTED'
                      from s returning id, source_id)
                select source_id, id, to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),
                       (now() at time zone '$ZONE')::date from f"
}

# anchor_sql FILE POST_ID SOURCE_ID IMPORT_ID NOW TODAY [END [DDL_FILE]]: the anchor as one psql
# transaction: the stage created, STAGE copied in, every step of import-steps.sql (split on lines
# starting '-- step: ', the parameters substituted with sed), the stage dropped, then END (commit, the
# default, or rollback). DDL_FILE, when given, runs first in the same transaction (a schema change
# tried by import-steps-ab.sh). \echo marks each step so that \timing can be read per step.
anchor_sql() {
  local out="$1" steps
  steps="$(awk '
      function emit(  q) { sub(/[[:space:]]+$/, "", body); q = name; gsub(/\047/, "\047\047", q)
                           printf "\\echo \047@@step %s\047\n%s;\n", q, body }
      /^-- step: / { if (name != "") emit(); name = substr($0, 10); sub(/[[:space:]]+$/, "", name); body = ""; next }
      name != "" { body = body $0 "\n" }
      END { if (name != "") emit() }' "$STEPS_SQL" \
    | sed -e "s/:post_id\b/$2/g" -e "s/:source_id\b/$3/g" -e "s/:import_id\b/$4/g" \
          -e "s/:now\b/'$5'/g" -e "s/:today\b/'$6'/g")"
  if grep -v '^\\' <<< "$steps" | grep -Eq '(^|[^:]):[a-z_]+\b'; then
    die "import-steps.sql has a parameter the bench does not substitute: $(grep -v '^\\' <<< "$steps" | grep -Eo '(^|[^:]):[a-z_]+\b' | sort -u | tr '\n' ' ')"
  fi
  [ "$(grep -c "^.echo '@@step" <<< "$steps")" -ge 2 ] || die "found no '-- step: ' sections in $STEPS_SQL"
  {
    echo '\timing on'
    echo 'begin;'
    if [ -n "${8:-}" ]; then
      echo "\\echo '@@step variant DDL'"
      cat "$8"
    fi
    echo "\\echo '@@step create the stage'"
    echo 'create temp table import_stage (like import_stage_template including defaults) on commit drop;'
    echo "\\echo '@@step COPY into the stage'"
    echo "\\copy import_stage ($COPY_COLUMNS) from '$STAGE' with (format csv)"
    printf '%s\n' "$steps"
    echo "\\echo '@@step drop the stage'"
    echo 'drop table import_stage;'
    echo "\\echo '@@step ${7:-commit}'"
    echo "${7:-commit};"
  } > "$out"
}

# --- the report ---------------------------------------------------------------------------------
# median: of the numbers on standard input, "-" when there are none.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'; }
# col PREFIX KEY: KEY of every round's R/PREFIX-ROUND.kv, one line a round.
col() { local r; for r in $(seq 1 "$ROUNDS"); do kv "$R/$1-$r.kv" "$2"; done; }
# ratio A B [DECIMALS]: A / B with 2 decimals (or DECIMALS), "-" when B is 0 or missing.
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%." d "f", a / b }'; }
# pgss_blocks WIDTH FILE...: each pg_stat_statements listing (tab-separated) as a code block under its
# name, in columns cut at WIDTH characters.
pgss_blocks() {
  local width="$1" f
  shift
  for f in "$@"; do
    echo
    echo "$(basename "${f%.pgss}"):"
    echo '```'
    column -t -s $'\t' "$f" 2> /dev/null | cut -c1-"$width" || cat "$f"
    echo '```'
  done
}
# thousands X: X rounded to a whole number with thousands separators (20,000), "-" when missing.
thousands() { awk -v x="$1" 'BEGIN { if (x == "-" || x == "") print "-"; else printf "%\047.0f", x }'; }
