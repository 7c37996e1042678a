#!/usr/bin/env bash
# Desk bench: 100 simulated agents on the live channel (4 chats each) against ONE Kontak node started
# as a separate process (`./kontak run`, embedded Postgres + Redis, the real OJK registry imported),
# citizens handed off through the signed real webhook. Prints the table and writes it to
# bench/RESULTS-desk.md (see bench/README.md, "Desk bench"). About 3 minutes.
#
#   bench/run-desk-bench.sh                                  # build (reactor, no install), run
#   bench/run-desk-bench.sh --agents 10 --rate 5 --warmup 5 --measure 10    # smoke run
#
# Extra arguments go to the generator: --agents N --capacity N --rate N (handoffs/s) --warmup S
# --measure S --drain S --hold S (an agent keeps each chat open S seconds) --registry FILE --out FILE
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/node-bench-setup.sh
REGISTRY="${KONTAK_REGISTRY:-$(pwd)/samples/ojk/ojk-registry.jsonl.gz}"
exec "$JAVA" -Xms512m -Xmx1g --enable-native-access=ALL-UNNAMED -cp bench/target/kontak-bench.jar io.kontak.bench.wa.DeskBench \
  --launcher kontak --registry "$REGISTRY" --command "bench/run-desk-bench.sh $*" "$@"
