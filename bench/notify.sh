#!/usr/bin/env bash
# E-mail sending bench (issue 6, point 8): Muster's senders deliver COUNT e-mails of about 2 KB to
# smtp-sink (Debian's postfix package) on loopback, beside `smtp-source -d` sending the same count,
# size and concurrency to the same kind of sink, in the same run; then a crash run (kill -9 in the
# middle, restart) that reports missed recipients and in-flight duplicates.
#
#   bench/notify.sh [--rounds N] [--count N] [--senders N] [--batch N] [--lease D] [--no-crash] [--keep]
#
# It builds target/muster.jar when it is missing or older than src/ or pom.xml (mvn -q -B -ntp
# -DskipTests package) and runs Muster from a copy in its temporary directory
# (java -jar <copy> --muster.data-dir=<temp dir> --server.port=<free port>, embedded PostgreSQL).
#
# The sink: `smtp-sink -u nobody -D <dump file> 127.0.0.1:PORT 256`, a fresh one (new port, new dump
# file in /dev/shm) for every measurement, app and anchor alike. -D appends every mail transaction to
# one dump file, from which the bench reads each message's recipient (X-Rcpt-Args) and Message-ID:
# that is how it counts missed recipients and duplicates. The dump may cost smtp-sink (one process)
# some rate (a 20,000-message trial on a loaded machine: about half; the first 100,000 run: none
# visible), so the anchor runs against the same dumping sink (the ratio the target is about) and,
# for reference, against a sink without -D (the "bare sink" column).
#
# Anchor: `smtp-source -d -s SENDERS -m COUNT -l 2048 -N -f bench@example.org -t anchor@example.org
# 127.0.0.1:PORT` (one connection per session kept open, -N numbers the recipients), timed by the
# bench from launch to exit.
#
# App: the queue is written by psql exactly as Outbox.enqueue writes it (one `message` row,
# UNCLASSIFIED, channels {EMAIL}; one `message_text` en-US with a subject and a body of about 1,900
# characters (with the personal link appended by the sender, about 2 KB); COUNT `delivery` rows
# QUEUED, channel EMAIL, address bench-N@example.org, person_id one of COUNT people registered at the
# bench's post by psql at setup (so each e-mail carries its signed personal answer link, as a real
# message to the post's people does), language en-US, next_attempt_at now()), with Muster started
# with --muster.notification.sending.enabled=false; the enqueue path is not what is timed. Then
# VACUUM ANALYZE, CHECKPOINT, Muster is stopped and started again with sending enabled:
#   --spring.mail.host=127.0.0.1 --spring.mail.port=<sink> --muster.notification.senders=SENDERS
#   --muster.notification.batch=BATCH --muster.notification.lease=LEASE (default 10s, not 60 s, so
#   the crash run's lost claims come back within seconds; the lease still far exceeds a batch's time)
# The time is measured from the log line "N sender threads started" (its timestamp, written when
# the application is ready) to max(delivery.sent_at); the bench polls with psql every 0.5 s until
# no delivery is QUEUED or SENDING. Also shown: first to last sent_at. Every app run must end with
# COUNT deliveries SENT, and the sink must hold exactly COUNT distinct Message-IDs <delivery-id@muster>,
# each the id of one of the message's deliveries, sent to that delivery's address.
# CPU (cores) in the app's window: Muster's JVM, PostgreSQL (postmaster and all backends), smtp-sink.
#
# Each round measures the anchor (dumping sink), the app and the anchor (bare sink), the order of
# anchor and app alternating per round. Then, unless --no-crash, the crash run: the same queue,
# Muster killed with SIGKILL (the JVM only; its embedded PostgreSQL keeps running and the next
# start of Muster stops it) once half the deliveries are SENT, started again, run to the end. It
# reports deliveries SENDING at the kill, missed recipients (deliveries whose Message-ID never
# reached the sink: must be 0), Message-IDs received twice or more, deliveries with
# resent_in_flight > 0, and checks that every duplicate is such a delivery.
#
# The report (markdown) goes to standard output, progress to standard error. --keep keeps the
# temporary directory (and the dumps).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

