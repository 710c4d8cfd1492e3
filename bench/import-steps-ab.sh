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
# same transaction). Both end in ROLLBACK, so every round imports the same rows into the same empty
# post. Reported per round: the sum of psql's \timing over the steps (VARIANT.sql's own time left out)
# and the steps that write the most rows. Quiet machine wanted: the load average is printed. The logs
# stay in a temporary directory, named at the end. With VARIANT_STEPS=FILE in the environment the
# variant runs FILE's steps instead of import-steps.sql's (for a change to the steps themselves; an
# empty VARIANT.sql then leaves the schema alone).
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
KEPT="$(cd "$1" && pwd)"; VARIANT="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; ROUNDS="${3:-3}"
cd "$(dirname "$0")/.."
. bench/lib.sh
[ -f "$KEPT/stage.csv" ] && [ -f "$KEPT/anchor-1.sql" ] && [ -d "$KEPT/data/postgres" ] \
  || { echo "$KEPT is not a directory kept by bench/import.sh --keep" >&2; exit 2; }
[ -f "$VARIANT" ] && [ -f target/muster.jar ] \
  || { echo "missing $VARIANT or target/muster.jar (mvn -q -B -ntp -DskipTests package)" >&2; exit 2; }

new_work muster-import-ab
KEEP=1
MUSTER_PID=""; POSTMASTER=""
on_exit cleanup_and_exit
DATA="$KEPT/data"; JAR=target/muster.jar; START_TIMEOUT_S=180; STOP_TIMEOUT_S=30; ZONE=Asia/Kabul
STEPS_SQL=src/main/resources/people/import-steps.sql; STAGE="$KEPT/stage.csv"
# the COPY column list of the build that staged the rows
COPY_COLUMNS="$(sed -n 's/^\\copy import_stage (\([^)]*\)).*/\1/p' "$KEPT/anchor-1.sql")"

start_muster "$WORK/logs/muster.log" --muster.notification.sending.enabled=false
code="AB$(sql -c 'select chr(65 + (count(*)::int / 26) % 26) || chr(65 + count(*)::int % 26) from post')"
post="$(new_post "$code" "Import A/B")"
read -r source import now today <<< "$(anchor_import "$post")"
anchor_sql "$WORK/base.sql" "$post" "$source" "$import" "$now" "$today" rollback
[ -z "${VARIANT_STEPS:-}" ] || [ -f "$VARIANT_STEPS" ] || die "VARIANT_STEPS: no file $VARIANT_STEPS"
STEPS_SQL="${VARIANT_STEPS:-$STEPS_SQL}" anchor_sql "$WORK/variant.sql" "$post" "$source" "$import" "$now" "$today" rollback "$VARIANT"

summary() { # log: total of the steps, then the heaviest ones
  awk '/^@@step /{ s = substr($0, 8) } /^Time: /{ t[s] += $2 }
       END { for (k in t) if (k != "variant DDL") total += t[k]
             printf "| %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |", total, t["new people"],
               t["this source\047s keys for new people"], t["provenance of every row"], t["contact points"],
               t["category, location and citizenship history of new people"] }' "$1"
}
echo "| round | run | steps (ms) | new people | keys | provenance | contact points | history | load average |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  order=(base variant); [ $((round % 2)) -eq 0 ] && order=(variant base)
  for run in "${order[@]}"; do
    sql -c checkpoint
    log "round $round: $run"
    "${PIN[@]}" psql -X -v ON_ERROR_STOP=1 -f "$WORK/$run.sql" > "$WORK/logs/$run-$round.log" 2>&1 < /dev/null \
      || { tail -n 20 "$WORK/logs/$run-$round.log" >&2; die "round $round: $run failed"; }
    echo "| $round | $run $(summary "$WORK/logs/$run-$round.log") $(cut -d' ' -f1 /proc/loadavg) |"
  done
done
