#!/usr/bin/env bash
# Registry benchmark: Kontak's lookup vs a PostgreSQL pg_trgm peer, real rows and a 100k-row
# registry, plus 100k import-and-activate. Builds the bench jar, runs it, prints the table and
# writes it to bench/target/registry-bench.md (see bench/README.md). About 5 minutes.
#
#   bench/run-registry-bench.sh                 # build bench and what it depends on, then run
#   KONTAK_BENCH_BUILD=bench-only bench/run-registry-bench.sh   # core/registry-loader already installed
#   KONTAK_BENCH_BUILD=none bench/run-registry-bench.sh --quick # no build; a 1-minute smoke run
#   KONTAK_PG_URL=postgresql://user:pw@host:5432/db ...         # use that server (needs CREATEDB)
#
# Extra arguments go to the bench: --rows N, --seed N, --warmup S, --measure S, --import-runs N,
# --out FILE, --quick.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${KONTAK_BENCH_BUILD:-all}" in
  all) ./mvnw -q -pl bench -am package -DskipTests ;;
  bench-only) ./mvnw -o -q -pl bench install -DskipTests ;;
  none) ;;
  *) echo "KONTAK_BENCH_BUILD must be all, bench-only or none" >&2; exit 2 ;;
esac

# A JDK 21+ (the same choice as ./mvnw makes when the default java is older).
. .mvn/find-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Serial GC: garbage collection runs on the benchmark thread's core, so a lookup row measures
# one core (the table's "client CPU/op" shows what the process really used). Fixed 3 GB heap.
exec "$JAVA" -XX:+UseSerialGC -Xms3g -Xmx3g -XX:+AlwaysPreTouch \
  -jar bench/target/kontak-bench.jar --repo . \
  --registry "${KONTAK_REGISTRY:-$(pwd)/samples/ojk/ojk-registry.jsonl.gz}" "$@"