ROUNDS=3
COUNT=100000
SENDERS=8
BATCH=100
LEASE=10s
SIZE=2048
CRASH=1
KEEP=0
START_TIMEOUT_S=180
STOP_TIMEOUT_S=60
TARGET=0.25
CODE=NTFB

usage() { sed -n '2,50p' "$0" | sed 's/^# \{0,1\}//'; }
ORIG_ARGS=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --count) COUNT="$2"; shift 2 ;;
    --senders) SENDERS="$2"; shift 2 ;;
    --batch) BATCH="$2"; shift 2 ;;
    --lease) LEASE="$2"; shift 2 ;;
    --no-crash) CRASH=0; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for v in ROUNDS COUNT SENDERS BATCH; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "--${v,,} must be a positive integer, got '${!v}'" >&2; exit 2; }
done

cd "$(dirname "$0")/.."
REPO="$(pwd)"
COMMAND="$(printf '%q ' "bench/$(basename "$0")" "${ORIG_ARGS[@]}")"; COMMAND="${COMMAND% }"
for tool in java curl ss awk sed sort psql smtp-sink smtp-source sha256sum; do
  command -v "$tool" > /dev/null || { echo "missing tool: $tool (smtp-sink/smtp-source: apt-get install postfix)" >&2; exit 1; }
done

new_work muster-notify-bench
mkdir -p "$WORK/results"
DUMPS="$(mktemp -d /dev/shm/muster-notify-dumps.XXXXXX)"
chmod 777 "$DUMPS"
DATA="$WORK/data"
R="$WORK/results"
MUSTER_PID=""; SINK_PID=""; PORT=""; POSTMASTER=""

# This bench's own stop_muster (not lib.sh's): it stops Muster several times a round without a line
# of progress each time, and after the grace kills the JVM alone.
stop_muster() {
  local waited=0 left
  [ -n "$MUSTER_PID" ] || return 0
  if kill -0 "$MUSTER_PID" 2> /dev/null; then
    kill -TERM "$MUSTER_PID" 2> /dev/null || true
    while kill -0 "$MUSTER_PID" 2> /dev/null; do
      if [ "$waited" -ge $((STOP_TIMEOUT_S * 10)) ]; then
        problem "Muster (java $MUSTER_PID) still running ${STOP_TIMEOUT_S} s after SIGTERM; killed"
        kill -KILL "$MUSTER_PID" 2> /dev/null || true; break
      fi
      sleep 0.1; waited=$((waited + 1))
    done
  fi
  wait "$MUSTER_PID" 2> /dev/null || true
  MUSTER_PID=""
  left="$(postgres_pids_under "$WORK/" | tr '\n' ' ')"
  if [ -n "${left// /}" ]; then
    problem "PostgreSQL ($left) still running after Muster exited; stopped by the bench"
    # shellcheck disable=SC2086
    kill -INT $left 2> /dev/null || true
    for _ in $(seq 1 100); do left="$(postgres_pids_under "$WORK/" | tr '\n' ' ')"; [ -z "${left// /}" ] && break; sleep 0.1; done
  fi
}
stop_sink() {
  [ -n "$SINK_PID" ] || return 0
  kill -TERM "$SINK_PID" 2> /dev/null || true
  wait "$SINK_PID" 2> /dev/null || true
  SINK_PID=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_muster; stop_sink
  if [ "$KEEP" -eq 1 ]; then log "kept $WORK and $DUMPS"; else rm -rf "$WORK" "$DUMPS"; fi
  exit "$rc"
}
on_exit cleanup

LOAD_BEFORE="$(uptime)"
DATE_START="$(date -Is)"
log "load before: $LOAD_BEFORE"
log "temporary directory: $WORK (dumps in $DUMPS)"

