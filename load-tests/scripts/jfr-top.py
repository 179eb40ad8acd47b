#!/usr/bin/env python3
"""Aggregates a JFR recording's CPU samples (jdk.ExecutionSample): top frames by self time, samples by
thread group, and the share of samples whose stack contains each of a list of markers (inclusive
cost of a component). Usage: load-tests/scripts/jfr-top.py rec.jfr [thread-substring] [marker ...]
e.g. jfr-top.py cmd.jfr http-nio JdbcEventStorageEngine.appendEvents EventPositions CurrentRoleFilter"""
import json, re, subprocess, sys, collections

rec = sys.argv[1]
thread_filter = sys.argv[2] if len(sys.argv) > 2 else ""
markers = sys.argv[3:]
raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(raw)["recording"]["events"]

def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].split(".")[-1] + "." + method["name"]

def thread_group(name):
    return re.sub(r"[-#]?\d+$", "", name or "?")

by_thread, top_self, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
selected = 0
for event in events:
    values = event["values"]
    thread = (values.get("sampledThread") or {}).get("javaName") or "?"
    by_thread[thread_group(thread)] += 1
    if thread_filter not in thread:
        continue
    selected += 1
    frames = [frame_name(f) for f in (values.get("stackTrace") or {}).get("frames", [])]
    if frames:
        top_self[frames[0]] += 1
    stack = "\n".join(frames)
    for marker in markers:
        if marker in stack:
            inclusive[marker] += 1

total = len(events)
print(f"{total} samples; by thread group:")
for name, count in by_thread.most_common(15):
    print(f"  {count:6d} {100.0 * count / total:5.1f}%  {name}")
print(f"\n{selected} samples in threads matching '{thread_filter}'; top frames (self):")
for name, count in top_self.most_common(30):
    print(f"  {count:6d} {100.0 * count / max(selected, 1):5.1f}%  {name}")
if markers:
    print("\ninclusive (stack contains):")
    for marker in markers:
        print(f"  {inclusive[marker]:6d} {100.0 * inclusive[marker] / max(selected, 1):5.1f}%  {marker}")
