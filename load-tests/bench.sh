#!/usr/bin/env bash
# The load suite, end to end: load-tests/bench.sh
#
# Installs wrk and nginx from Debian if missing, builds the platform and this module, starts the
# standalone platform on a fresh data directory (load-tests/target/bench/data), seeds a fleet through
# the HTTP API, runs the seven scenarios of the capacity issue with their same-run baselines, stops
# everything it started (by PID) and writes load-tests/target/report.md (plus Gatling's HTML reports
# under load-tests/target/gatling and every raw figure under load-tests/target/results).
#
# Every knob is an environment variable; the defaults are the full suite. A quick run, e.g.:
#   DISPLAYS=500 PLAYLISTS=20 CONTENTS=100 DURATION=10 STREAMS=500 PROPAGATION_SAMPLES=200 load-tests/bench.sh
set -euo pipefail
module=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$module")

DISPLAYS=${DISPLAYS:-10000}            # seeded fleet
PLAYLISTS=${PLAYLISTS:-200}
CONTENTS=${CONTENTS:-2000}
SEED_CONCURRENCY=${SEED_CONCURRENCY:-32}
DURATION=${DURATION:-30}               # seconds per measured run (wrk, Gatling, JDBC baseline)
CONNECTIONS=${CONNECTIONS:-256}        # scenarios 1-2
POLL_INTERVAL=${POLL_INTERVAL:-10}     # scenario 3: every display polls once per this many seconds
WRITES=${WRITES:-200}                  # scenario 3: admin commands per second
PROPAGATION_RATE=${PROPAGATION_RATE:-100}        # scenario 4
PROPAGATION_SAMPLES=${PROPAGATION_SAMPLES:-1000}
COMMAND_CONCURRENCY=${COMMAND_CONCURRENCY:-32}   # scenario 5 (and its JDBC baseline)
STREAMS=${STREAMS:-10000}              # scenario 7
STREAM_WARMUPS=${STREAM_WARMUPS:-1}     # scenario 7: unmeasured changes before the measured one (the first is reported too)
PORT=${PORT:-18280}                    # the platform; nginx on PORT+1, the rebuilding process on PORT+2
PLAYER_PORT=${PLAYER_PORT:-$(( PORT + 3 ))}  # the platform's player port (scenarios 1, 2, 3, 7)
READS_PORT=${READS_PORT:-$(( PORT + 4 ))}    # scenario 3b's second query-api (its player port: READS_PORT+1)
MAIN_PORT_COMPARISON=${MAIN_PORT_COMPARISON:-1}  # also measure 1, 2 on the main port's fast path (0: skip)
REPEAT=${REPEAT:-1}                    # scenarios 1-3: measured rounds; with more than one, medians
HOT_PATH_ONLY=${HOT_PATH_ONLY:-}       # 1: stop after scenarios 1-2
SKIP_BUILD=${SKIP_BUILD:-0}            # 1 reuses the jars already built
WARMUP_ROUNDS=${WARMUP_ROUNDS:-15}     # scenarios 1-2: at most this many 10 s warm-up rounds
WARMUP=${WARMUP:-15}                   # scenarios 3, 5: seconds of the same load before the measured run
# JVM options of the platform's serving processes. A JVM pinned to one CPU picks the Serial collector,
# whose stop-the-world young collections (tens of ms on a busy core, every few seconds under load) were
# the polls' and the propagation's p99; ZGC's pauses stay under a millisecond. standalone/reads-first.args
# runs the player port's event loops ahead of every other thread of the process (scenario 3 in one
# process). Add e.g. -Xlog:gc:file=gc.log.
PLATFORM_JAVA_OPTS=${PLATFORM_JAVA_OPTS:--XX:+UseZGC @$root/standalone/reads-first.args}
# JVM options of scenario 6's rebuild command, as README "Rebuilding a read model" recommends: C1 only. A
# short-lived JVM on one core spent half its CPU in the C2 compiler; replays measured 1.7 times faster.
REBUILD_JAVA_OPTS=${REBUILD_JAVA_OPTS:--XX:TieredStopAtLevel=1}

