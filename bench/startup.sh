#!/usr/bin/env bash
# Start-up bench: the time from launching Muster to the first HTTP 200 of /login, on 2 cores.
#
#   bench/startup.sh [--rounds N] [--keep]
#
# Each round, for two launch modes, measures
#   fresh    a new empty data directory (initdb + Flyway migrations + demo load),
#   restart  the same data directory again (data kept);
# the modes are
#   launcher  the extracted jar with the class data sharing archive and the ahead-of-time processed
#             context, launched exactly as bin/run does (java -XX:SharedArchiveFile=target/app/muster.jsa
#             ... -Dspring.aot.enabled=true -jar target/app/muster.jar, repo root),
#   plain     java -jar target/muster.jar (the Boot fat jar, no application CDS archive).
# Anchors measured in the same run: the zonky PostgreSQL binaries alone (initdb + pg_ctl start -w for
# fresh, pg_ctl start -w on the existing cluster for restart) and a trivial `java -version`.
# Every launch uses --muster.demo=true --muster.data-dir=<temp dir> --server.port=<free port>, polls
# /login every 50 ms, gives up after 60 s, then sends SIGTERM to the java process, waits for it to
# exit and checks that no PostgreSQL server of its data directory is left.
#
# It first calls bin/run once (which rebuilds target/muster.jar when src/ changed, and makes the CDS
# archive) and checks that the archive maps. Default 5 rounds take 5.5 to 7 minutes on 2 cores.
# The report (markdown) goes to standard output, progress to standard error. --keep keeps the
# temporary directory (logs of every launch) instead of removing it on exit.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

ROUNDS=5
KEEP=0
LAUNCH_TIMEOUT_S=60     # give up on a measured launch after this
STOP_TIMEOUT_S=30       # SIGTERM grace before SIGKILL
WARMUP_TIMEOUT_S=900    # bin/run may build the jar and the CDS archive first
POLL_S=0.05

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; }

ORIG_ARGS=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) [ $# -ge 2 ] || { echo "--rounds needs a number" >&2; exit 2; }; ROUNDS="$2"; shift 2 ;;
    --rounds=*) ROUNDS="${1#--rounds=}"; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "--rounds must be a positive integer, got '$ROUNDS'" >&2; exit 2; }

cd "$(dirname "$0")/.."
REPO="$(pwd)"
COMMAND="$(printf '%q ' "bench/$(basename "$0")" "${ORIG_ARGS[@]}")"
COMMAND="${COMMAND% }"

for tool in java curl ss awk sort; do
  command -v "$tool" > /dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

# --- state and cleanup --------------------------------------------------------------------------
new_work muster-bench
RESULTS="$WORK/results.tsv"   # mode kind round ms spring_started_s load1 app_cpu_s others_cores poll_cores
: > "$RESULTS"
LIVE_PIDS=()      # java processes (session leaders) this script started
PG_ANCHOR_DIRS=() # clusters of the PostgreSQL anchor

# The anchor runs PostgreSQL as nobody when this script runs as root (initdb refuses root).
PGRUN=()
[ "$(id -u)" -eq 0 ] && PGRUN=(runuser -u nobody --)
PG_BIN=""

