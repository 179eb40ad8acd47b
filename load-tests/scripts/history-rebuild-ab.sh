#!/usr/bin/env bash
# Scenario 6 again, on the load suite's own history: the data directory the last full run of bench.sh left
# (load-tests/target/bench/data), the platform started as the suite starts it (core 0, ZGC, reads-first.args),
# then ROUNDS rounds of: the bare consumer over marquee.events, and each build's `rebuild --projection manifests`
# in turn, all on every core. Each rebuild replays the whole topic into side tables and switches, so the
# data directory is left as a rebuild leaves it.
#
# Usage: load-tests/scripts/history-rebuild-ab.sh "label|jar|extra JVM options" ...
#   e.g. history-rebuild-ab.sh "before|/tmp/before.jar|" "after|standalone/target/marquee-standalone.jar|"
#   ROUNDS=n        rounds (default 3)
#   PLATFORM_JAR=   the platform's jar (default standalone/target/marquee-standalone.jar)
#
# Prints per round the bare consumer's rate, each build's replay rate (its progress line before the switch,
# as bench.sh reports it), and the CPU each rebuild cost: the platform's threads by group and its PostgreSQL
# (cpu_snapshot in platform.sh), and the command's own JVM (user and system seconds, start-up included).
set -euo pipefail
cd "$(dirname "$0")/../.."
source load-tests/scripts/platform.sh
work=$PWD/load-tests/target/bench
[[ -d $work/data ]] || { echo "no $work/data: run load-tests/bench.sh first" >&2; exit 1; }
[[ $# -gt 0 ]] || { echo "usage: $0 \"label|jar|JVM options\" ..." >&2; exit 1; }
cp=load-tests/target/classes:$(cat load-tests/target/classpath.txt)
logs=load-tests/target/history-rebuild-ab
mkdir -p "$logs"
taskset -c 0 java -XX:+UseZGC @standalone/reads-first.args -jar "${PLATFORM_JAR:-standalone/target/marquee-standalone.jar}" \
  --server.port=18280 --marquee.data-dir="$work/data" --marquee.query.player-port=18283 > "$logs/platform.log" 2>&1 &
platform=$!
trap 'kill $platform; wait $platform || true' EXIT
until curl -sf -o /dev/null http://127.0.0.1:18280/actuator/health/readiness; do sleep 0.5; done
kafka=127.0.0.1:$(awk -F= '$1=="port"{print $2}' "$work/data/kafka/embedded-kafka.properties")
taskset -c 1 java -cp "$cp" io.marquee.loadtests.KafkaReadRates caught-up "$kafka" marquee.events marquee-projections > /dev/null
for round in $(seq 1 "${ROUNDS:-3}"); do
  taskset -c 0-1 java -Dmarquee.results="$logs" -cp "$cp" io.marquee.loadtests.KafkaReadRates bare "$kafka" > /dev/null
  echo "round $round bare consumer: $(awk -F= '$1=="eventsPerSecond"{print $2}' "$logs/kafka-baseline.properties") events/s"
  for build in "$@"; do
    IFS='|' read -r label jar opts <<< "$build"
    before=$(cpu_snapshot "$platform" "$work")
    TIMEFORMAT='commandCpu user %U s, sys %S s'
    # shellcheck disable=SC2086
    { time taskset -c 0-1 java -XX:TieredStopAtLevel=1 $opts -jar "$jar" rebuild --projection manifests \
      --progress-every=5s --marquee.data-dir="$work/data" --logging.level.root=WARN > "$logs/$label-$round.log" 2>&1; } \
      2>> "$logs/$label-$round.log"
    echo "round $round $label: $(grep '^manifests' "$logs/$label-$round.log" | tail -2 | head -1)"
    echo "  cpu: $(cpu_since "$before" "$(cpu_snapshot "$platform" "$work")") $(grep -o 'commandCpu.*' "$logs/$label-$round.log")"
  done
done
