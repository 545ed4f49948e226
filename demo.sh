#!/usr/bin/env bash
# Builds the example app and runs the demo: a Guichi-shaped district 2014-2020 on embedded H2 (./data), the yearly
# table (also written to target/demo-years.csv), then the portal on http://127.0.0.1:7070/ (demo users and passwords printed at start) until Ctrl+C.
# ParallelGC: the demo is a throughput job on 2 cores (about 15% faster than G1 here).
# Tier-4 thresholds 4x the defaults: C2 then compiles only the really hot methods. On 2 cores the JIT competes with
# the run itself (about 50 s of C2 CPU time with the defaults); this saves 12-18 s of CPU and 6-7 s of wall time
# (measured interleaved: 63.4/65.7 s default, 57.2/58.3 s with these); 10x was slower again (61.0 s).
# -Dh2.objectCache=false: H2's value cache hashes every string bound to a statement, JSON documents included; the
# profile showed 2-5% of the main thread there (paired runs 49.2/51.8 s without it, 61.2/48.3 s with it: within noise).
# Extra arguments go to the demo, e.g. ./demo.sh --scale=0.1 --port=8080, or --db=jdbc:postgresql://... --user=...
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -Dmaven.test.skip=true -pl example-app -am package
rm -rf ./data/jingzhun-demo.mv.db ./data/jingzhun-demo.trace.db
exec java -XX:+UseParallelGC -Xms1g -Xmx3g -Dh2.objectCache=false -XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=2400 \
    -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=160000 -jar example-app/target/jingzhun-example-app-0.1.0-SNAPSHOT-all.jar demo --serve "$@"
