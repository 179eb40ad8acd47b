#!/usr/bin/env bash
# Rebuild throughput: how many stored events per second `rebuild --projection manifests` replays.
#
# Usage: load-tests/scripts/rebuild-bench.sh [events=1000000] [running=0]
#   JAR=path   another build of the standalone jar (e.g. a copy of the one before a change)
#   LAYOUT=single  seed one uncompressed record per producer batch, as the relay writes at a low command
#              rate (default: 256 KiB lz4 batches)
#   SHAPE=fleet  seed the load suite's fleet shape (100 displays on 2 playlists per organization, then
#              playlist and content changes that each reach 50 displays; see SeedEvents.java); default synthetic
#   CPUS=list  pin the rebuild command to these cores (taskset -c); with running=0 the command starts the
#              embedded broker and PostgreSQL itself, so they are pinned with it
#   PLATFORM_CPUS=list  pin the platform (with running=1: the broker and PostgreSQL the command uses)
#   PLATFORM_JAVA_OPTS=...  the platform's JVM options (e.g. the suite's "-XX:+UseZGC @standalone/reads-first.args")
#   REBUILD_NICE=n  run the rebuild command at this nice value
#   LIVE=false  with running=1, the platform without its live projection. The load suite's scenario 6 layout
#              (the suite's projection has caught up by then): LIVE=false PLATFORM_CPUS=0 CPUS=0,1
#              PLATFORM_JAVA_OPTS="-XX:+UseZGC @standalone/reads-first.args" rebuild-bench.sh N 1
#   PORT=n     the platform's HTTP port while seeding (default 18090)
#   REBUILD_JAVA_OPTS=...  JVM options of the rebuild command (default -XX:TieredStopAtLevel=1, as the root
#              README recommends; set it to a space for the JVM's defaults)
#   JFR=file   record the rebuild command with Java Flight Recorder (summarize with profile-top.py)
#   PROFILE=file  profile the rebuild command with async-profiler instead (CPU every 1 ms, Java, JVM and
#              kernel frames, collapsed stacks with thread names; summarize with profile-top.py)
#
# Starts the standalone platform on a data directory of its own (port 18090) so that the topics and
# tables exist, seeds EVENTS synthetic but valid envelopes straight onto marquee.events (SeedEvents.java,
# blocks of 1,000 events per organization: content, playlists, displays, renames, reassignments), stops
# the platform, then runs the rebuild command on that data directory (it starts the embedded broker and
# database itself) and prints its progress lines and the replay rate. The replay rate excludes the
# switch, which also recomputes (and publishes) every display's manifest: the platform was stopped
# before its live projection had caught up (or ran without it), so most manifests are new. With running=1 the platform keeps
# running and the command connects to its broker and database instead (the live projection then competes
# for the same two cores while it catches up; LIVE=false leaves it off). Without the live projection
# (running=0, or LIVE=false) nothing competes while the topic is read, and before the rebuild a bare
# consumer (BareConsumer.java, pinned like the command) reads the same topic with the same fetch settings:
# the same-run baseline.
# Stops everything it started.
set -euo pipefail
events=${1:-1000000}
http=${PORT:-18090}
running=${2:-0}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=${JAR:-"$root/standalone/target/marquee-standalone.jar"}
profiler=${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile}
if [ -n "${PROFILE:-}" ]; then
  profiler="-agentpath:$("$root/load-tests/scripts/async-profile.sh" lib)=start,event=cpu,interval=1ms,threads,file=$(realpath -m "$PROFILE"),collapsed"
fi
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
work=$(mktemp -d /tmp/marquee-rebuild-bench.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export AXONIQ_UPDATE_CHECKER_DISABLED=true

echo "== starting the platform on $work/data"
live=true
[ "$running" = 1 ] || live=false
live=${LIVE:-$live}
${PLATFORM_CPUS:+taskset -c $PLATFORM_CPUS} java ${PLATFORM_JAVA_OPTS:-} -jar "$jar" --marquee.data-dir="$work/data" --server.port=$http --marquee.projections.listeners.auto-startup=$live \
  --marquee.query.player-port=0 > "$work/platform.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 180); do
  curl -sf http://127.0.0.1:$http/actuator/health/liveness > /dev/null && break
  sleep 1
done
curl -sf http://127.0.0.1:$http/actuator/health/liveness > /dev/null || { tail -50 "$work/platform.log"; exit 1; }

echo "== seeding $events events"
(cd "$work" && unzip -q "$jar" 'BOOT-INF/lib/*')
port=$(sed -n 's/^port=//p' "$work/data/kafka/embedded-kafka.properties")
java -cp "$work/BOOT-INF/lib/*" "$root/load-tests/scripts/SeedEvents.java" "127.0.0.1:$port" "$events" "${LAYOUT:-batched}" "${SHAPE:-synthetic}" \
  > "$work/seed.log" 2>&1 || { tail -50 "$work/seed.log"; exit 1; }
grep seeded "$work/seed.log"
pin=${CPUS:+taskset -c $CPUS}
if [ "$live" != true ]; then
  $pin java -cp "$work/BOOT-INF/lib/*" "$root/load-tests/scripts/BareConsumer.java" "127.0.0.1:$port" | tee "$work/bare.log"
fi
if [ "$running" != 1 ]; then
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
fi

echo "== rebuilding"
start=$(date +%s.%N)
$pin ${REBUILD_NICE:+nice -n $REBUILD_NICE} java ${REBUILD_JAVA_OPTS:--XX:TieredStopAtLevel=1} $profiler -jar "$jar" rebuild --projection manifests --progress-every=10s --marquee.data-dir="$work/data" \
  --logging.level.root=WARN | tee "$work/rebuild.log"
end=$(date +%s.%N)
replay=$(grep -E "^manifests: " "$work/rebuild.log" | tail -2 | head -1)
echo "== last progress line (replay only): $replay"
awk -v s="$start" -v e="$end" -v n="$events" 'BEGIN { printf "== whole command incl. start and switch: %.1f s, %.0f events/s\n", e - s, n / (e - s) }'
