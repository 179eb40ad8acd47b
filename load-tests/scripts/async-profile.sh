#!/bin/bash
# CPU profile of a running JVM with async-profiler: Java, JVM and kernel frames (JFR's execution samples
# miss the last two, e.g. a stack walk or a context switch). Fetches async-profiler from Maven Central
# (tools.profiler:async-profiler, into load-tests/target/async-profiler) on first use, attaches to PID,
# samples CPU every INTERVAL (default 1ms; perf events, or a timer where the kernel refuses them) for
# SECONDS, and writes collapsed stacks with thread names to OUT. Summarise with profile-top.py:
#   load-tests/scripts/async-profile.sh "$(pgrep -f marquee-standalone)" 40 /tmp/cmd.collapsed
#   load-tests/scripts/profile-top.py /tmp/cmd.collapsed http-nio DefaultUnitOfWork DispatcherServlet
# `async-profile.sh lib` only fetches it and prints the library's path, for -agentpath at a JVM's start.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/load-tests/target/async-profiler
version=4.1
lib=$dir/linux-x64/libasyncProfiler.so
if [ ! -f "$lib" ]; then
  mkdir -p "$dir"
  mvn -B -q -Dstyle.color=never -f "$root/pom.xml" -N dependency:copy -Dartifact=tools.profiler:async-profiler:$version \
    -DoutputDirectory="$dir" >&2
  (cd "$dir" && unzip -o -q "async-profiler-$version.jar" 'linux-x64/*')
fi
if [ "$1" = lib ]; then
  echo "$lib"
  exit 0
fi
pid=$1 seconds=$2 out=$3
# jcmd's JVMTI.agent_load splits the options at '=', so attach through the Attach API instead
cat >"$dir/Attach.java" <<'JAVA'
public class Attach {
    public static void main(String[] args) throws Exception {
        var vm = com.sun.tools.attach.VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
JAVA
java "$dir/Attach.java" "$pid" "$lib" "start,event=cpu,interval=${INTERVAL:-1ms},threads"
sleep "$seconds"
java "$dir/Attach.java" "$pid" "$lib" "stop,file=$(realpath -m "$out"),collapsed"
echo "$(wc -l <"$out") stacks in $out"