# kill_postgres PID...: fast shutdown (SIGINT) of the postmasters, SIGKILL after 10 s.
kill_postgres() {
  local pid
  [ $# -gt 0 ] || return 0
  kill -INT "$@" 2> /dev/null || true
  for _ in $(seq 1 100); do
    for pid in "$@"; do kill -0 "$pid" 2> /dev/null && break; pid=""; done
    [ -z "$pid" ] && return 0
    sleep 0.1
  done
  kill -KILL "$@" 2> /dev/null || true
}

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in "${LIVE_PIDS[@]}"; do
    if kill -0 "$pid" 2> /dev/null; then
      log "cleanup: stopping leftover java $pid"
      kill -TERM -- "-$pid" 2> /dev/null || kill -TERM "$pid" 2> /dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
      kill -KILL -- "-$pid" 2> /dev/null || true
    fi
  done
  for d in "${PG_ANCHOR_DIRS[@]}"; do
    [ -n "$PG_BIN" ] && [ -f "$d/postmaster.pid" ] && "${PGRUN[@]}" "$PG_BIN/pg_ctl" -D "$d" stop -m immediate -w > /dev/null 2>&1 || true
  done
  left="$(postgres_pids_under "$WORK/" | tr '\n' ' ')"
  if [ -n "${left// /}" ]; then
    log "cleanup: stopping leftover postgres $left"
    # shellcheck disable=SC2086
    kill_postgres $left
  fi
  if [ "$KEEP" -eq 1 ]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
on_exit cleanup

# --- helpers ------------------------------------------------------------------------------------
# CPU of this shell and its reaped children (curl, sleep, subshells): `times` must run in this shell
# (not in a command substitution), so snapshot to a file and read the milliseconds from it later.
self_cpu_snap() { times > "$1"; }
self_cpu_ms() {
  awk '{ for (i = 1; i <= NF; i++) { split($i, a, "m"); sub(/s$/, "", a[2]); ms += (a[1] * 60 + a[2]) * 1000 } }
       END { printf "%d\n", ms }' "$1"
}
# app_cpu_ticks JAVA_PID DATADIR: CPU ticks of the java process (with its reaped children) and of
# the PostgreSQL server of DATADIR (postmaster with its reaped backends, plus its live children).
app_cpu_ticks() {
  local pm
  pm=" $(postgres_pids_under "$2/" | tr '\n' ' ') "
  { cat /proc/[0-9]*/stat 2> /dev/null || true; } | awk -v j="$1" -v pm="$pm" '
    {
      pid = $1; rest = $0; sub(/^[0-9]+ \(.*\) /, "", rest); n = split(rest, a, " ")
      if (n < 15) next
      if (pid == j || index(pm, " " pid " ")) sum += a[12] + a[13] + a[14] + a[15]
      else if (index(pm, " " a[2] " ")) sum += a[12] + a[13]
    }
    END { print sum + 0 }'
}

forget_pid() {
  local pid="$1" keep=() p
  for p in "${LIVE_PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  LIVE_PIDS=("${keep[@]}")
}

# stop_java PID DATADIR LABEL: SIGTERM, bounded wait, then check no postgres of DATADIR is left.
stop_java() {
  local pid="$1" dir="$2" label="$3" waited=0 left
  kill -TERM "$pid" 2> /dev/null || true
  while kill -0 "$pid" 2> /dev/null; do
    if [ "$waited" -ge $((STOP_TIMEOUT_S * 10)) ]; then
      problem "$label: java $pid still running ${STOP_TIMEOUT_S} s after SIGTERM; killed"
      kill -KILL -- "-$pid" 2> /dev/null || kill -KILL "$pid" 2> /dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  wait "$pid" 2> /dev/null || true
  forget_pid "$pid"
  left="$(postgres_pids_under "$dir/" | tr '\n' ' ')"
  if [ -n "${left// /}" ]; then
    problem "$label: PostgreSQL postmaster(s) $left of $dir still running after java exited; stopped by the bench"
    # shellcheck disable=SC2086
    kill_postgres $left
  fi
  if [ -f "$dir/postgres/postmaster.pid" ]; then
    problem "$label: $dir/postgres/postmaster.pid left behind (server not shut down cleanly)"
  fi
}

# launch_muster MODE KIND ROUND DATADIR: measures one launch, appends to $RESULTS.
launch_muster() {
  local mode="$1" kind="$2" round="$3" dir="$4" port logf t0 t1 pid code ms started label load1 busy0 busy1 app others self0 self1 poll
  label="$mode/$kind/round $round"
  port="$(free_port)"
  logf="$WORK/logs/$mode-$kind-$round.log"
  local args=(--muster.demo=true "--muster.data-dir=$dir" "--server.port=$port")
  local cmd
  if [ "$mode" = launcher ]; then
    cmd=(java "${SHARE[@]}" -jar target/app/muster.jar "${args[@]}")
  else
    cmd=(java -jar target/muster.jar "${args[@]}")
  fi
  check_artifacts "$label"
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  busy0="$(cpu_busy_ticks)"
  self_cpu_snap "$WORK/times0.txt"
  t0="$(now_us)"
  setsid "${PIN[@]}" "${cmd[@]}" > "$logf" 2>&1 < /dev/null &
  pid=$!
  LIVE_PIDS+=("$pid")
  while true; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$port/login" 2> /dev/null || true)"
    if [ "$code" = 200 ]; then t1="$(now_us)"; busy1="$(cpu_busy_ticks)"; self_cpu_snap "$WORK/times1.txt"; break; fi
    if ! kill -0 "$pid" 2> /dev/null; then
      stop_java "$pid" "$dir" "$label"   # reaps it and checks its PostgreSQL is gone
      if grep -q "Port $port was already in use" "$logf"; then
        problem "$label: port $port was taken before Muster bound it; retrying on another port"
        return 2
      fi
      problem "$label: java exited before /login answered 200 (log tail below)"
      tail -n 15 "$logf" | sed 's/^/    /' >> "$PROBLEMS"
      return 1
    fi
    if [ $(( $(now_us) - t0 )) -ge $((LAUNCH_TIMEOUT_S * 1000000)) ]; then
      problem "$label: no HTTP 200 from /login within ${LAUNCH_TIMEOUT_S} s; gave up"
      tail -n 15 "$logf" | sed 's/^/    /' >> "$PROBLEMS"
      stop_java "$pid" "$dir" "$label"
      return 1
    fi
    sleep "$POLL_S"
  done
  ms=$(( (t1 - t0) / 1000 ))
  app="$(app_cpu_ticks "$pid" "$dir")"
  # CPU the app used to get there (java, its reaped children such as initdb, its PostgreSQL) and
  # the CPU everything else on the machine used meanwhile, in cores (2.0 = both cores busy).
  # The bench's own polling (this shell, its curl and sleep children) is counted apart.
  self0="$(self_cpu_ms "$WORK/times0.txt")"
  self1="$(self_cpu_ms "$WORK/times1.txt")"
  poll="$(awk -v c="$((self1 - self0))" -v w="$((t1 - t0))" 'BEGIN { printf "%.2f", c / 1000 / (w / 1e6) }')"
  others="$(awk -v b="$((busy1 - busy0 - app))" -v t="$CLK_TCK" -v w="$((t1 - t0))" -v p="$poll" 'BEGIN { o = b / t / (w / 1e6) - p; printf "%.2f", (o < 0 ? 0 : o) }')"
  app="$(awk -v a="$app" -v t="$CLK_TCK" 'BEGIN { printf "%.1f", a / t }')"
  started="$(sed -n 's/.*Started [A-Za-z0-9]* in \([0-9.]*\) seconds.*/\1/p' "$logf" | head -n 1)"
  stop_java "$pid" "$dir" "$label"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$kind" "$round" "$ms" "${started:--}" "$load1" "$app" "$others" "$poll" >> "$RESULTS"
  log "$label: ${ms} ms (Spring: ${started:-?} s, app CPU $app s, others $others cores, polling $poll cores)"
}

# measure MODE KIND ROUND DATADIR: launch_muster, retried (up to 3 tries) when the port was taken.
measure() {
  local attempt rc
  for attempt in 1 2 3; do
    [ "$2" = fresh ] && rm -rf "$4"   # a retried fresh start must find an empty directory again
    if launch_muster "$@"; then return 0; else rc=$?; fi
    [ "$rc" -eq 2 ] || return "$rc"
  done
  return 1
}

record() { printf '%s\t%s\t%s\t%s\t-\t%s\t-\t-\t-\n' "$1" "$2" "$3" "$4" "$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"; }

pg_anchor() {
  local round="$1" base="$WORK/pg-$round" port t0 t1 opts
  mkdir -p "$base"
  [ "$(id -u)" -eq 0 ] && chown nobody "$base"
  PG_ANCHOR_DIRS+=("$base/data")
  port="$(free_port)"
  # The server options zonky passes for Muster (see EmbeddedDatabase and zonky's EmbeddedPostgres).
  opts="-p $port -F -c synchronous_commit=off -c max_connections=200 -c timezone=UTC -c shared_buffers=256MB -c unix_socket_directories=$base"
  t0="$(now_us)"
  "${PIN[@]}" "${PGRUN[@]}" "$PG_BIN/initdb" -A trust -U postgres -D "$base/data" -E UTF-8 > "$base/initdb.log" 2>&1 \
    || { problem "pg anchor round $round: initdb failed"; tail -n 5 "$base/initdb.log" >> "$PROBLEMS"; return 1; }
  "${PIN[@]}" "${PGRUN[@]}" "$PG_BIN/pg_ctl" -D "$base/data" -o "$opts" -l "$base/server.log" -t "$LAUNCH_TIMEOUT_S" -w start > /dev/null 2>&1 \
    || { problem "pg anchor round $round: fresh start failed"; tail -n 5 "$base/server.log" >> "$PROBLEMS"; return 1; }
  t1="$(now_us)"
  record pg-alone fresh "$round" $(( (t1 - t0) / 1000 ))
  "${PGRUN[@]}" "$PG_BIN/pg_ctl" -D "$base/data" -m fast -w stop > /dev/null 2>&1 || problem "pg anchor round $round: stop failed"
  t0="$(now_us)"
  "${PIN[@]}" "${PGRUN[@]}" "$PG_BIN/pg_ctl" -D "$base/data" -o "$opts" -l "$base/server.log" -t "$LAUNCH_TIMEOUT_S" -w start > /dev/null 2>&1 \
    || { problem "pg anchor round $round: restart failed"; tail -n 5 "$base/server.log" >> "$PROBLEMS"; return 1; }
  t1="$(now_us)"
  record pg-alone restart "$round" $(( (t1 - t0) / 1000 ))
  "${PGRUN[@]}" "$PG_BIN/pg_ctl" -D "$base/data" -m fast -w stop > /dev/null 2>&1 || problem "pg anchor round $round: stop failed"
  if [ -n "$(postgres_pids_under "$base/")" ]; then problem "pg anchor round $round: server left running after pg_ctl stop"; fi
  log "pg-alone/round $round: fresh $(awk -F'\t' -v r="$round" '$1=="pg-alone"&&$2=="fresh"&&$3==r{print $4}' "$RESULTS") ms, restart $(awk -F'\t' -v r="$round" '$1=="pg-alone"&&$2=="restart"&&$3==r{print $4}' "$RESULTS") ms"
  rm -rf "$base"
}

java_anchor() {
  local round="$1" t0 t1
  t0="$(now_us)"
  "${PIN[@]}" java -version > /dev/null 2>&1
  t1="$(now_us)"
  record java-version - "$round" $(( (t1 - t0) / 1000 ))
}

ARTIFACT_STAMP=""
artifact_stamp() { stat -c '%n %Y %s' target/muster.jar target/app/muster.jar target/app/muster.jsa 2> /dev/null | tr '\n' ';'; }
check_artifacts() {
  local now
  now="$(artifact_stamp)"
  if [ -n "$ARTIFACT_STAMP" ] && [ "$now" != "$ARTIFACT_STAMP" ]; then
    problem "$1: target/muster.jar or target/app changed during the bench (someone rebuilt?): $now"
    ARTIFACT_STAMP="$now"
  fi
}

# --- machine and load ---------------------------------------------------------------------------
note_load_before

# --- 1. bin/run once: builds the jar when needed, extracts it and makes the CDS archive ----------
WARM_DIR="$WORK/warmup-data"
WARM_PORT="$(free_port)"
log "bin/run once (build / extract / CDS archive when needed), port $WARM_PORT ..."
t0="$(now_us)"
mkdir -p "$WORK/binrun-tmp"
setsid bin/run --muster.demo=true "--muster.data-dir=$WARM_DIR" "--server.port=$WARM_PORT" \
  > "$WORK/logs/warmup.log" 2>&1 < /dev/null &
WARM_PID=$!
LIVE_PIDS+=("$WARM_PID")
while true; do
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$WARM_PORT/login" 2> /dev/null || true)"
  [ "$code" = 200 ] && break
  if ! kill -0 "$WARM_PID" 2> /dev/null; then
    log "bin/run failed; its output:"; tail -n 40 "$WORK/logs/warmup.log" >&2; exit 1
  fi
  if [ $(( $(now_us) - t0 )) -ge $((WARMUP_TIMEOUT_S * 1000000)) ]; then
    log "bin/run did not serve /login within ${WARMUP_TIMEOUT_S} s"; tail -n 40 "$WORK/logs/warmup.log" >&2; exit 1
  fi
  sleep 0.2
done
WARM_S=$(( ($(now_us) - t0) / 1000 ))
stop_java "$WARM_PID" "$WARM_DIR" "warm-up (bin/run)"
rm -rf "$WARM_DIR"
if grep -Eq "Building Muster|Preparing fast start-up" "$WORK/logs/warmup.log"; then
  log "bin/run (re)built the CDS archive"
  BINRUN_NOTE="bin/run (re)built the jar or the CDS archive in this run"
else
  BINRUN_NOTE="bin/run found the jar and the CDS archive up to date"
fi
left="$(postgres_pids_under "$WORK/binrun-tmp/" | tr '\n' ' ')"
if [ -n "${left// /}" ]; then
  problem "bin/run's CDS training run left its temporary PostgreSQL running (pid ${left% }; stopped by the bench)"
  # shellcheck disable=SC2086
  kill_postgres $left
fi
log "bin/run served /login after $WARM_S ms (includes any build and CDS training)"

# The launcher's java options, exactly as bin/run computes them.
SHARE=(-Dspring.aot.enabled=true)
CDS_NOTE="archive present"
if [ -f target/app/muster.jsa ]; then
  SHARE=(-XX:SharedArchiveFile=target/app/muster.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.aot.enabled=true)
else
  CDS_NOTE="target/app/muster.jsa missing: the launcher mode ran WITHOUT a CDS archive (as bin/run would)"
  problem "$CDS_NOTE"
fi
ARTIFACT_STAMP="$(artifact_stamp)"
JAR_INFO="$(stat -c '%n %s bytes, built %y' target/muster.jar)"

# Is the archive really used? One unmeasured start like the CDS training run, logging class loading.
if [ -f target/app/muster.jsa ]; then
  mkdir -p "$WORK/cdscheck-tmp"
  log "checking that the CDS archive maps (one unmeasured start) ..."
  if timeout 120 "${PIN[@]}" java "${SHARE[@]}" "-Xlog:class+load=info:file=$WORK/logs/classload.txt" \
      "-Djava.io.tmpdir=$WORK/cdscheck-tmp" -Dspring.context.exit=onRefresh \
      -jar target/app/muster.jar --muster.data-dir= --server.port=0 > "$WORK/logs/cdscheck.log" 2>&1 < /dev/null; then
    total="$(grep -c . "$WORK/logs/classload.txt" || true)"
    shared="$(grep -c 'shared objects file' "$WORK/logs/classload.txt" || true)"
    CDS_NOTE="$shared of $total loaded classes came from the CDS archives"
  else
    CDS_NOTE="CDS check start failed (see problems)"
    problem "CDS check start failed: $(tail -n 3 "$WORK/logs/cdscheck.log" | tr '\n' ' ')"
  fi
  left="$(postgres_pids_under "$WORK/cdscheck-tmp" | tr '\n' ' ')"
  if [ -n "${left// /}" ]; then
    # Expected: -Dspring.context.exit=onRefresh halts the JVM before the context closes; bin/run gives
    # its training run a directory of its own and stops the server it leaves behind.
    log "the unmeasured CDS check start left its PostgreSQL running, as the training run does (pid ${left% }); stopped"
    # shellcheck disable=SC2086
    kill_postgres $left
  fi
  log "$CDS_NOTE"
fi

PG_BIN="$(ls -dt /tmp/embedded-pg/PG-*/bin 2> /dev/null | head -n 1 || true)"
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/pg_ctl" ] || { echo "no zonky PostgreSQL binaries under /tmp/embedded-pg" >&2; exit 1; }

# --- 2. rounds ----------------------------------------------------------------------------------
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then modes=(launcher plain); else modes=(plain launcher); fi
  for mode in "${modes[@]}"; do
    dir="$WORK/data-$mode-$round"
    if measure "$mode" fresh "$round" "$dir"; then
      measure "$mode" restart "$round" "$dir" || true
    fi
    rm -rf "$dir"
  done
  pg_anchor "$round" || true
  java_anchor "$round"
done

LOAD_AFTER="$(uptime)"
log "load after: $LOAD_AFTER"

# --- 3. report ----------------------------------------------------------------------------------
stats() { # mode kind -> "n min median max" (ms), or "0 - - -"
  awk -F'\t' -v m="$1" -v k="$2" '$1==m && $2==k {print $4}' "$RESULTS" | sort -n | awk '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "0 - - -"; exit }
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%d %d %d %d\n", NR, v[1], med, v[NR]
    }'
}
sec() { [ "$1" = - ] && echo - || awk -v x="$1" 'BEGIN { printf "%.2f s", x / 1000 }'; }
col_median() { # mode kind column [suffix]
  awk -F'\t' -v m="$1" -v k="$2" -v c="$3" '$1==m && $2==k && $c!="-" {print $c}' "$RESULTS" | sort -n | awk -v s="${4:-}" '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "-"; exit }
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.2f%s\n", med, s
    }'
}
row() { # label mode kind target_ms
  local n mn md mx verdict="" sp cpu oth poll
  read -r n mn md mx <<< "$(stats "$2" "$3")"
  sp="$(col_median "$2" "$3" 5 " s")"
  cpu="$(col_median "$2" "$3" 7 " s")"
  oth="$(col_median "$2" "$3" 8)"
  poll="$(col_median "$2" "$3" 9)"
  if [ -n "$4" ] && [ "$n" -gt 0 ]; then
    if [ "$mx" -le "$4" ]; then verdict="≤ $(( $4 / 1000 )) s: met (max)"
    elif [ "$md" -le "$4" ]; then verdict="≤ $(( $4 / 1000 )) s: median only"
    else verdict="≤ $(( $4 / 1000 )) s: **missed**"; fi
  fi
  printf '| %s | %s/%s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$n" "$ROUNDS" "$(sec "$mn")" "$(sec "$md")" "$(sec "$mx")" "$sp" "$cpu" "$oth" "$poll" "$verdict"
}

