#!/usr/bin/env bash
# The database's part of an import, as it is and with a schema change, alternately on one server:
# for trying a change to the tables an import writes before making it a migration.
#
#   bench/import-steps-ab.sh KEPT_DIR VARIANT.sql [ROUNDS]
#
# KEPT_DIR is what `bench/import.sh --rounds 1 --keep` left (its data directory and stage.csv, the
# rows of the list as the app stages them). The script starts target/muster.jar on that data directory
# (which starts its PostgreSQL), adds a fresh post with a list and a committed file, then runs ROUNDS
# (default 3) pairs of one psql transaction each, in alternating order: `base` is the anchor of
# bench/import.sh (create the stage, \copy stage.csv, every step of
# src/main/resources/people/import-steps.sql) and `variant` the same after VARIANT.sql (DDL, in the
# same transaction). Both end in ROLLBACK, so every round imports the same 150,000 people into the same
# empty post. Reported per round: the sum of psql's \timing over the steps (VARIANT.sql's own time left
# out) and the steps that write the most rows. Quiet machine wanted: the load average is printed.
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
KEPT="$1"; VARIANT="$2"; ROUNDS="${3:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/target/muster.jar"; STEPS="$ROOT/src/main/resources/people/import-steps.sql"
[ -f "$KEPT/stage.csv" ] && [ -f "$KEPT/anchor-1.sql" ] && [ -d "$KEPT/data/postgres" ] \
  || { echo "$KEPT is not a directory kept by bench/import.sh --keep" >&2; exit 2; }
[ -f "$VARIANT" ] && [ -f "$JAR" ] || { echo "missing $VARIANT or $JAR (mvn -q -B -ntp -DskipTests package)" >&2; exit 2; }
. "$(dirname "$0")/lib.sh"   # log

OUT="$(mktemp -d /tmp/muster-import-ab.XXXXXX)"
java -jar "$JAR" --muster.data-dir="$KEPT/data" --server.port=0 --server.address=127.0.0.1 \
  --muster.notification.sending.enabled=false > "$OUT/muster.log" 2>&1 &
MUSTER=$!
trap 'kill -TERM $MUSTER 2> /dev/null; wait $MUSTER 2> /dev/null || true' EXIT
for _ in $(seq 1 900); do grep -q "Started MusterApplication" "$OUT/muster.log" && break; sleep 0.2; done
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres
PGPORT="$(sed -n 4p "$KEPT/data/postgres/postmaster.pid")"; export PGPORT
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

code="AB$(sql -c 'select chr(65 + (count(*)::int / 26) % 26) || chr(65 + count(*)::int % 26) from post')"
read -r post source import <<< "$(sql -F' ' -c "
  with p as (insert into post (code, name, kind, country, time_zone, created_at)
             values ('$code', 'Import A/B', 'EMBASSY', 'Testland', 'Asia/Kabul', now()) returning id),
       s as (insert into import_source (post_id, name, created_at, updated_at)
             select id, 'people', now(), now() from p returning id, post_id),
       f as (insert into import_file (post_id, source_id, filename, sha256, format, content, uploaded_by, uploaded_at, status)
             select post_id, id, 'people.csv', 'ab', 'CSV', '\\x'::bytea, 'bench', now(), 'COMMITTED' from s
             returning id, source_id, post_id)
  select post_id, source_id, id from f")"
[ -n "${import:-}" ] || { echo "could not add the post $code" >&2; exit 1; }
columns="$(sed -n 's/^\\copy import_stage (\([^)]*\)).*/\1/p' "$KEPT/anchor-1.sql")"

script() { # out [variant.sql]
  {
    echo '\timing on'; echo 'begin;'
    if [ $# -ge 2 ]; then echo "\\echo '@@step variant DDL'"; cat "$2"; fi
    echo "\\echo '@@step create the stage'"
    echo 'create temp table import_stage (like import_stage_template including defaults) on commit drop;'
    echo "\\echo '@@step COPY into the stage'"
    echo "\\copy import_stage ($columns) from '$KEPT/stage.csv' with (format csv)"
    awk '/^-- step: / { if (name != "") printf "\\echo \047@@step %s\047\n%s;\n", name, body
                         name = substr($0, 10); gsub(/\047/, "", name); body = ""; next }
         name != "" { body = body $0 "\n" }
         END { printf "\\echo \047@@step %s\047\n%s;\n", name, body }' "$STEPS" \
      | sed -e "s/:post_id\b/$post/g" -e "s/:source_id\b/$source/g" -e "s/:import_id\b/$import/g" \
            -e "s/:now\b/'$(date -u +%FT%TZ)'/g" -e "s/:today\b/'$(date -u +%F)'/g"
    echo "\\echo '@@step end'"; echo 'rollback;'
  } > "$1"
}
script "$OUT/base.sql"; script "$OUT/variant.sql" "$VARIANT"

summary() { # log: total of the steps, then the heaviest ones
  awk '/^@@step /{ s = substr($0, 8) } /^Time: /{ t[s] += $2 }
       END { for (k in t) if (k != "variant DDL") total += t[k]
             printf "| %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |", total, t["new people"],
               t["this sources keys for new people"], t["provenance of every row"], t["contact points"],
               t["category, location and citizenship history of new people"] }' "$1"
}
echo "| round | run | steps (ms) | new people | keys | provenance | contact points | history | load average |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  order=(base variant); [ $((round % 2)) -eq 0 ] && order=(variant base)
  for run in "${order[@]}"; do
    sql -c checkpoint
    log "round $round: $run"
    psql -X -v ON_ERROR_STOP=1 -f "$OUT/$run.sql" > "$OUT/$run-$round.log" 2>&1 \
      || { tail -n 20 "$OUT/$run-$round.log" >&2; exit 1; }
    echo "| $round | $run $(summary "$OUT/$run-$round.log") $(cut -d' ' -f1 /proc/loadavg) |"
  done
done
log "logs in $OUT"
