#!/usr/bin/env bash
# NLU benchmark (issue 3): Kontak's understand() latency and held-out intent accuracy vs NLP.js
# (node-nlp) trained on the same split, plus end-to-end registry-question entity extraction + lookup
# on the real OJK rows. Prints one table and writes it to bench/RESULTS-nlu.md. About 1 minute.
#
#   bench/run-nlu-bench.sh                              # build bench (offline), npm install, run
#   KONTAK_BENCH_BUILD=none bench/run-nlu-bench.sh      # no Maven build (jar already built)
#   KONTAK_NLU_MEASURE=10 KONTAK_NLU_WARMUP=5           # seconds per latency loop (both engines)
#
# Needs: JDK 21+, Node 20 + npm. The only download is `npm install` of node-nlp (version pinned in
# bench/src/main/nodejs/package.json) into bench/target/nlpjs; nothing else is fetched at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
WARMUP="${KONTAK_NLU_WARMUP:-5}"
MEASURE="${KONTAK_NLU_MEASURE:-10}"
REGISTRY="${KONTAK_REGISTRY:-$(pwd)/samples/ojk/ojk-registry.jsonl.gz}"

case "${KONTAK_BENCH_BUILD:-all}" in
  all) ./mvnw -q -pl bench -am package -DskipTests ;;
  bench-only) ./mvnw -o -q -pl bench install -DskipTests ;;
  none) ;;
  *) echo "KONTAK_BENCH_BUILD must be all, bench-only or none" >&2; exit 2 ;;
esac

# NLP.js peer: install into bench/target/nlpjs (never committed), train, score, time.
NODE_DIR=bench/target/nlpjs
mkdir -p "$NODE_DIR"
cp bench/src/main/nodejs/package.json bench/src/main/nodejs/nlpjs-bench.js "$NODE_DIR/"
(cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
node "$NODE_DIR/nlpjs-bench.js" "$PWD/nlp-models/corpus" "$PWD/$NODE_DIR/nlpjs-result.json" "$WARMUP" "$MEASURE"

# A JDK 21+ (the same choice as ./mvnw makes when the default java is older).
. .mvn/find-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Serial GC: collection runs on the benchmark thread's core, so latency includes it.
exec "$JAVA" -XX:+UseSerialGC -Xms1g -Xmx1g -cp bench/target/kontak-bench.jar io.kontak.bench.NluBench \
  --repo . --registry "$REGISTRY" --nlpjs "$NODE_DIR/nlpjs-result.json" --load-start "$LOAD_START" \
  --warmup "$WARMUP" --measure "$MEASURE" --out bench/RESULTS-nlu.md --command "bench/run-nlu-bench.sh"
