#!/bin/bash
# A/B of the fan-out (scenario 7) on a smaller fleet: starts the standalone jar on a fresh data directory
# (pinned to core 0) with the given extra settings, seeds DISPLAYS displays on PLAYLISTS playlists from core 1,
# then runs SseFanOutProbe RUNS times (one stream per display on the player port; each run opens its streams,
# makes two unmeasured changes and one measured: one item added to every playlist) and prints, after each,
# the CPU that run cost the platform JVM (platformCpuMs) by group of its threads (the JIT's, the broker's, the
# projections', ...) and PostgreSQL's. Run it once per variant, back to back and alternating:
#   load-tests/scripts/fanout-ab.sh before
#   load-tests/scripts/fanout-ab.sh zstd --spring.kafka.producer.compression-type=zstd
# JAR=path runs another build of the jar; PLATFORM_JAVA_OPTS its JVM options; PROFILE=1 writes an async-profiler
# profile of the second run's first 30 s to the work directory (fan.collapsed; summarise with profile-top.py).
# Needs the jar and load-tests/target/classpath.txt, as propagation-ab.sh does.
set -u
label=$1
shift
RUNS=${RUNS:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/load-tests/scripts/platform.sh"
seeded_platform fanout-ab 18980 "$label" "$@"
for run in $(seq 1 "$RUNS"); do
  if [ "${PROFILE:-}" = 1 ] && [ "$run" = 2 ]; then
    "$root/load-tests/scripts/async-profile.sh" "$pid" 30 "$work/fan.collapsed" >/dev/null 2>&1 &
    profiler=$!
  fi
  before=$(cpu_snapshot "$pid" "$work")
  driver io.marquee.loadtests.SseFanOutProbe "$work/fleet" "$DISPLAYS" 0 "$players" 2 | sed 's/^/  /'
  echo "  $(cpu_since "$before" "$(cpu_snapshot "$pid" "$work")")"
done
# the profiler only: a bare wait would wait for the platform too
if [ -n "${profiler:-}" ]; then wait "$profiler"; fi
