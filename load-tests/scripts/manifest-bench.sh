#!/usr/bin/env bash
# The display hot path against nginx serving the same bytes, in the same run.
#
# Usage: load-tests/scripts/manifest-bench.sh [duration=20s] [connections=256]
#
# Installs wrk and nginx from Debian if missing, starts the standalone platform (its own data
# directory, port 18080) pinned to core 0, seeds one organization with a display showing a playlist,
# reads the display's manifest and ETag with its device token, writes the same bytes to a file that
# nginx (one worker, core 0, port 18081) serves, then runs wrk on core 1 against both: the 200 path
# and the 304 path (If-None-Match). Prints requests/s, p50 and p99 latency, and Marquee/nginx ratios.
# Stops everything it started.
set -euo pipefail
duration=${1:-20s}
connections=${2:-256}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/standalone/target/marquee-standalone.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && apt-get install -y -qq wrk nginx >/dev/null
}
work=$(mktemp -d /tmp/marquee-bench.XXXXXX)
server_pid=""
nginx_started=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$nginx_started" ] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores; server and nginx pinned to core 0, wrk to core 1; $connections connections, $duration per run"
taskset -c 0 java -jar "$jar" --server.port=18080 --marquee.data-dir="$work/data" >"$work/platform.log" 2>&1 &
server_pid=$!
until curl -sf -o /dev/null http://127.0.0.1:18080/actuator/health/readiness; do
  kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/platform.log" >&2; exit 1; }
  sleep 0.2
done

base=http://127.0.0.1:18080
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
email="bench-$RANDOM$RANDOM@example.com"
curl -sf -X POST $base/api/auth/register -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"correct horse battery staple\",\"displayName\":\"Bench\",\"organizationName\":\"Bench\"}" >/dev/null
token=$(curl -sf -X POST $base/api/auth/login -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"correct horse battery staple\"}" | json '["accessToken"]')
auth="Authorization: Bearer $token"
items=""
for i in $(seq 1 8); do
  content=$(curl -sf -X POST $base/api/content -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Slide $i\",\"type\":\"IMAGE\",\"uri\":\"https://cdn.example.com/campaign/slide-$i.png\",\"checksum\":\"sha256:$(printf '%064d' $i)\",\"sizeBytes\":$((100000 + i))}" | json '["contentId"]')
  items="$items${items:+,}{\"contentId\":\"$content\"}"
done
playlist=$(curl -sf -X POST $base/api/playlists -H "$auth" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Campaign\",\"items\":[$items]}" | json '["playlistId"]')
created=$(curl -sf -X POST $base/api/displays -H "$auth" -H 'Content-Type: application/json' -d '{"name":"Bench screen","timezone":"Europe/Paris"}')
display=$(echo "$created" | json '["displayId"]')
device=$(echo "$created" | json '["deviceToken"]')
curl -sf -X PUT $base/api/displays/$display/playlist -H "$auth" -H 'Content-Type: application/json' -d "{\"playlistId\":\"$playlist\"}" >/dev/null
path=/api/displays/$display/manifest
until curl -sf -H "Authorization: Bearer $device" $base$path -o "$work/manifest.json" && grep -q "$playlist" "$work/manifest.json"; do sleep 0.1; done
etag=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $device" $base$path | tr -d '\r' | awk 'tolower($1)=="etag:"{print $2}')
echo "manifest: $(wc -c <"$work/manifest.json") bytes, ETag $etag"

mkdir -p "$work/www$(dirname $path)"
cp "$work/manifest.json" "$work/www$path"
chmod -R a+rX "$work"  # nginx workers run unprivileged
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  default_type application/json;
  server { listen 127.0.0.1:18081; root $work/www; }
}
CONF
taskset -c 0 nginx -c "$work/nginx.conf"
nginx_started=1
nginx_etag=$(curl -sf -D - -o /dev/null http://127.0.0.1:18081$path | tr -d '\r' | awk 'tolower($1)=="etag:"{print $2}')

run() { # name url header...
  local name=$1 url=$2; shift 2
  local args=()
  for header in "$@"; do args+=(-H "$header"); done
  taskset -c 1 wrk -t1 -c"$connections" -d"$duration" --latency "${args[@]}" "$url" >"$work/$name.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/{print $2}' "$work/$name.txt")
  p50=$(awk '$1=="50%"{print $2}' "$work/$name.txt")
  p99=$(awk '$1=="99%"{print $2}' "$work/$name.txt")
  local non2xx; non2xx=$(awk '/Non-2xx/{print $5}' "$work/$name.txt")
  printf '%-16s %10s req/s  p50 %8s  p99 %8s  non-2xx/3xx %s\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" >&2
  echo "$rps"
}
# warm the JIT before measuring
taskset -c 1 wrk -t1 -c64 -d10s -H "Authorization: Bearer $device" "$base$path" >/dev/null
m200=$(run marquee-200 "$base$path" "Authorization: Bearer $device")
n200=$(run nginx-200 "http://127.0.0.1:18081$path")
m304=$(run marquee-304 "$base$path" "Authorization: Bearer $device" "If-None-Match: $etag")
n304=$(run nginx-304 "http://127.0.0.1:18081$path" "If-None-Match: $nginx_etag")
python3 - "$m200" "$n200" "$m304" "$n304" <<'PY'
import sys
m200, n200, m304, n304 = map(float, sys.argv[1:])
print(f"200 path: Marquee {m200:,.0f} req/s = {m200 / n200:.0%} of nginx ({n200:,.0f})")
print(f"304 path: Marquee {m304:,.0f} req/s = {m304 / n304:.0%} of nginx ({n304:,.0f})")
PY
