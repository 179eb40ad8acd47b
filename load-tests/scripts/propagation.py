#!/usr/bin/env python3
"""Time from a `PUT /api/displays/{id}/playlist` response to the new manifest being served.

Usage: load-tests/scripts/propagation.py [base_url=http://127.0.0.1:8080] [samples=200]

Registers a fresh organization and logs its ADMIN in (every request then carries the bearer token),
then alternates a display between two playlists; after each 200 it polls the manifest (sending the
last ETag, so unchanged polls are cheap 304s) until the manifest names the playlist just assigned.
Prints p50/p90/p99/max in milliseconds. Runs against a started platform, e.g. the standalone jar.
The access token lives 15 minutes, which covers the default run; a longer run logs in again.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse
import uuid

base = urllib.parse.urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080")
samples = int(sys.argv[2]) if len(sys.argv) > 2 else 200
conn = http.client.HTTPConnection(base.hostname, base.port or 80)
PASSWORD = "propagation probe password"
token = None
token_expires = 0.0


def call(method, path, body=None, headers=None):
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    payload = None
    if body is not None:
        payload = json.dumps(body)
        headers["Content-Type"] = "application/json"
    conn.request(method, path, payload, headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, response, data


def create(path, body, key):
    refresh_token()
    status, _, data = call("POST", path, body)
    assert status == 201, (status, data)
    return json.loads(data)[key]


def log_in():
    global token, token_expires
    token = None
    status, _, data = call("POST", "/api/auth/login", {"email": email, "password": PASSWORD})
    assert status == 200, (status, data)
    answer = json.loads(data)
    token, token_expires = answer["accessToken"], time.monotonic() + answer["expiresIn"]


def refresh_token():
    if time.monotonic() > token_expires - 60:
        log_in()


email = f"propagation-{uuid.uuid4()}@example.com"
status, _, data = call("POST", "/api/auth/register", {"email": email, "password": PASSWORD,
                                                     "displayName": "Propagation probe",
                                                     "organizationName": "Propagation probe"})
assert status == 201, (status, data)
log_in()
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
    refresh_token()
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
