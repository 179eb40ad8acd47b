#!/bin/bash
# A/B of the command path: starts the standalone jar on a fresh data directory (pinned to core 0) with
# the given extra settings, seeds a small fleet, and runs scenario 5 (mixed admin commands, closed loop,
# 32 admins, 30 s warm-up then 20 s measured) twice from core 1. Run it once per variant, back to back,
# and compare the two variants' figures from the same session; single figures on this machine are noisy.
#   load-tests/scripts/command-ab.sh timeouts-on
#   load-tests/scripts/command-ab.sh timeouts-off --axon.timeout.enabled=false
# Needs `mvn -B -q install -DskipTests` (the jar) and load-tests/target/classpath.txt (bench.sh writes it).
set -u
label=$1
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/load-tests/target/command-ab/$label
port=${PORT:-18780}
rm -rf "$work" && mkdir -p "$work"
taskset -c 0 java -jar "$root/standalone/target/marquee-standalone.jar" --server.port="$port" \
  --marquee.query.player-port=$(( port + 1 )) --marquee.data-dir="$work/data" "$@" >"$work/platform.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
  kill -0 $pid 2>/dev/null || { tail -20 "$work/platform.log" >&2; exit 1; }
  sleep 0.5
done
cp=$root/load-tests/target/classes:$(cat "$root/load-tests/target/classpath.txt")
taskset -c 1 java -Dmarquee.results="$work/results" -cp "$cp" io.marquee.loadtests.Seeder "http://127.0.0.1:$port" "$work/fleet" 300 20 100 16 | tail -1
for round in 1 2; do
  taskset -c 1 java --add-opens=java.base/java.lang=ALL-UNNAMED -Dmarquee.fleet="$work/fleet" -Dmarquee.durationSeconds=20 \
    -Dmarquee.warmupSeconds=30 -Dmarquee.concurrency=32 -cp "$cp" io.gatling.app.Gatling \
    --simulation io.marquee.loadtests.CommandThroughputSimulation --results-folder "$work/gatling" --run-description "$label" \
    >"$work/gatling$round.log" 2>&1
  taskset -c 1 java -Dmarquee.results="$work/results" -cp "$cp" io.marquee.loadtests.GatlingStats "$work/gatling" \
    commandthroughputsimulation "admin commands" "$label-$round" | tail -1
done