# --- the jar ------------------------------------------------------------------------------------
BUILD_NOTE="target/muster.jar up to date (not rebuilt)"
if [ ! -f target/muster.jar ] || [ -n "$(find src pom.xml -newer target/muster.jar -print -quit)" ]; then
  log "building target/muster.jar (mvn -q -B -ntp -DskipTests package) ..."
  rm -f target/muster.jar
  mvn -q -B -ntp -DskipTests package > "$WORK/logs/build.log" 2>&1 || { tail -n 40 "$WORK/logs/build.log" >&2; die "the build failed"; }
  BUILD_NOTE="target/muster.jar rebuilt by the bench"
fi
JAR="$WORK/muster.jar"
cp target/muster.jar "$JAR"
JAR_INFO="$(stat -c '%n %s bytes, built %y' target/muster.jar), sha256 $(sha256sum "$JAR" | cut -c1-16)… (run from a copy)"

# --- Muster, the sink ---------------------------------------------------------------------------
# This bench's own start_muster (not lib.sh's): the sender's settings on every start, and one line of
# progress per start.
start_muster() { # log file, extra arguments...
  local logf="$1" t0; shift
  PORT="$(free_port)"
  t0="$(now_us)"
  setsid "${PIN[@]}" java -jar "$JAR" "--muster.data-dir=$DATA" "--server.port=$PORT" \
    --muster.notification.mail-from=muster@example.org --muster.notification.public-url=https://muster.example/ \
    "$@" > "$logf" 2>&1 < /dev/null &
  MUSTER_PID=$!
  MUSTER_T0_US="$t0"
  await_login "$logf" "$t0"
  log "Muster (java $MUSTER_PID) serves /login after $(( ($(now_us) - t0) / 1000 )) ms"
  muster_postgres
}
start_sink() { # dump file or "" -> SINK_PID, SINK_PORT
  SINK_PORT="$(free_port)"
  local opts=(-u nobody)
  [ -z "$1" ] || opts+=(-D "$1")
  "${PIN[@]}" smtp-sink "${opts[@]}" "127.0.0.1:$SINK_PORT" 256 > "$WORK/logs/sink-$SINK_PORT.log" 2>&1 < /dev/null &
  SINK_PID=$!
  for _ in $(seq 1 50); do [ -n "$(ss -Hltn "sport = :$SINK_PORT" 2> /dev/null)" ] && return 0; sleep 0.1; done
  die "smtp-sink did not listen on $SINK_PORT"
}
# ticks of one process with its reaped children (utime stime cutime cstime)
ticks_of() { awk '{ sub(/^[0-9]+ \(.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$1/stat" 2> /dev/null || echo 0; }

# Parse a dump: "message-id<TAB>recipient" per mail transaction, Message-IDs of the form <x@muster> only.
dump_ids() {
  awk 'BEGIN { IGNORECASE = 1 }
       /^X-Rcpt-Args: / { r = $2; gsub(/[<>]/, "", r); next }
       /^Message-ID: *<[^@>]*@muster>/ { id = $0; sub(/^[^<]*</, "", id); sub(/@muster>.*/, "", id); print id "\t" r }' "$1"
}
dump_count() { grep -c '^X-Rcpt-Args: ' "$1" 2> /dev/null || echo 0; }

# --- setup --------------------------------------------------------------------------------------
BODY="$(awk 'BEGIN { srand(6); for (i = 1; i <= 24; i++) { l = sprintf("Line %02d of the notify bench message: stay where you are, keep your phone charged, wait for the next ", i); printf "%s\n", substr(l, 1, 78) } }')"
log "setup: post $CODE ..."
start_muster "$WORK/logs/muster-setup.log" --muster.notification.sending.enabled=false
PG_VERSION="$(sql -c 'select version()')"
POST_ID="$(sql -c "insert into post (code, name, kind, country, time_zone, created_at)
          values ('$CODE', 'Notify bench', 'EMBASSY', 'Afghanistan', 'Asia/Kabul', now()) returning id")"
sql -c "create unlogged table if not exists bench_received (id text, rcpt text)" > /dev/null
# The recipients are people of the register, so every e-mail carries its personal answer link (signed
# per delivery), as a real message to the post's people does.
sql -c "insert into person (post_id, given_name, family_name, category, chief_of_mission, nationality, created_at)
        select $POST_ID, 'Bench', 'Person ' || g, 'PRIVATE_US_CITIZEN', false, 'US', now()
        from generate_series(1, $COUNT) g" > /dev/null
stop_muster

# Queue COUNT e-mails as Outbox.enqueue writes them (Muster running with sending disabled).
queue() { # -> MSG_ID
  start_muster "$WORK/logs/muster-queue-$1.log" --muster.notification.sending.enabled=false
  sql -c "delete from delivery" > /dev/null
  MSG_ID="$(sql -c "insert into message (post_id, classification, audience, audience_label, to_public, threat,
              channels, recipients, created_by, created_at)
            values ($POST_ID, 'UNCLASSIFIED', '{\"kind\":\"BENCH\"}'::jsonb, 'notify bench', false, false, array['EMAIL'], $COUNT, 'bench', now())
            returning id")"
  sql -v body="$BODY" > /dev/null <<< "insert into message_text (message_id, language, subject, body) values ($MSG_ID, 'en-US', 'Notify bench: shelter in place', :'body')"
  sql -c "insert into delivery (id, message_id, post_id, person_id, channel, address, language, next_attempt_at)
          select gen_random_uuid(), $MSG_ID, $POST_ID, p.id, 'EMAIL', 'bench-' || p.n || '@example.org', 'en-US', now()
          from (select id, row_number() over (order by id) n from person where post_id = $POST_ID) p
          where p.n <= $COUNT" > /dev/null
  sql -c "vacuum (analyze) delivery" > /dev/null
  sql -c "checkpoint" > /dev/null
  stop_muster
}
pending() { sql -c "select count(*) filter (where status in ('QUEUED', 'SENDING')), count(*) filter (where status = 'SENT'),
                    count(*) filter (where status = 'SENDING'), count(*) filter (where status = 'FAILED') from delivery where message_id = $MSG_ID" -F' '; }
sending_args() { # sink port
  echo "--spring.mail.host=127.0.0.1" "--spring.mail.port=$1" "--muster.notification.senders=$SENDERS" \
       "--muster.notification.batch=$BATCH" "--muster.notification.lease=$LEASE" "--muster.notification.sending.enabled=true"
}
threads_started_at() { # log -> ISO timestamp of "sender threads started"
  grep -m1 'sender threads started' "$1" | awk '{ print $1 }'
}

# Load the sink's dump into bench_received and check it against the deliveries -> key=value lines.
verify() { # dump out
  dump_ids "$1" > "$WORK/ids.tsv"
  sql -c "truncate bench_received" > /dev/null
  sql -c "\\copy bench_received from '$WORK/ids.tsv'" > /dev/null
  sql -F'=' -c "
    with d as (select id::text as id, address, resent_in_flight from delivery where message_id = $MSG_ID),
         r as (select id, count(*) as n, min(rcpt) as rcpt, max(rcpt) as rcpt2 from bench_received group by id)
    select 'transactions', $(dump_count "$1")
    union all select 'received_muster_ids', (select count(*) from bench_received)
    union all select 'distinct_ids', (select count(*) from r)
    union all select 'missed', (select count(*) from d where not exists (select 1 from r where r.id = d.id))
    union all select 'duplicated_ids', (select count(*) from r where n > 1)
    union all select 'extra_copies', (select coalesce(sum(n - 1), 0) from r where n > 1)
    union all select 'strangers', (select count(*) from r where not exists (select 1 from d where d.id = r.id))
    union all select 'wrong_recipient', (select count(*) from r join d using (id) where r.rcpt <> d.address or r.rcpt2 <> d.address)
    union all select 'resent_counted', (select count(*) from d where resent_in_flight > 0)
    union all select 'dup_not_counted', (select count(*) from r join d using (id) where r.n > 1 and d.resent_in_flight = 0)
    union all select 'sent', (select count(*) from delivery where message_id = $MSG_ID and status = 'SENT')
    union all select 'failed', (select count(*) from delivery where message_id = $MSG_ID and status = 'FAILED')
    union all select 'avg_bytes', (select $(stat -c %s "$1") / greatest(1, $(dump_count "$1")))" >> "$2"
}

run_anchor() { # out dump|"" 
  local out="$1" dump="$2" t0 t1
  start_sink "$dump"
  t0="$(now_us)"
  "${PIN[@]}" smtp-source -d -s "$SENDERS" -m "$COUNT" -l "$SIZE" -N -f bench@example.org -t anchor@example.org \
    "127.0.0.1:$SINK_PORT" > "$WORK/logs/smtp-source.log" 2>&1 || problem "smtp-source exited with $? (see its log)"
  t1="$(now_us)"
  sleep 0.3
  stop_sink
  local got=-
  [ -z "$dump" ] || { got="$(dump_count "$dump")"; rm -f "$dump"; }
  { echo "seconds=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.3f", d / 1e6 }')"
    echo "rate=$(awk -v d=$((t1 - t0)) -v n="$COUNT" 'BEGIN { printf "%.0f", n / (d / 1e6) }')"
    echo "received=$got"; echo "load1=$(cut -d' ' -f1 /proc/loadavg)"; } > "$out"
  [ -z "$dump" ] || [ "$got" = "$COUNT" ] || problem "anchor: the sink received $got messages, not $COUNT"
  log "anchor ($( [ -n "$dump" ] && echo dumping || echo bare ) sink): $(kv "$out" rate)/s ($(kv "$out" seconds) s)"
}

run_app() { # out tag
  local out="$1" tag="$2" dump="$DUMPS/app-$2.dump" t0 started c0 c1 w0 w1 p
  queue "$tag"
  start_sink "$dump"
  start_muster "$WORK/logs/muster-$tag.log" $(sending_args "$SINK_PORT")
  for _ in $(seq 1 100); do started="$(threads_started_at "$WORK/logs/muster-$tag.log")"; [ -n "$started" ] && break; sleep 0.1; done
  [ -n "$started" ] || die "no 'sender threads started' in Muster's log"
  w0="$(now_us)"; c0="$(cpu_snap "$SINK_PID")"   # "busy jvm postgres sink" (smtp-sink is one process)
  echo "load1=$(cut -d' ' -f1 /proc/loadavg)" > "$out"
  while true; do
    read -r p _ <<< "$(pending)"
    [ "$p" -eq 0 ] && break
    kill -0 "$MUSTER_PID" 2> /dev/null || die "Muster exited while sending"
    [ $(( $(now_us) - w0 )) -lt 1800000000 ] || die "app: still $p pending after 30 minutes"
    sleep 0.5
  done
  w1="$(now_us)"; c1="$(cpu_snap "$SINK_PID")"
  sleep 0.3; stop_sink
  sql_after_stop "$tag" "$started" "$out" "$c0" "$c1" "$w0" "$w1" "$dump"
}
# Nothing is pending and the sink is stopped: read the figures (Muster still running, idle), then stop it.
sql_after_stop() {
  local tag="$1" started="$2" out="$3" c0="$4" c1="$5" w0="$6" w1="$7" dump="$8"
  sql -F'=' -c "select 'seconds', round(extract(epoch from max(sent_at) - '$started'::timestamptz)::numeric, 3) from delivery where message_id = $MSG_ID
      union all select 'rate', round($COUNT / extract(epoch from max(sent_at) - '$started'::timestamptz)::numeric, 0) from delivery where message_id = $MSG_ID
      union all select 'sent_span', round(extract(epoch from max(sent_at) - min(sent_at))::numeric, 3) from delivery where message_id = $MSG_ID
      union all select 'first_sent_after', round(extract(epoch from min(sent_at) - '$started'::timestamptz)::numeric, 3) from delivery where message_id = $MSG_ID" >> "$out"
  verify "$dump" "$out"
  stop_muster
  rm -f "$dump"
  awk -v a="$c0" -v b="$c1" -v w=$((w1 - w0)) -v hz="$CLK_TCK" 'BEGIN { split(a, x, " "); split(b, y, " "); s = w / 1e6
      printf "cpu_window_s=%.2f\ncpu_jvm=%.2f\ncpu_pg=%.2f\ncpu_sink=%.2f\n", s, (y[2] - x[2]) / hz / s, (y[3] - x[3]) / hz / s, (y[4] - x[4]) / hz / s }' >> "$out"
  log "app ($tag): $(kv "$out" rate)/s ($(kv "$out" seconds) s from threads started to last sent_at); sink: $(kv "$out" distinct_ids) distinct ids, missed $(kv "$out" missed), duplicated $(kv "$out" duplicated_ids)"
  [ "$(kv "$out" sent)" = "$COUNT" ] || problem "app $tag: $(kv "$out" sent) deliveries SENT, not $COUNT"
  [ "$(kv "$out" missed)" = 0 ] || problem "app $tag: $(kv "$out" missed) recipients missed"
  [ "$(kv "$out" strangers)" = 0 ] || problem "app $tag: $(kv "$out" strangers) Message-IDs at the sink match no delivery"
  [ "$(kv "$out" wrong_recipient)" = 0 ] || problem "app $tag: $(kv "$out" wrong_recipient) messages went to another address than their delivery's"
  [ "$(kv "$out" dup_not_counted)" = 0 ] || problem "app $tag: $(kv "$out" dup_not_counted) duplicated Message-IDs whose delivery has resent_in_flight = 0"
}

