#!/bin/bash
# A/B of reads first (scenario 3 in one process) on one platform: starts the standalone jar on a fresh data
# directory (pinned to core 0, PLATFORM_JAVA_OPTS default -XX:+UseZGC), seeds DISPLAYS displays from core 1,
# then runs FleetPollingSimulation from core 1 (every display polls every INTERVAL s on the player port;
# 15 s measured after 10 s of warm-up), without and with WRITES commands/s, once per mode in MODES, PAIRS
# times, the modes' order reversed every other pair. A mode is a nice value, set with renice while the
# platform runs: every thread of the JVM but the player port's event loops and the JIT gets it (0 = all
# equal; 15 = the layout standalone/reads-first.args gave before its loops entered SCHED_FIFO), or fifo (15,
# the loops SCHED_FIFO: the file's layout now) or idle (the loops and the JIT at nice 0, every other thread
# SCHED_IDLE); with PG_GROUP=1 the mode is instead the nice
# value of the embedded PostgreSQL's scheduling group (/proc/POSTMASTER/autogroup), the JVM's threads at
# JVM_NICE. Each run prints the polls' figures (p99Ms) and, with writes, the commands' (NAME-cmd).
#   load-tests/scripts/reads-first-ab.sh                    # MODES="0 15" PAIRS=4 INTERVAL=2 WRITES=200
#   MODES="15 fifo idle" PAIRS=3 load-tests/scripts/reads-first-ab.sh
#   PG_GROUP=1 JVM_NICE=15 MODES="0 10" PAIRS=3 load-tests/scripts/reads-first-ab.sh
# Needs root (renice back to 0), the jar and load-tests/target/classpath.txt, as propagation-ab.sh does.
set -eu
MODES=${MODES:-0 15}
PAIRS=${PAIRS:-4}
INTERVAL=${INTERVAL:-2}
WRITES=${WRITES:-200}
PLATFORM_JAVA_OPTS=${PLATFORM_JAVA_OPTS:--XX:+UseZGC}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/load-tests/scripts/platform.sh"
seeded_platform reads-first-ab 18500 "${LABEL:-run}"
postmaster=$(pgrep -f -- "-D $work/data/postgres/pgdata" | head -1)

fleet_polls() { # name writesPerSecond
  taskset -c 1 java --add-opens=java.base/java.lang=ALL-UNNAMED -Dmarquee.fleet="$work/fleet" \
    -Dmarquee.durationSeconds=15 -Dmarquee.warmupSeconds=10 -Dmarquee.pollIntervalSeconds="$INTERVAL" \
    -Dmarquee.writesPerSecond="$2" -Dmarquee.readBaseUrl="$players" \
    -cp "$root/load-tests/target/classes:$(cat "$root/load-tests/target/classpath.txt")" io.gatling.app.Gatling \
    --simulation io.marquee.loadtests.FleetPollingSimulation --results-folder "$work/gatling" --run-description "$1" \
    >"$work/$1.log" 2>&1 || echo "  $1: Gatling reported failed requests (see $work/$1.log)"
  driver io.marquee.loadtests.GatlingStats "$work/gatling" fleetpollingsimulation "poll manifest" "$1" 15 | tail -1
  if [ "$2" != 0 ]; then
    driver io.marquee.loadtests.GatlingStats "$work/gatling" fleetpollingsimulation "admin writes" "$1-cmd" 15 | tail -1
  fi
  driver io.marquee.loadtests.KafkaReadRates caught-up "$kafka" marquee.events marquee-projections >/dev/null
}

set_mode() { # nice, or fifo (15, the event loops SCHED_FIFO) or idle (the other threads SCHED_IDLE)
  local jvm=$1 loops="chrt -o -p 0" others="chrt -o -p 0" t
  case "$1" in
    fifo) jvm=15 loops="chrt -f -p 1" ;;
    idle) jvm=0 others="chrt -i -p 0" ;;
  esac
  if [ -n "${PG_GROUP:-}" ]; then
    jvm=${JVM_NICE:-0}
    echo "$1" >"/proc/$postmaster/autogroup"
  fi
  for t in /proc/"$pid"/task/*; do
    case "$(cat "$t/comm")" in
      player-port*) $loops "${t##*/}" >/dev/null && renice -n 0 -p "${t##*/}" >/dev/null ;;
      "C1 CompilerThre" | "C2 CompilerThre") renice -n 0 -p "${t##*/}" >/dev/null ;;
      *) $others "${t##*/}" >/dev/null 2>&1 && renice -n "$jvm" -p "${t##*/}" >/dev/null 2>&1 || true ;;
    esac
  done
}

# a fresh platform: the polls and the writes warm it up first, unmeasured
fleet_polls warm 0
fleet_polls warm-writes "$WRITES"
fleet_polls warm-writes-2 "$WRITES"
for pair in $(seq 1 "$PAIRS"); do
  modes=$MODES
  [ $(( pair % 2 )) = 0 ] && modes=$(echo "$MODES" | tr ' ' '\n' | tac | tr '\n' ' ')
  for mode in $modes; do
    set_mode "$mode"
    echo "pair $pair, mode $mode, load $(cut -d' ' -f1 /proc/loadavg)"
    fleet_polls "$mode-base-$pair" 0
    fleet_polls "$mode-writes-$pair" "$WRITES"
  done
done
