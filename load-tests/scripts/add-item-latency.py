#!/usr/bin/env python3
"""Latency of `POST /api/playlists/{id}/items`, over sequential calls on one keep-alive connection.

Usage: load-tests/scripts/add-item-latency.py [base_url=http://127.0.0.1:8080] [calls=1000]

Creates one content item, then adds it to playlists one call after another, starting a fresh playlist
every 400 items (a playlist holds at most 500). Prints p50/p90/p99/max in milliseconds. Runs against a
started platform, e.g. the standalone jar.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

base = urllib.parse.urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080")
calls = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
per_playlist = 400
conn = http.client.HTTPConnection(base.hostname, base.port or 80)


def post(path, body):
    conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    assert response.status == 201, (path, response.status, data)
    return json.loads(data)


content = post("/api/content", {"name": "latency probe", "type": "IMAGE", "uri": "https://cdn.example.com/probe.png"})
warmup = 20
playlist = None
delays = []
for n in range(calls + warmup):
    if n % per_playlist == 0:
        playlist = post("/api/playlists", {"name": f"latency probe {n}"})["playlistId"]
    started = time.perf_counter()
    post(f"/api/playlists/{playlist}/items", {"contentId": content["contentId"]})
    if n >= warmup:  # the first calls warm the JIT and the connection
        delays.append((time.perf_counter() - started) * 1000)

delays.sort()
q = statistics.quantiles(delays, n=100)
print(f"calls={len(delays)} POST /api/playlists/{{id}}/items ms: "
      f"p50={statistics.median(delays):.2f} p90={q[89]:.2f} p99={q[98]:.2f} max={delays[-1]:.2f}")
