#!/usr/bin/env python3
"""Time from a `PUT /api/displays/{id}/playlist` response to the new manifest being served.

Usage: load-tests/scripts/propagation.py [base_url=http://127.0.0.1:8080] [samples=200]

Alternates a display between two playlists; after each 200 it polls the manifest (sending the last
ETag, so unchanged polls are cheap 304s) until the manifest names the playlist just assigned. Prints
p50/p90/p99/max in milliseconds. Runs against a started platform, e.g. the standalone jar.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

base = urllib.parse.urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080")
samples = int(sys.argv[2]) if len(sys.argv) > 2 else 200
conn = http.client.HTTPConnection(base.hostname, base.port or 80)


def call(method, path, body=None, headers=None):
    headers = dict(headers or {})
    payload = None
    if body is not None:
        payload = json.dumps(body)
        headers["Content-Type"] = "application/json"
    conn.request(method, path, payload, headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, response, data


def create(path, body, key):
    status, _, data = call("POST", path, body)
    assert status == 201, (status, data)
    return json.loads(data)[key]


display = create("/api/displays", {"name": "propagation probe"}, "displayId")
contents = [create("/api/content", {"name": f"probe {i}", "type": "IMAGE", "uri": f"https://cdn.example.com/{i}.png"},
                   "contentId") for i in range(2)]
playlists = [create("/api/playlists", {"name": f"probe {i}", "items": [{"contentId": contents[i]}]},
                    "playlistId") for i in range(2)]
manifest_path = f"/api/displays/{display}/manifest"
etag = None
delays = []
for n in range(samples + 5):
    target = playlists[n % 2]
    status, _, data = call("PUT", f"/api/displays/{display}/playlist", {"playlistId": target})
    assert status == 200, (status, data)
    accepted = time.perf_counter()
    while True:
        status, response, data = call("GET", manifest_path, headers={"If-None-Match": etag} if etag else {})
        if status == 200:
            etag = response.getheader("ETag")
            manifest = json.loads(data)
            if (manifest.get("defaultPlaylist") or {}).get("playlistId") == target:
                break
        if time.perf_counter() - accepted > 10:
            raise SystemExit(f"manifest did not change within 10 s (sample {n})")
    if n >= 5:  # the first few warm the JIT and connections
        delays.append((time.perf_counter() - accepted) * 1000)

delays.sort()
q = statistics.quantiles(delays, n=100)
print(f"samples={len(delays)} PUT-response->manifest-served ms: "
      f"p50={statistics.median(delays):.1f} p90={q[89]:.1f} p99={q[98]:.1f} max={delays[-1]:.1f}")
