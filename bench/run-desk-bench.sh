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

case "${KONTAK_BENCH_BUILD:-all}" in
  all) ./mvnw -q -pl bench -am package -DskipTests ;;
  bench-only) ./mvnw -o -q -pl bench package -DskipTests ;;
  none) ;;
  *) echo "KONTAK_BENCH_BUILD must be all, bench-only or none" >&2; exit 2 ;;
esac
if [ ! -f target/kontak.jar ]; then
  ./mvnw -o -q -pl app -am package -DskipTests
fi

. .mvn/find-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xms512m -Xmx1g --enable-native-access=ALL-UNNAMED -cp bench/target/kontak-bench.jar io.kontak.bench.wa.DeskBench \
  --launcher kontak --command "bench/run-desk-bench.sh $*" "$@"
