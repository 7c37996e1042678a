#!/usr/bin/env bash
# Resolution reports bench (issue 16): generates a year of conversations (default 1,000,000, with
# outcomes and desk history) straight into Postgres with generate_series, then times
# GET /api/reports/resolution's code (ResolutionReport) for the year and for a month, and what the
# outcome triggers cost per opened and closed conversation. Prints the tables (also written to
# bench/target/reports-bench.md; bench/RESULTS-reports.md records a run). A few minutes.
#
#   bench/run-reports-bench.sh                                  # build (offline), embedded Postgres
#   KONTAK_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres bench/run-reports-bench.sh
#   bench/run-reports-bench.sh --conversations 100000 --runs 10 # smaller
#
# KONTAK_PG_URL's role needs CREATEDB (the bench creates and drops kontak_bench_reports).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${KONTAK_BENCH_BUILD:-bench}" in
  bench) ./mvnw -o -q -pl bench -am package -DskipTests ;;
  none) ;;
  *) echo "KONTAK_BENCH_BUILD must be bench or none" >&2; exit 2 ;;
esac

. .mvn/find-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx1g -cp bench/target/kontak-bench.jar io.kontak.bench.ReportsBench \
  --out bench/target/reports-bench.md "$@"
