# Sourced by the A/B scripts. start_platform WORK PORT [ARGS...] starts the standalone jar (JAR, default the
# built one; JVM options from PLATFORM_JAVA_OPTS) pinned to core 0, on a fresh data directory WORK/data,
# with its main API on PORT and its player port on PORT + 1; waits until it is ready and stops it when the
# calling script exits. Sets pid. Needs root (the repository's root).
start_platform() {
  local work=$1 port=$2
  shift 2
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is taken (another platform still running?)" >&2
    exit 1
  fi
  taskset -c 0 java ${PLATFORM_JAVA_OPTS:-} -jar "${JAR:-$root/standalone/target/marquee-standalone.jar}" \
    --server.port="$port" --marquee.query.player-port=$(( port + 1 )) --marquee.data-dir="$work/data" "$@" \
    >"$work/platform.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 $pid 2>/dev/null || { tail -20 "$work/platform.log" >&2; exit 1; }
    sleep 0.5
  done
}

# seeded_platform NAME DEFAULT_PORT LABEL [ARGS...]: the live-path A/Bs' common start. A fresh work directory
# load-tests/target/NAME/LABEL; the platform started there (start_platform) on PORT (default DEFAULT_PORT, its
# player port the next one) with ARGS; a fleet of DISPLAYS displays on PLAYLISTS playlists and CONTENTS content
# items (defaults 2,000, 40, 200: 50 displays per playlist, as in the full run) seeded from core 1; and the
# projections caught up. Sets work, port, players, kafka and pid, for the driver function below.
seeded_platform() {
  local name=$1 default_port=$2 label=$3
  shift 3
  DISPLAYS=${DISPLAYS:-2000}
  PLAYLISTS=${PLAYLISTS:-40}
  CONTENTS=${CONTENTS:-200}
  work=$root/load-tests/target/$name/$label
  port=${PORT:-$default_port}
  players=http://127.0.0.1:$(( port + 1 ))
  rm -rf "$work" && mkdir -p "$work"
  echo "== $label $(date -u +%H:%M:%S) uptime:$(uptime | sed 's/.*load average//')"
  start_platform "$work" "$port" "$@"
  kafka=127.0.0.1:$(awk -F= '$1=="port"{print $2}' "$work/data/kafka/embedded-kafka.properties")
  driver io.marquee.loadtests.Seeder "http://127.0.0.1:$port" "$work/fleet" "$DISPLAYS" "$PLAYLISTS" "$CONTENTS" 16 | tail -1
  driver io.marquee.loadtests.KafkaReadRates caught-up "$kafka" marquee.events marquee-projections >/dev/null
}

# driver CLASS|SCRIPT [ARGS...]: a load-tests class (or a script of this folder) on core 1, its results in $work.
driver() {
  taskset -c 1 java -Dmarquee.results="$work/results" \
    -cp "$root/load-tests/target/classes:$(cat "$root/load-tests/target/classpath.txt")" "$@"
}

# postgres_ticks WORK: the CPU ticks so far of the embedded PostgreSQL of the platform started in WORK: its
# postmaster with the backends it has reaped, and the live ones (it is not the JVM's child).
postgres_ticks() {
  local postmaster
  postmaster=$(pgrep -f -- "-D $1/data/postgres/pgdata" | head -1)
  awk '{ s += $14 + $15 + $16 + $17 } END { print s + 0 }' \
    "/proc/$postmaster/stat" $(pgrep -P "$postmaster" | sed 's|.*|/proc/&/stat|') 2>/dev/null
}

# cpu_snapshot PID WORK: the platform JVM's CPU so far (ms) by group of threads (from /proc: the JIT's threads
# too), and its PostgreSQL's (postgres_ticks), one "group=ms" per line.
cpu_snapshot() {
  local hz t
  hz=$(getconf CLK_TCK)
  for t in /proc/"$1"/task/*; do
    printf '%s|%s\n' "$(cat "$t/comm" 2>/dev/null)" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"
  done | awk -F'|' -v hz="$hz" '
    $1 ~ /^C[12] CompilerThre/ { g = "jit" } $1 ~ /^data-plane-kafk/ { g = "broker" }
    $1 ~ /^compacted-topic/ { g = "tailer" } $1 ~ /^player-port/ { g = "playerPort" }
    $1 ~ /^projections-/ { g = "projections" } $1 ~ /^http-nio/ { g = "tomcat" }
    $1 ~ /^kafka-producer/ { g = "producers" } $1 == "VM Thread" { g = "safepoints" }
    { if (g == "") g = "other"; ms[g] += $2 * 1000 / hz; all += $2 * 1000 / hz; g = "" }
    END { for (k in ms) printf "%s=%d\n", k, ms[k]; printf "platform=%d\n", all }'
  echo "postgres=$(( $(postgres_ticks "$2") * 1000 / hz ))"
}

# cpu_since BEFORE AFTER: the difference of two cpu_snapshot outputs, on one line, biggest first.
cpu_since() {
  awk -F= 'NR == FNR { before[$1] = $2; next } { printf "%s %d\n", $1, $2 - before[$1] }' <(echo "$1") <(echo "$2") \
    | sort -k2 -rn | awk '{ printf "%s%sCpuMs=%d", sep, $1, $2; sep = " " } END { print "" }'
}
