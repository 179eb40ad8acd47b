#!/usr/bin/env python3
"""Summarises CPU samples: samples by thread group, top frames by self time, and the share of samples
whose stack contains each of a list of markers (the inclusive cost of a component). Reads a JFR recording
(jdk.ExecutionSample: Java frames only, so time in the JVM's own code or the kernel is missing) or
async-profiler's collapsed stacks taken with its `threads` option (scripts/async-profile.sh: Java, JVM
and kernel frames). Usage: load-tests/scripts/profile-top.py rec.jfr|rec.collapsed [thread-substring] [marker ...]
e.g. profile-top.py cmd.collapsed http-nio JdbcEventStorageEngine.appendEvents DefaultUnitOfWork CurrentRoleFilter"""
import json, re, subprocess, sys, collections

rec = sys.argv[1]
thread_filter = sys.argv[2] if len(sys.argv) > 2 else ""
markers = sys.argv[3:]


def short(name):
    """org/example/Type.method (a Java frame of async-profiler) -> Type.method; JVM and kernel frames as they are."""
    return name.rpartition("/")[2] if "/" in name else name


def jfr_samples(path):
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for event in json.loads(raw)["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        frames = [short(f["method"]["type"]["name"] + "." + f["method"]["name"])
                  for f in (values.get("stackTrace") or {}).get("frames", [])]
        yield thread, frames, 1


def collapsed_samples(path):
    # "[thread tid=N];outermost;...;innermost count"
    with open(path) as lines:
        for line in lines:
            stack, _, count = line.rstrip().rpartition(" ")
            frames = stack.split(";")
            thread = re.sub(r" tid=\d+$", "", frames[0].strip("[]"))
            yield thread, [short(f) for f in reversed(frames[1:])], int(count)


def thread_group(name):
    return re.sub(r"[-#]?\d+$", "", name or "?")


by_thread, top_self, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
total = selected = 0
for thread, frames, count in (jfr_samples(rec) if rec.endswith(".jfr") else collapsed_samples(rec)):
    total += count
    by_thread[thread_group(thread)] += count
    if thread_filter not in thread:
        continue
    selected += count
    if frames:
        top_self[frames[0]] += count
    stack = "\n".join(frames)
    for marker in markers:
        if marker in stack:
            inclusive[marker] += count

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