# --- rounds -------------------------------------------------------------------------------------
for r in $(seq 1 "$ROUNDS"); do
  log "round $r of $ROUNDS"
  if [ $((r % 2)) -eq 1 ]; then
    echo "anchor, app" > "$R/order-$r"
    run_anchor "$R/anchor-$r.kv" "$DUMPS/anchor-$r.dump"; run_app "$R/app-$r.kv" "r$r"
  else
    echo "app, anchor" > "$R/order-$r"
    run_app "$R/app-$r.kv" "r$r"; run_anchor "$R/anchor-$r.kv" "$DUMPS/anchor-$r.dump"
  fi
  run_anchor "$R/bare-$r.kv" ""
done

# --- crash run ----------------------------------------------------------------------------------
if [ "$CRASH" -eq 1 ]; then
  log "crash run: kill -9 at half"
  out="$R/crash.kv"; dump="$DUMPS/crash.dump"
  queue crash
  start_sink "$dump"
  start_muster "$WORK/logs/muster-crash-1.log" $(sending_args "$SINK_PORT")
  while true; do
    read -r p s _ <<< "$(pending)"
    [ "$s" -ge $((COUNT / 2)) ] && break
    kill -0 "$MUSTER_PID" 2> /dev/null || die "Muster exited before the kill"
    sleep 0.1
  done
  kill -KILL "$MUSTER_PID"
  wait "$MUSTER_PID" 2> /dev/null || true
  MUSTER_PID=""
  sleep 0.5
  read -r p s inflight _ <<< "$(pending)"
  at_sink="$(dump_count "$dump")"
  log "killed: $s SENT, $inflight SENDING, $p QUEUED or SENDING; the sink has $at_sink messages"
  { echo "sent_at_kill=$s"; echo "sending_at_kill=$inflight"; echo "sink_at_kill=$at_sink"; } > "$out"
  t_restart="$(now_us)"
  start_muster "$WORK/logs/muster-crash-2.log" $(sending_args "$SINK_PORT")
  while true; do
    read -r p _ <<< "$(pending)"
    [ "$p" -eq 0 ] && break
    kill -0 "$MUSTER_PID" 2> /dev/null || die "Muster exited after the restart"
    [ $(( $(now_us) - t_restart )) -lt 1800000000 ] || die "crash run: still $p pending after 30 minutes"
    sleep 0.5
  done
  echo "restart_to_done_s=$(awk -v d=$(( $(now_us) - t_restart )) 'BEGIN { printf "%.1f", d / 1e6 }')" >> "$out"
  sleep 0.3; stop_sink
  verify "$dump" "$out"
  stop_muster
  log "crash run: missed $(kv "$out" missed), duplicated ids $(kv "$out" duplicated_ids), resent_in_flight > 0: $(kv "$out" resent_counted)"
  [ "$(kv "$out" missed)" = 0 ] || problem "crash run: $(kv "$out" missed) recipients missed"
  [ "$(kv "$out" dup_not_counted)" = 0 ] || problem "crash run: $(kv "$out" dup_not_counted) duplicates not counted in resent_in_flight"
  [ "$(kv "$out" strangers)" = 0 ] || problem "crash run: $(kv "$out" strangers) Message-IDs match no delivery"
  [ "$(kv "$out" sent)" = "$COUNT" ] || problem "crash run: $(kv "$out" sent) SENT, not $COUNT"
