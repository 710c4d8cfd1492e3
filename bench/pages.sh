#!/usr/bin/env bash
# Page latency A/B: serves the demo with each given jar in turn (alternating, --rounds times) and
# measures three signed-in pages and one static file (the anchor: the same server's floor for a
# request) with wrk, one connection, 5 s warm-up then 15 s measured per page.
#
#   bench/pages.sh [--rounds N] JAR [JAR ...]
#
# Each jar starts on a fresh temporary data directory with --muster.demo=true (as rso.kbl, password
# Muster-Demo-2021, signed in through the login form with curl). Prints a markdown table on standard
# output: jar, round, page, answer size, requests/s, p50 and p99. Needs java, curl, wrk, python3.
# Fails when the sign-in does not land on the dashboard or a page answers anything but 200.
set -euo pipefail

ROUNDS=1
JARS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) JARS+=("$1"); shift ;;
  esac
done
[ ${#JARS[@]} -ge 1 ] || { echo "give at least one jar (see --help)" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "--rounds must be a positive integer" >&2; exit 2; }
for tool in java curl wrk python3; do command -v "$tool" > /dev/null || { echo "missing tool: $tool" >&2; exit 1; }; done

PAGES=(/ /roll-calls /people /css/muster.css)
PID=""
WORK=""
cleanup() {
  [ -z "$PID" ] || { kill "$PID" 2> /dev/null || true; wait "$PID" 2> /dev/null || true; }
  [ -z "$WORK" ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'; }

echo "| jar | round | page | bytes | requests/s | p50 | p99 |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for jar in "${JARS[@]}"; do
    WORK="$(mktemp -d /tmp/muster-pages-bench.XXXXXX)"
    chmod 755 "$WORK"
    port="$(free_port)"
    java -jar "$jar" --muster.data-dir="$WORK/data" --server.port="$port" --muster.demo=true > "$WORK/log" 2>&1 &
    PID=$!
    for _ in $(seq 1 240); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login")" = 200 ] && break
      sleep 1
    done
    sleep 20   # the demo's background work settles
    jar_cookies="$WORK/cookies"
    csrf="$(curl -s -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/login" \
      | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
    landed="$(curl -s -c "$jar_cookies" -b "$jar_cookies" -o /dev/null -w '%{redirect_url}' \
      -d "username=rso.kbl&password=Muster-Demo-2021&_csrf=$csrf" "http://localhost:$port/login")"
    [ "$landed" = "http://localhost:$port/" ] || { echo "sign-in failed with $jar (sent to '$landed')" >&2; exit 1; }
    session="$(awk '$6 == "SESSION" {print $7}' "$jar_cookies")"
    for page in "${PAGES[@]}"; do
      read -r code bytes <<< "$(curl -s -b "$jar_cookies" -o /dev/null -w '%{http_code} %{size_download}' "http://localhost:$port$page")"
      [ "$code" = 200 ] || { echo "$page answered $code with $jar" >&2; exit 1; }
      wrk -t1 -c1 -d5s -H "Cookie: SESSION=$session" "http://localhost:$port$page" > /dev/null
      out="$(wrk -t1 -c1 -d15s --latency -H "Cookie: SESSION=$session" "http://localhost:$port$page")"
      if grep -q "Non-2xx" <<< "$out"; then echo "$page: wrk saw answers other than 2xx with $jar" >&2; exit 1; fi
      rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
      p50="$(awk '$1 == "50%" {print $2}' <<< "$out")"
      p99="$(awk '$1 == "99%" {print $2}' <<< "$out")"
      echo "| $(basename "$jar") | $round | \`$page\` | $bytes | $rps | $p50 | $p99 |"
    done
    kill "$PID"; wait "$PID" 2> /dev/null || true; PID=""
    rm -rf "$WORK"; WORK=""
  done
done
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo); $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC'); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
