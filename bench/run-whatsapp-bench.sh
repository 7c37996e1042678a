#!/usr/bin/env bash
# WhatsApp webhook bench: an open-loop load generator (signed Cloud API deliveries, one unique
# citizen per message) against ONE Kontak node started as a separate process
# (`java -jar target/kontak.jar run`, embedded Postgres + Redis, the real OJK registry imported and
# named in the registry questions, replies to the generator's FakeGraphApi), then against a bare Vert.x endpoint (the ceiling), at 500/1,000/2,000 msg/s.
# Prints the table and writes it to bench/RESULTS-whatsapp.md (see bench/README.md). ~3 minutes.
#
#   bench/run-whatsapp-bench.sh                                   # build (reactor, no install), run
#   KONTAK_BENCH_BUILD=none bench/run-whatsapp-bench.sh --rates 200 --measure 5   # smoke run
#
# Builds target/kontak.jar first if it is missing. Extra arguments go to the generator:
# --rates 500,1000,2000  --warmup S  --warmup-rate N  --measure S  --drain S  --out FILE  --no-ceiling
# --registry FILE (default: KONTAK_REGISTRY or samples/ojk/ojk-registry.jsonl.gz; none: the demo registry)
# --node-java-opts "-Xmx512m ..." (the node's KONTAK_JAVA_OPTS; default: the launcher's)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/node-bench-setup.sh

# The generator (and the FakeGraphApi receiving the replies) gets a fixed 1 GB heap; the node and
# the bare server run with the JVM's defaults (the node's RSS is what is measured).
REGISTRY="${KONTAK_REGISTRY:-$(pwd)/samples/ojk/ojk-registry.jsonl.gz}"
registry=(--registry "$REGISTRY")
[ "$REGISTRY" = none ] && registry=()
exec "$JAVA" -Xms1g -Xmx1g --enable-native-access=ALL-UNNAMED -cp bench/target/kontak-bench.jar io.kontak.bench.wa.WhatsAppBench \
  --launcher kontak "${registry[@]}" --command "bench/run-whatsapp-bench.sh $*" "$@"