out=$module/target
work=$out/bench
results=$out/results
jar=$root/standalone/target/marquee-standalone.jar
base=http://127.0.0.1:$PORT
players=http://127.0.0.1:$PLAYER_PORT
pids=()
nginx_conf=""

stop_all() {
  [ -n "$nginx_conf" ] && [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

# ---- tools ----
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || ! command -v python3 >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk nginx python3 >/dev/null
fi
if [ "$SKIP_BUILD" != 1 ]; then
  (cd "$root" && mvn -B -q -pl load-tests -am package -DskipTests)
fi
(cd "$root" && mvn -B -q -pl load-tests dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null)
classpath=$module/target/classes:$(cat "$out/classpath.txt")
rm -rf "$work" "$results" "$out/gatling" "$out/report.md"
mkdir -p "$work" "$results" "$out/gatling"

# ---- pinning: the server on the first half of the cores, the load generators on the rest ----
cores=$(nproc)
if [ "$cores" -ge 2 ]; then
  server_cpus=0-$(( cores / 2 - 1 ))
  load_cpus=$(( cores / 2 ))-$(( cores - 1 ))
  [ "$cores" -eq 2 ] && server_cpus=0 && load_cpus=1
  pinning="server (platform, nginx) on CPUs $server_cpus, load generators (wrk, Gatling, drivers) on CPUs $load_cpus (taskset -c)"
else
  server_cpus=0
  load_cpus=0
  pinning="none possible: one core"
fi
# Scenario 6 reads on every core: the rebuild is the platform's own work, nothing else loads the machine
# then, and an operator runs it so. The bare consumer, its baseline, gets the same cores.
# REBUILD_CPUS=1 is the layout of the runs before 2026-11-28 16:40 (the load generators' core).
rebuild_cpus=${REBUILD_CPUS:-0-$(( cores - 1 ))}
pinning="$pinning; scenario 6 (the rebuild command and its bare consumer) on CPUs $rebuild_cpus"
pinning="$pinning; the platform's JVM options: ${PLATFORM_JAVA_OPTS:-none}; the rebuild command's: ${REBUILD_JAVA_OPTS:-none}"
echo "machine: $cores cores; $pinning"
server() { taskset -c "$server_cpus" "$@"; }
load() { taskset -c "$load_cpus" "$@"; }
# a load-tests class on the load generators' cores (DRIVER_CPUS=list: on those instead)
driver() { taskset -c "${DRIVER_CPUS:-$load_cpus}" java -Dmarquee.results="$results" -cp "$classpath" "io.marquee.loadtests.$1" "${@:2}"; }
gatling() { # resultName simulation request [-Dknob=value...]
  local name=$1 simulation=$2 request=$3 status=0
  shift 3
  load java --add-opens=java.base/java.lang=ALL-UNNAMED -Dmarquee.fleet="$work/fleet" -Dmarquee.durationSeconds="$DURATION" -Dmarquee.warmupSeconds="$WARMUP" "$@" \
    -cp "$classpath" io.gatling.app.Gatling --simulation "io.marquee.loadtests.$simulation" \
    --results-folder "$out/gatling" --run-description "$name" >"$results/$name.gatling.log" 2>&1 || status=$?
  driver GatlingStats "$out/gatling" "${simulation,,}" "$request" "$name" "$DURATION" >/dev/null || echo "  no Gatling figures for $name"
  if [ "$status" != 0 ]; then
    # failed requests anywhere in the run, the warm-up included: the report calls the run invalid
    echo "  $name: Gatling reported failed requests or assertions (see results/$name.gatling.log)"
    echo "runFailed=1" >>"$results/$name.properties"
  fi
}

# ---- the platform ----
launch() { # port dataDir log [extra args...]: starts a platform process, its PID in $launched
  local port=$1 data=$2 log=$3
  shift 3
  # taskset directly, not through a function: $! must be the JVM itself (taskset execs it)
  taskset -c "$server_cpus" java $PLATFORM_JAVA_OPTS -jar "$jar" --server.port="$port" --marquee.data-dir="$data" "$@" >"$log" 2>&1 &
  launched=$!
  pids+=("$launched")
}
started=$(date +%s)
launch "$PORT" "$work/data" "$work/platform.log" --marquee.query.player-port="$PLAYER_PORT"
platform_pid=$launched
until curl -sf -o /dev/null "$base/actuator/health/readiness"; do
  kill -0 "$platform_pid" 2>/dev/null || { tail -30 "$work/platform.log" >&2; exit 1; }
  sleep 0.5
done
echo "platform up (PID $platform_pid) in $(( $(date +%s) - started )) s"
pg_port=$(awk -F= '$1=="port"{print $2}' "$work/data/postgres/embedded-postgres.properties")
kafka=127.0.0.1:$(awk -F= '$1=="port"{print $2}' "$work/data/kafka/embedded-kafka.properties")
jdbc=jdbc:postgresql://127.0.0.1:$pg_port/marquee

echo "seeding $DISPLAYS displays, $PLAYLISTS playlists, $CONTENTS content items"
driver Seeder "$base" "$work/fleet" "$DISPLAYS" "$PLAYLISTS" "$CONTENTS" "$SEED_CONCURRENCY"

# Every scenario measures its own load, so each starts once the platform's projections have applied
# every earlier write (the seeding's, the previous scenario's); how long that took is printed, the
# backlog being a figure of its own.
catch_up() { # before
  local since=$SECONDS
  driver KafkaReadRates caught-up "$kafka" marquee.events marquee-projections || echo "  the platform's projections did not catch up"
  echo "  projections caught up $(( SECONDS - since )) s after the writes before $1" | tee -a "$results/catch-up.txt"
}

# ---- 1, 2: the manifest hot path against nginx serving the same bytes with the same ETag ----
IFS=, read -r display device _ etag < <(sed -n 2p "$work/fleet/displays.csv")
path=/api/displays/$display/manifest
mkdir -p "$work/www$(dirname "$path")"
curl -sf -H "Authorization: Bearer $device" "$base$path" -o "$work/www$path"
etag=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $device" "$base$path" | tr -d '\r' | awk 'tolower($1)=="etag:"{print $2}')
nginx_conf=$work/nginx.conf
cat >"$nginx_conf" <<CONF
user root;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  etag off;
  default_type application/json;
  server {
    listen 127.0.0.1:$(( PORT + 1 ));
    root $work/www;
    location / {
      add_header ETag '$etag' always;
      if (\$http_if_none_match = '$etag') { return 304; }
    }
  }
}
CONF
server nginx -c "$nginx_conf"
cat >"$work/headers.lua" <<'LUA'
-- wrk: every request carries the device token and, for the 304 path, the manifest's ETag
local token, etag = os.getenv("WRK_TOKEN"), os.getenv("WRK_ETAG")
wrk.headers["Authorization"] = "Bearer " .. token
if etag and etag ~= "" then wrk.headers["If-None-Match"] = etag end
LUA
wrk_run() { # name url etag
  local name=$1 url=$2
  WRK_TOKEN=$device WRK_ETAG=$3 load wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/headers.lua" "$url" >"$results/$name.txt"
  python3 - "$results/$name.txt" "$results/$name.properties" "$CONNECTIONS" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
non = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors += int(non.group(1)) if non else 0
open(sys.argv[2], "w").write(f"requestsPerSecond={rps}\np50Ms={ms('50%')}\np99Ms={ms('99%')}\nerrors={errors}\nconnections={sys.argv[3]}\n")
print(f"  {sys.argv[1].rsplit('/', 1)[1][:-4]:<18} {rps:>10,.0f} req/s  p50 {ms('50%'):.2f} ms  p99 {ms('99%'):.2f} ms  errors {errors}")
PY
}
echo "scenarios 1-2: wrk, $CONNECTIONS connections, ${DURATION}s each (after a warm-up), on the player port"
# Warm-up until the JIT has settled: the platform JVM pinned to one core compiles the request path for
# a minute or more (its single C2 thread also has the broker's and Axon's code queued), and a figure
# taken before that measures the compiler, not the server. Rounds of 10 s, at least four (a plateau of
# two rounds mid-compilation is common), until two in a row agree within 5%.
warm_up() { # url
  local previous=0 rate
  for round in $(seq 1 "${WARMUP_ROUNDS:-15}"); do
    rate=$(WRK_TOKEN=$device WRK_ETAG="" load wrk -t1 -c"$CONNECTIONS" -d10s -s "$work/headers.lua" "$1" |
      awk '/Requests\/sec/{print int($2)}')
    echo "  warm-up round $round: $rate req/s"
    [ "$round" -ge 4 ] && python3 -c "import sys; a, b = map(float, sys.argv[1:]); sys.exit(0 if b > 0 and abs(a - b) <= 0.05 * b else 1)" \
      "$rate" "$previous" && break
    previous=$rate
  done
}
catch_up "scenarios 1-2"
warm_up "$players$path"
if [ "$MAIN_PORT_COMPARISON" = 1 ]; then
  echo "  and the main port (Tomcat, ManifestFastPath), for comparison:"
  warm_up "$base$path"
fi
# REPEAT rounds, each target in turn within a round, so that a busy spell of a shared machine hits
# them alike; with more than one round every figure is the median of the rounds.
for round in $(seq 1 "$REPEAT"); do
  [ "$REPEAT" -gt 1 ] && sfx=-r$round && echo "  round $round of $REPEAT" || sfx=""
  for kind in 200 304; do
    [ "$kind" = 304 ] && tag=$etag || tag=""
    wrk_run "wrk-marquee-$kind$sfx" "$players$path" "$tag"
    wrk_run "wrk-nginx-$kind$sfx" "http://127.0.0.1:$(( PORT + 1 ))$path" "$tag"
    [ "$MAIN_PORT_COMPARISON" = 1 ] && wrk_run "wrk-marquee-main-$kind$sfx" "$base$path" "$tag"
  done
done
if [ "$REPEAT" -gt 1 ]; then
  python3 - "$results" "$REPEAT" <<'PY'
import glob, statistics, sys
d, n = sys.argv[1], int(sys.argv[2])
for name in sorted({f.rsplit("-r", 1)[0] for f in glob.glob(f"{d}/wrk-*-r*.properties")}):
    rounds = [dict(l.strip().split("=", 1) for l in open(f"{name}-r{i}.properties") if "=" in l) for i in range(1, n + 1)]
    med = {k: statistics.median(float(r[k]) for r in rounds) for k in ("requestsPerSecond", "p50Ms", "p99Ms")}
    errors = sum(float(r["errors"]) for r in rounds)
    with open(f"{name}.properties", "w") as f:
        f.write("".join(f"{k}={v}\n" for k, v in med.items()) + f"errors={errors}\nconnections={rounds[0]['connections']}\nrounds={n}\n")
    per_round = ", ".join(f"{float(r['requestsPerSecond']):,.0f}" for r in rounds)
    print(f"  median of {n}: {name.rsplit('/', 1)[1]:<22} {med['requestsPerSecond']:>10,.0f} req/s  p99 {med['p99Ms']:.2f} ms  "
          f"(req/s per round: {per_round})")
PY
fi
kill "$(cat "$work/nginx.pid")" && rm -f "$work/nginx.pid"
if [ "$HOT_PATH_ONLY" = 1 ]; then
  stop_all
  pids=()
  driver ReportWriter "$results" "$out/report.md" "$cores cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" \
    "$pinning" "scenarios 1-2 only: displays=$DISPLAYS duration=${DURATION}s connections=$CONNECTIONS rounds=$REPEAT"
  exit 0
fi

# ---- 3: fleet polling, without then with admin writes ----
catch_up "scenario 3"
echo "scenario 3: $DISPLAYS displays polling every ${POLL_INTERVAL}s, without then with $WRITES writes/s"
# the polls go to the player port, as screens' do; the writes to the main port
# Gatling times to the millisecond, and at a p99 of 1-2 ms one run's figure moves by one: like scenarios
# 1-2, the pair runs REPEAT times, its order alternating, and with more than one round each figure is the
# median of the rounds.
median_rounds() { # resultName...: NAME.properties from NAME-r1..REPEAT
  python3 - "$results" "$REPEAT" "$@" <<'PY'
import statistics, sys
d, n = sys.argv[1], int(sys.argv[2])
for name in sys.argv[3:]:
    rounds = [dict(l.strip().split("=", 1) for l in open(f"{d}/{name}-r{i}.properties") if "=" in l and not l.startswith("#"))
              for i in range(1, n + 1)]
    merged = {}
    for key in rounds[0]:
        try:
            values = [float(r[key]) for r in rounds if key in r]
        except ValueError:
            continue
        merged[key] = sum(values) if key in ("count", "ok", "ko") else max(values) if key in ("maxMs", "runFailed") \
            else statistics.median(values)
    merged["rounds"] = n
    with open(f"{d}/{name}.properties", "w") as f:
        f.write("".join(f"{k}={v}\n" for k, v in merged.items()) + f"report={rounds[-1].get('report', '')}\n")
    print(f"  median of {n}: {name:<30} p99 {merged.get('p99Ms', float('nan')):.0f} ms  "
          f"(per round: {', '.join(r.get('p99Ms', '?').split('.')[0] for r in rounds)} ms)")
PY
}
fleet_rounds() { # resultPrefix readBaseUrl: without writes (PREFIX-baseline), then with (PREFIX-writes)
  local prefix=$1 base=$2 round sfx kinds kind rate
  for round in $(seq 1 "$REPEAT"); do
    sfx="" && [ "$REPEAT" -gt 1 ] && sfx=-r$round
    kinds="baseline writes" && [ $(( round % 2 )) = 0 ] && kinds="writes baseline"
    for kind in $kinds; do
      rate=0 && [ "$kind" = writes ] && rate=$WRITES
      gatling "$prefix-$kind$sfx" FleetPollingSimulation "poll manifest" -Dmarquee.pollIntervalSeconds="$POLL_INTERVAL" \
        -Dmarquee.writesPerSecond="$rate" -Dmarquee.readBaseUrl="$base"
      if [ "$kind" = writes ]; then
        driver GatlingStats "$out/gatling" fleetpollingsimulation "admin writes" "$prefix-writes-commands$sfx" "$DURATION" >/dev/null
      fi
    done
  done
  if [ "$REPEAT" -gt 1 ]; then
    median_rounds "$prefix-baseline" "$prefix-writes" "$prefix-writes-commands"
  fi
}
fleet_rounds fleet "$players"
# 3b: the architecture's answer to reads contending with writes is a query-api of their own. The second
# core then holds that query-api and the load generator; the writes stay on the platform's core.
echo "scenario 3b: the same, the polls served by a second query-api process on CPUs $load_cpus"
reads_players=http://127.0.0.1:$(( READS_PORT + 1 ))
taskset -c "$load_cpus" java $PLATFORM_JAVA_OPTS -jar "$jar" query-api --server.port="$READS_PORT" --marquee.data-dir="$work/data" \
  --marquee.query.player-port=$(( READS_PORT + 1 )) >"$work/query-api.log" 2>&1 &
reads_pid=$!
pids+=("$reads_pid")
until curl -sf -o /dev/null -H "Authorization: Bearer $device" "$reads_players$path"; do
  kill -0 "$reads_pid" 2>/dev/null || { tail -30 "$work/query-api.log" >&2; exit 1; }
  sleep 0.5
done
# a fresh JVM: warmed up like scenarios 1-2, then one discarded Gatling pass. Without that pass the first
# Gatling run's cold start on this shared core starved the new query-api: thousands of connect timeouts in
# its warm-up and a p99 of 139 ms in its measured part, against 2 ms in the next run.
warm_up "$reads_players$path"
gatling fleet-split-discarded FleetPollingSimulation "poll manifest" -Dmarquee.pollIntervalSeconds="$POLL_INTERVAL" \
  -Dmarquee.writesPerSecond=0 -Dmarquee.readBaseUrl="$reads_players"
fleet_rounds fleet-split "$reads_players"
kill "$reads_pid" && wait "$reads_pid" 2>/dev/null || true

# ---- 4: propagation ----
catch_up "scenario 4"
echo "scenario 4: propagation at $PROPAGATION_RATE commands/s, $PROPAGATION_SAMPLES samples"
driver PropagationProbe "$work/fleet" "$PROPAGATION_RATE" "$PROPAGATION_SAMPLES" "$players" || echo "  failed: driver PropagationProbe"

# ---- 5: command throughput, and the raw JDBC insert rate on the same PostgreSQL ----
echo "scenario 5: mixed commands, closed loop, $COMMAND_CONCURRENCY admins"
gatling commands CommandThroughputSimulation "admin commands" -Dmarquee.concurrency="$COMMAND_CONCURRENCY"
driver JdbcInsertBaseline "$jdbc" postgres postgres "$COMMAND_CONCURRENCY" "$DURATION" || echo "  failed: driver JdbcInsertBaseline"

# ---- 7: open manifest streams, heap per 1,000 streams ----
catch_up "scenario 7"
echo "scenario 7: $STREAMS open manifest streams on the player port"
driver SseFanOutProbe "$work/fleet" "$STREAMS" "$platform_pid" "$players" "$STREAM_WARMUPS" || echo "  failed: driver SseFanOutProbe"

# ---- 6: projection rebuild: the rebuild command and a bare consumer read the same topic ----
echo "scenario 6: a bare consumer, then the rebuild command (rebuild --projection manifests), read marquee.events"
# first the platform's own projections finish the earlier scenarios' writes: the broker shares their core
catch_up "scenario 6"
DRIVER_CPUS=$rebuild_cpus driver KafkaReadRates bare "$kafka" || echo "  failed: driver KafkaReadRates bare"
# the product's own rebuild (rebuild --projection manifests), joining the running platform, on the same
# cores as the bare consumer; its replay rate is the figure (start-up and switch excluded)
taskset -c "$rebuild_cpus" java $REBUILD_JAVA_OPTS -jar "$jar" rebuild --projection manifests --progress-every=5s --marquee.data-dir="$work/data" \
  --logging.level.root=WARN >"$work/rebuild.log" 2>&1 || echo "  the rebuild failed (see $work/rebuild.log)"
python3 - "$work/rebuild.log" "$results/rebuild.properties" <<'PY'
import re, sys
progress = [m for m in (re.match(r"^manifests: (\d+)/(\d+) events \([\d.]+%\), (\d+) events/s", l) for l in open(sys.argv[1])) if m]
if progress:
    # the command reports once more after the switch, which recomputes every manifest: the line before
    # that one is the replay's own rate
    done, _, rate = progress[-2 if len(progress) > 1 else -1].groups()
    open(sys.argv[2], "w").write(f"events={done}\neventsPerSecond={rate}\n")
    print(f"rebuild: {{events={done}, eventsPerSecond={rate}}}")
else:
    print("  the rebuild printed no progress (see rebuild.log)")
PY

stop_all
pids=()
driver ReportWriter "$results" "$out/report.md" "$cores cores ($(uname -m)), $(free -g | awk '/Mem:/{print $2}') GiB, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" \
  "$pinning" "displays=$DISPLAYS playlists=$PLAYLISTS contents=$CONTENTS duration=${DURATION}s connections=$CONNECTIONS poll-interval=${POLL_INTERVAL}s writes=$WRITES/s propagation=$PROPAGATION_RATE/s x $PROPAGATION_SAMPLES commands=$COMMAND_CONCURRENCY streams=$STREAMS"
echo "report: $out/report.md"
