#!/usr/bin/env python3
"""Latency of `POST /api/playlists/{id}/items` over sequential calls, as an admin client sees it.

Usage: load-tests/scripts/command-latency.py [base_url=http://127.0.0.1:8080] [calls=1000]

Registers a fresh organization, logs in, creates one content item and one playlist, then adds
`calls` items to playlists one after another on one keep-alive connection (a new playlist every
400 items, as a playlist holds at most 500) and prints median, p90, p99 and max in milliseconds.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse
import uuid

base = urllib.parse.urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080")
calls = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
conn = http.client.HTTPConnection(base.hostname, base.port or 80)
token = None


def call(method, path, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, json.loads(data) if data else None


email = f"bench-{uuid.uuid4()}@example.com"
status, _ = call("POST", "/api/auth/register", {"email": email, "password": "correct horse battery",
                                                "displayName": "Bench", "organizationName": "Bench Org"})
assert status == 201, status
status, login = call("POST", "/api/auth/login", {"email": email, "password": "correct horse battery"})
assert status == 200, status
token = login["accessToken"]
status, content = call("POST", "/api/content", {"name": "bench", "type": "IMAGE",
                                                "uri": "https://cdn.example.com/bench.png"})
assert status == 201, (status, content)


def new_playlist():
    status, created = call("POST", "/api/playlists", {"name": "bench"})
    assert status == 201, (status, created)
    return created["playlistId"]


playlist = new_playlist()
latencies = []
for n in range(calls + 20):
    if n and n % 400 == 0:
        playlist = new_playlist()
    started = time.perf_counter()
    status, added = call("POST", f"/api/playlists/{playlist}/items", {"contentId": content["contentId"]})
    elapsed = (time.perf_counter() - started) * 1000
    assert status == 201, (status, added)
    if n >= 20:  # warm-up: JIT, connection, caches
        latencies.append(elapsed)

latencies.sort()
q = statistics.quantiles(latencies, n=100)
print(f"calls={len(latencies)} POST /api/playlists/{{id}}/items ms: "
      f"median={statistics.median(latencies):.2f} p90={q[89]:.2f} p99={q[98]:.2f} max={latencies[-1]:.2f}")
