#!/usr/bin/env bash
# The analysts' NDJSON stream over many events: GET /api/history/events with Accept: application/x-ndjson.
#
# Usage: load-tests/scripts/history-stream-bench.sh [events=1000000]
#
# Starts the standalone platform on a fresh data directory, registers an organization, puts EVENTS
# synthetic history rows of it straight into history_event (SeedHistory.java), then streams them all
# through the endpoint with curl and prints lines, bytes, seconds, events/s and the platform's heap
# after a GC. Stops everything it started.
set -euo pipefail
events=${1:-1000000}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/standalone/target/marquee-standalone.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
work=$(mktemp -d /tmp/marquee-history-bench.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export AXONIQ_UPDATE_CHECKER_DISABLED=true
base=http://127.0.0.1:18095

java -jar "$jar" --marquee.data-dir="$work/data" --server.port=18095 --marquee.query.player-port=0 > "$work/platform.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 180); do
  curl -sf -o /dev/null $base/actuator/health/readiness && break
  sleep 1
done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
registered=$(curl -sf -X POST $base/api/auth/register -H 'Content-Type: application/json' \
  -d '{"email":"analyst@example.com","password":"correct horse battery staple","displayName":"A","organizationName":"History"}')
organization=$(echo "$registered" | json '["organizationId"]')
token=$(curl -sf -X POST $base/api/auth/login -H 'Content-Type: application/json' \
  -d '{"email":"analyst@example.com","password":"correct horse battery staple"}' | json '["accessToken"]')

(cd "$work" && unzip -q "$jar" 'BOOT-INF/lib/*')
pg_port=$(sed -n 's/^port=//p' "$work/data/postgres/embedded-postgres.properties")
java -cp "$work/BOOT-INF/lib/*" "$root/load-tests/scripts/SeedHistory.java" \
  "jdbc:postgresql://127.0.0.1:$pg_port/marquee" "$organization" "$events"

# the token lives 15 minutes: long enough for a million lines
start=$(date +%s.%N)
curl -sf -H "Authorization: Bearer $token" -H 'Accept: application/x-ndjson' "$base/api/history/events" \
  | awk '{ bytes += length($0) + 1 } END { printf "%d %d\n", NR, bytes }' > "$work/counted"
end=$(date +%s.%N)
read -r lines bytes < "$work/counted"
jcmd "$server_pid" GC.run > /dev/null
heap=$(jcmd "$server_pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
awk -v s="$start" -v e="$end" -v n="$lines" -v b="$bytes" -v h="$heap" 'BEGIN {
  printf "streamed %d events (%.0f MiB of NDJSON) in %.1f s: %.0f events/s; platform heap used after a GC: %s\n",
         n, b / 1048576, e - s, n / (e - s), h }'
