#!/usr/bin/env bash
# The benchmark (issue 6): runs org.anju.bench.Benchmark several times per database, each run in a
# fresh JVM (-Xmx1g) on a fresh database, then tabulates median/min/max into bench/results/.
#
#   scripts/bench.sh                      full size on H2 and PostgreSQL, 3 runs each
#   scripts/bench.sh --db h2 --runs 1     one database, one run
#   scripts/bench.sh --smoke              a small size, 1 run per database, into target/bench/smoke (CI)
#   scripts/bench.sh --skip queries,lifecycle   leaves phases out (while working on one)
#   scripts/bench.sh --history 100000     engine history for that many archived households (default 10,000:
#                                         cloning runs at 10-20 thousand rows/s, 334 rows per household)
#   scripts/bench.sh --storm-timeout 600  seconds the deadline storm may take before the run fails (1800; smoke 300)
#   scripts/bench.sh --scale 10000:100000,50000:400000,200000:1000000 --runs 1
#                                         the scale run: the work grown in steps (open cases:archived households),
#                                         every figure per step, into bench/scale/results.md (not in CI)
#   scripts/bench.sh --nodes 2000       the cluster run on PostgreSQL: that many households on one node, on two
#                                         nodes, and on two with the busy one killed mid-storm, into bench/nodes/
#   scripts/bench.sh --profile            also records a JFR profile per run (target/bench/profile-*.jfr)
#
# PostgreSQL: a local server (pg_ctlcluster 15 main start); the script recreates the database
# anju_bench (owner anju) before each run, as root through the postgres account.
set -euo pipefail
cd "$(dirname "$0")/.."

dbs="h2 postgres"; runs=3; size=8994; archived=100000; history=10000; storm=1800; lifecycle=200; samples=60
out=""; profile=""; smoke=""; skip=""; scale=""; nodes=""; uploads=10; photos=20; field=20
while [ $# -gt 0 ]; do
  case "$1" in
    --db) dbs="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --archived) archived="$2"; shift 2 ;;
    --history) history="$2"; shift 2 ;;
    --storm-timeout) storm="$2"; shift 2 ;;
    --lifecycle) lifecycle="$2"; shift 2 ;;
    --samples) samples="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --profile) profile=1; shift ;;
    --skip) skip="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    --uploads) uploads="$2"; shift 2 ;;
    --photos) photos="$2"; shift 2 ;;
    --field) field="$2"; shift 2 ;;
    --smoke) smoke=1; runs=1; size=300; archived=3000; history=1000; storm=300; lifecycle=20; samples=20; uploads=3; photos=3; field=3; out=target/bench/smoke; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[ -n "$out" ] || { [ -n "$scale" ] && out=bench/scale || out=bench/results; }
[ -z "$nodes" ] || [ "$out" != bench/results ] || out=bench/nodes

echo "== build"
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
# the runs use a copy of the compiled classes, so that a build during a long run cannot change them
snapshot=target/bench/classes-$$
rm -rf target/bench/classes-*; mkdir -p "$snapshot"
cp -r target/classes "$snapshot/main"; cp -r target/test-classes "$snapshot/test"
cp="$snapshot/main:$snapshot/test:$(cat target/bench.classpath)"

runs_dir="$out/runs"
rm -rf "$runs_dir" target/bench/h2-*
mkdir -p "$runs_dir" target/bench/logs

pg_fresh() {
  export POSTGRES_URL=jdbc:postgresql://localhost:5432/anju_bench POSTGRES_USER=anju POSTGRES_PASSWORD=anju
  su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='anju'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"create role anju login password 'anju'\""
  su postgres -c "psql -qc 'drop database if exists anju_bench'" >/dev/null
  su postgres -c "psql -qc 'create database anju_bench owner anju'" >/dev/null
}

if [ -n "$nodes" ]; then
  for scenario in "1 false" "2 false" "2 true"; do
    set -- $scenario
    pg_fresh
    log=target/bench/logs/nodes-$1-$2.log
    echo "== cluster run: $1 node(s), kill $2, $nodes households — log $log (nodes: target/bench/logs/node-*.log)"
    if ! java -Xmx512m -cp "$cp" org.anju.bench.NodesBench --nodes="$1" --kill="$2" --size="$nodes" \
        --storm-timeout="$storm" --out="$runs_dir/nodes-$1-$2.json" >"$log" 2>&1; then
      tail -40 "$log"; echo "cluster run $1 $2 failed (log $log)" >&2; exit 1
    fi
    tail -1 "$log"
  done
  echo "== results"
  java -cp "$cp" org.anju.bench.NodesReport "$runs_dir" "$out"
  exit 0
fi

for db in $dbs; do
  for run in $(seq 1 "$runs"); do
    [ "$db" = postgres ] && pg_fresh
    jfr=()
    [ -n "$profile" ] && jfr=(-XX:StartFlightRecording=filename=target/bench/profile-$db-$run.jfr,settings=profile,dumponexit=true)
    log=target/bench/logs/$db-$run.log
    if [ -n "$scale" ]; then echo "== $db scale run $run of $runs (steps $scale) — log $log"
    else echo "== $db run $run of $runs (size $size, archived $archived, lifecycle $lifecycle) — log $log"; fi
    if ! java -Xmx1g -XX:+UseG1GC "${jfr[@]}" -cp "$cp" org.anju.bench.Benchmark --db="$db" --size="$size" \
        --archived="$archived" --history="$history" --storm-timeout="$storm" --scale="$scale" --lifecycle="$lifecycle" --samples="$samples" --skip="$skip" --uploads="$uploads" --photos="$photos" --field="$field" --out="$runs_dir/$db-$run.json" \
        >"$log" 2>&1; then
      tail -40 "$log"; echo "benchmark run $db $run failed (log $log)" >&2; exit 1
    fi
    grep "^== phase" "$log" || true
    rm -rf target/bench/h2-*
  done
done

echo "== results"
if [ -n "$scale" ]; then
  java -cp "$cp" org.anju.bench.ScaleReport "$runs_dir" "$out"
else
  java -cp "$cp" org.anju.bench.BenchReport "$runs_dir" "$out" ${smoke:+--no-readme}
fi