fi
LOAD_AFTER="$(uptime)"

# --- report -------------------------------------------------------------------------------------
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2> /dev/null || echo '?')"
DIRTY="$(git -C "$REPO" status --porcelain 2> /dev/null | grep -c . || true)"

cat << EOF
## Muster e-mail sending bench

$(printf "%'d" "$COUNT") e-mails of about 2 KB to smtp-sink on loopback: Muster's senders (\`--muster.notification.senders=$SENDERS\`,
\`batch=$BATCH\`, \`lease=$LEASE\`) against \`smtp-source -d -s $SENDERS -m $COUNT -l $SIZE -N\`, $ROUNDS round(s), order alternating.
Sink for both: \`smtp-sink -u nobody -D <dump in /dev/shm> 127.0.0.1:PORT 256\`, a fresh one per measurement (the dump is
how the bench counts recipients and Message-IDs); "bare sink" is smtp-source against a sink without -D, for reference.
App time: from the log line "sender threads started" to max(sent_at); the queue was written by psql as Outbox.enqueue
writes it (not timed), Muster restarted with sending enabled (a fresh JVM each run, JIT cold).

| round | order | app e-mails/s | app s (first→last sent_at) | anchor e-mails/s (same sink) | **app / anchor** | anchor, bare sink | app / bare | CPU cores in app window: JVM / PG / sink | bytes per message at sink app | load1 |
|---|---|---|---|---|---|---|---|---|---|---|
EOF
for r in $(seq 1 "$ROUNDS"); do
  a="$R/app-$r.kv"; b="$R/anchor-$r.kv"; c="$R/bare-$r.kv"
  printf '| %s | %s | %s | %s (%s) | %s | **%s** | %s | %s | %s / %s / %s | %s | %s |\n' "$r" "$(cat "$R/order-$r")" \
    "$(thousands "$(kv "$a" rate)")" "$(kv "$a" seconds)" "$(kv "$a" sent_span)" "$(thousands "$(kv "$b" rate)")" \
    "$(ratio "$(kv "$a" rate)" "$(kv "$b" rate)")" "$(thousands "$(kv "$c" rate)")" "$(ratio "$(kv "$a" rate)" "$(kv "$c" rate)")" \
    "$(kv "$a" cpu_jvm)" "$(kv "$a" cpu_pg)" "$(kv "$a" cpu_sink)" "$(kv "$a" avg_bytes)" "$(kv "$a" load1)"
done
MA="$(col app rate | median)"; MB="$(col anchor rate | median)"; MC="$(col bare rate | median)"
RATIOS="$(for r in $(seq 1 "$ROUNDS"); do ratio "$(kv "$R/app-$r.kv" rate)" "$(kv "$R/anchor-$r.kv" rate)"; echo; done | grep -v '^$')"
WORST="$(echo "$RATIOS" | sort -g | head -n 1)"
printf '| **median** | | **%s** | | **%s** | **%s** | %s | %s | | | |\n' "$(thousands "$MA")" "$(thousands "$MB")" "$(ratio "$MA" "$MB")" "$(thousands "$MC")" "$(ratio "$MA" "$MC")"
echo
echo "Target ≥ ${TARGET}× smtp-source (same sink): median **$(ratio "$MA" "$MB")×**, worst round $WORST: $(awk -v w="$WORST" -v t="$TARGET" 'BEGIN { print (w >= t) ? "**met** in every round" : "**missed** in at least one round" }')."
echo
echo "Sink check per app round (received transactions / distinct Message-IDs / missed / duplicated / no matching delivery / wrong recipient / SENT / FAILED):"
for r in $(seq 1 "$ROUNDS"); do
  a="$R/app-$r.kv"
  echo "- round $r: $(kv "$a" transactions) / $(kv "$a" distinct_ids) / $(kv "$a" missed) / $(kv "$a" duplicated_ids) / $(kv "$a" strangers) / $(kv "$a" wrong_recipient) / $(kv "$a" sent) / $(kv "$a" failed)"
done
if [ "$CRASH" -eq 1 ]; then
  c="$R/crash.kv"
  cat << EOF

### Crash run (kill -9 at half, restart; lease $LEASE)

| SENT at kill | SENDING at kill | at sink at kill | restart → done, s | received | distinct Message-IDs | **missed recipients** | **Message-IDs received twice** (extra copies) | deliveries with resent_in_flight > 0 | duplicates not counted | SENT / FAILED |
|---|---|---|---|---|---|---|---|---|---|---|
| $(kv "$c" sent_at_kill) | $(kv "$c" sending_at_kill) | $(kv "$c" sink_at_kill) | $(kv "$c" restart_to_done_s) | $(kv "$c" transactions) | $(kv "$c" distinct_ids) | **$(kv "$c" missed)** | **$(kv "$c" duplicated_ids)** ($(kv "$c" extra_copies)) | $(kv "$c" resent_counted) | $(kv "$c" dup_not_counted) | $(kv "$c" sent) / $(kv "$c" failed) |

Duplicates ≤ counted: $(awk -v d="$(kv "$c" duplicated_ids)" -v k="$(kv "$c" resent_counted)" -v u="$(kv "$c" dup_not_counted)" 'BEGIN { print (d <= k && u == 0) ? "yes (every duplicated Message-ID is a delivery with resent_in_flight > 0)" : "**no**" }')
EOF
fi
cat << EOF

### Machine and run

- command: \`$COMMAND\` (from $REPO)
- date: $DATE_START
- machine: nproc $(nproc) (of $(nproc --all)${PIN:+, pinned with taskset -c 0,1}), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/^Mem:/ {print $2}') GB RAM
- java: $(java -version 2>&1 | head -n 1); PostgreSQL: $PG_VERSION (embedded, started by Muster)
- build: commit $COMMIT with $DIRTY changed/untracked paths; $JAR_INFO; $BUILD_NOTE
- load before: $(echo "$LOAD_BEFORE" | sed 's/^ *//')
- load after: $(echo "$LOAD_AFTER" | sed 's/^ *//')

Problems seen:
EOF
if [ -s "$PROBLEMS" ]; then cat "$PROBLEMS"; else echo "- none"; fi
