#!/usr/bin/env bash
# Measures the standalone runtime's time from `java -jar` to /actuator/health UP.
# Usage: load-tests/startup-time.sh [runs=3] [port=18080]
# The first start (initdb, broker format) is reported apart; the median is over the restarts that
# follow, on the same data directory, as an operator restarting the platform sees it.
set -euo pipefail
runs=${1:-3}
port=${2:-18080}
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/standalone/target/marquee-standalone.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
data=$(mktemp -d /tmp/marquee-startup.XXXXXX)
trap 'rm -rf "$data"' EXIT

start_and_time() {
  local started pid code
  started=$(date +%s%N)
  java -jar "$jar" --server.port="$port" --marquee.query.player-port=0 --marquee.data-dir="$data" >"$data/run.log" 2>&1 &
  pid=$!
  until code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health") && [ "$code" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "platform exited during start; see $data/run.log" >&2; cat "$data/run.log" | tail -20 >&2; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

first=$(start_and_time)
echo "first start (fresh data directory): ${first} ms"
times=()
for i in $(seq 1 "$runs"); do
  t=$(start_and_time)
  echo "restart $i: ${t} ms"
  times+=("$t")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "median start-to-health-UP over $runs restarts: ${median} ms"