machine_facts
PG_VERSION="$("$PG_BIN/postgres" --version)"

cat << EOF
## Muster start-up bench

Time from launching the process to the first HTTP 200 of \`GET /login\` (polled every 50 ms),
$ROUNDS rounds, fresh and restart alternating per round; every Muster launch with
\`--muster.demo=true --muster.data-dir=<temp dir> --server.port=<free port>\`.
"app CPU time": CPU seconds the launch used until the 200 (java with its reaped children, such as
initdb, plus its PostgreSQL server); "others' CPU meanwhile": CPU the rest of the machine used during
the launch, in cores (2.0 would leave Muster nothing), from /proc/stat; "bench polling": CPU of this
script's own polling (curl every 50 ms), in cores, not counted in "others".

| what | n | min | median | max | Spring "Started in" (median) | app CPU time (median) | others' CPU meanwhile, cores (median) | bench polling, cores (median) | target |
|---|---|---|---|---|---|---|---|---|---|
EOF
row "launcher (extracted jar + CDS), fresh" launcher fresh 10000
row "launcher (extracted jar + CDS), restart" launcher restart 8000
row "plain \`java -jar target/muster.jar\`, fresh" plain fresh ""
row "plain \`java -jar target/muster.jar\`, restart" plain restart ""
row "anchor: zonky PostgreSQL alone, fresh (initdb + pg_ctl start -w)" pg-alone fresh ""
row "anchor: zonky PostgreSQL alone, restart (pg_ctl start -w)" pg-alone restart ""
row "anchor: \`java -version\`" java-version - ""
cat << EOF

- command: \`$COMMAND\` (from $REPO)
- date: $DATE_START
- machine: $MACHINE
- java: $JAVA_VERSION
- PostgreSQL: $PG_VERSION ($PG_BIN, anchor run as $( [ "$(id -u)" -eq 0 ] && echo 'nobody via runuser' || id -un ))
- build: commit $COMMIT with $DIRTY changed/untracked paths; $JAR_INFO
- CDS: $CDS_NOTE
- launcher mode: \`java ${SHARE[*]} -jar target/app/muster.jar ...\` from the repo root (as bin/run)
- load before: $(echo "$LOAD_BEFORE" | sed 's/^ *//') (processes over 10 % CPU: ${BUSY_BEFORE:-none})
- load after: $(echo "$LOAD_AFTER" | sed 's/^ *//')
- first bin/run (build/extract/CDS if needed, then start): $(sec "$WARM_S"); $BINRUN_NOTE

Problems seen:
EOF
if [ -s "$PROBLEMS" ]; then cat "$PROBLEMS"; else echo "- none (every java exited after SIGTERM; no PostgreSQL process left; no launch failed)"; fi
echo
echo "Per launch: mode, kind, round, ms to first 200, Spring \"Started in\" (s), 1-min load average at launch, app CPU (s), others' CPU meanwhile (cores), bench polling (cores)"
echo '```'
sort -t$'\t' -k1,1 -k2,2 -k3,3n "$RESULTS" | column -t -s$'\t' 2> /dev/null || cat "$RESULTS"
echo '```'
