#!/usr/bin/env bash
# Builds the example app and runs the demo: a Guichi-shaped district 2014-2020 on embedded H2 (./data), the yearly
# table (also written to target/demo-years.csv), then the portal on http://localhost:7070/ until Ctrl+C.
# ParallelGC: the demo is a throughput job on 2 cores (about 15% faster than G1 here).
# Extra arguments go to the demo, e.g. ./demo.sh --scale=0.1 --port=8080, or --db=jdbc:postgresql://... --user=...
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -Dmaven.test.skip=true -pl example-app -am package
rm -rf ./data/jingzhun-demo.mv.db ./data/jingzhun-demo.trace.db
exec java -XX:+UseParallelGC -Xms1g -Xmx3g -jar example-app/target/jingzhun-example-app-0.1.0-SNAPSHOT-all.jar demo --serve "$@"
