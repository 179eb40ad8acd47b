#!/bin/bash
# A/B of the live path (scenarios 4 and 7): starts the standalone jar on a fresh data directory (pinned
# to core 0) with the given extra settings, seeds a smaller fleet with the suite's Seeder (DISPLAYS
# displays over PLAYLISTS playlists: 50 displays per playlist, as in the full run), and from core 1 runs
#   - HopProbe (scripts/HopProbe.java): where a playlist switch's time goes, hop by hop;
#   - PropagationProbe at RATE commands/s, SAMPLES samples (scenario 4's figure);
#   - HopProbe with rate 0: one item added to every playlist, when each hop of that fan-out happened;
#   - SseFanOutProbe with one stream per display (scenario 7: one item added to every playlist).
# Run it once per variant, back to back and alternating, and compare figures from the same session.
#   load-tests/scripts/propagation-ab.sh before
#   load-tests/scripts/propagation-ab.sh after --some.setting=value
# JAR=path runs another build of the jar (e.g. a copy of the one before a change); PLATFORM_JAVA_OPTS its JVM options.
# Needs the jar (mvn -B -q -pl load-tests -am package -DskipTests) and load-tests/target/classpath.txt
# (bench.sh writes it; or mvn -B -q -pl load-tests dependency:build-classpath -Dmdep.outputFile=$PWD/load-tests/target/classpath.txt).
set -u
label=$1
shift
RATE=${RATE:-100}
SAMPLES=${SAMPLES:-500}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/load-tests/scripts/platform.sh"
seeded_platform propagation-ab 18880 "$label" "$@"
# warm-up: the same commands, not measured
driver io.marquee.loadtests.PropagationProbe "$work/fleet" "$RATE" "$SAMPLES" >/dev/null
driver "$root/load-tests/scripts/HopProbe.java" "$work/fleet" "$kafka" "$players" "$RATE" "$SAMPLES" 2>/dev/null
driver io.marquee.loadtests.PropagationProbe "$work/fleet" "$RATE" "$SAMPLES" | sed 's/^/  /'
driver io.marquee.loadtests.KafkaReadRates caught-up "$kafka" marquee.events marquee-projections >/dev/null
driver "$root/load-tests/scripts/HopProbe.java" "$work/fleet" "$kafka" "$players" 0 2>/dev/null
driver io.marquee.loadtests.KafkaReadRates caught-up "$kafka" marquee.events marquee-projections >/dev/null
driver io.marquee.loadtests.SseFanOutProbe "$work/fleet" "$DISPLAYS" 0 "$players" | sed 's/^/  /'
