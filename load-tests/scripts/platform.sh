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
