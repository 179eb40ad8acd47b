#!/bin/bash
# A/B of the command path: starts the standalone jar on a fresh data directory (pinned to core 0) with
# the given extra settings, seeds a small fleet, and runs scenario 5 (mixed admin commands, closed loop,
# 32 admins, 30 s warm-up then 20 s measured) twice from core 1. Run it once per variant, back to back,
# and compare the two variants' figures from the same session; single figures on this machine are noisy.
#   load-tests/scripts/command-ab.sh timeouts-on
#   load-tests/scripts/command-ab.sh timeouts-off --axon.timeout.enabled=false
# Needs the jar (`mvn -B -o -q -pl standalone,load-tests -am package -DskipTests`) and
# load-tests/target/classpath.txt (bench.sh writes it, or `mvn -B -o -q -pl load-tests dependency:build-classpath
# -Dmdep.outputFile=$PWD/load-tests/target/classpath.txt`).
# Optional: JAR (the platform's jar, default standalone/target/marquee-standalone.jar), PLATFORM_JAVA_OPTS
# (JVM options for the platform, e.g. a JFR recording), ROUNDS (default 2),
# CONCURRENCY (admins in the loop, default 32), and JFR=<round> to record that round (settings=profile,
# 50 s from its start, to $work/round<round>.jfr; read it with load-tests/scripts/profile-top.py). For deep
# stacks, PLATFORM_JAVA_OPTS=-XX:FlightRecorderOptions:stackdepth=256. BASELINE=1 ends with the raw JDBC
# insert of equal rows into the same PostgreSQL (JdbcInsertBaseline, the same concurrency, 20 s).
# Besides Gatling's figures, each round prints what a command cost, which a busy machine disturbs far
# less than the rate: CPU milliseconds per stored event (warm-up and measured phase together) of the
# platform JVM and of its PostgreSQL, and the database's transactions per event.
set -u
label=$1
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/load-tests/target/command-ab/$label
port=${PORT:-18780}
rm -rf "$work" && mkdir -p "$work"
. "$root/load-tests/scripts/platform.sh"
start_platform "$work" "$port" "$@"
pg_port=$(awk -F= '$1=="port"{print $2}' "$work/data/postgres/embedded-postgres.properties")
sql() { PGPASSWORD=postgres psql -h 127.0.0.1 -p "$pg_port" -U postgres -d marquee -Atc "$1"; }
ticks() { awk '{ s += $14 + $15 + $16 + $17 } END { print s + 0 }' "$@" 2>/dev/null; }
# platform JVM, PostgreSQL (postgres_ticks), events, transactions
costs() {
  echo "$(ticks /proc/$pid/stat) \
$(postgres_ticks "$work") \
$(sql "select coalesce(max(global_index), 0) from domain_event_entry") \
$(sql "select xact_commit + xact_rollback from pg_stat_database where datname = 'marquee'")"
}
cp=$root/load-tests/target/classes:$(cat "$root/load-tests/target/classpath.txt")
taskset -c 1 java -Dmarquee.results="$work/results" -cp "$cp" io.marquee.loadtests.Seeder "http://127.0.0.1:$port" "$work/fleet" 300 20 100 16 | tail -1
hz=$(getconf CLK_TCK)
for round in $(seq 1 "${ROUNDS:-2}"); do
  read -r jvm0 pg0 events0 xacts0 <<<"$(costs)"
  if [ "${JFR:-}" = "$round" ]; then
    jcmd $pid JFR.start name=ab settings=profile duration=50s filename="$work/round$round.jfr" >/dev/null
  fi
  taskset -c 1 java --add-opens=java.base/java.lang=ALL-UNNAMED -Dmarquee.fleet="$work/fleet" -Dmarquee.durationSeconds=20 \
    -Dmarquee.warmupSeconds=30 -Dmarquee.concurrency="${CONCURRENCY:-32}" -cp "$cp" io.gatling.app.Gatling \
    --simulation io.marquee.loadtests.CommandThroughputSimulation --results-folder "$work/gatling" --run-description "$label" \
    >"$work/gatling$round.log" 2>&1
  read -r jvm1 pg1 events1 xacts1 <<<"$(costs)"
  awk -v hz="$hz" -v label="$label-$round" -v e=$((events1 - events0)) -v j=$((jvm1 - jvm0)) \
    -v p=$((pg1 - pg0)) -v x=$((xacts1 - xacts0)) 'BEGIN { printf "%s cost: events=%d cpuMsPerEvent platform=%.3f postgres=%.3f xactsPerEvent=%.2f\n", \
    label, e, 1000 * j / hz / e, 1000 * p / hz / e, x / e }'
  taskset -c 1 java -Dmarquee.results="$work/results" -cp "$cp" io.marquee.loadtests.GatlingStats "$work/gatling" \
    commandthroughputsimulation "admin commands" "$label-$round" 20 | tail -1
done
if [ "${BASELINE:-}" = 1 ]; then
  taskset -c 1 java -Dmarquee.results="$work/results" -cp "$cp" io.marquee.loadtests.JdbcInsertBaseline \
    "jdbc:postgresql://127.0.0.1:$pg_port/marquee" postgres postgres "${CONCURRENCY:-32}" 20 | tail -1
fi
