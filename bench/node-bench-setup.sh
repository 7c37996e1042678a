# Sourced by the benches that start a whole node (run-whatsapp-bench.sh, run-desk-bench.sh), from the
# repository root: builds the bench jar (KONTAK_BENCH_BUILD=all, the default: in the reactor, nothing
# installed; bench-only: the bench module alone, modules already installed; none), builds
# target/kontak.jar when it is missing, and sets JAVA to a JDK 21+ (the same choice as ./mvnw makes).
case "${KONTAK_BENCH_BUILD:-all}" in
  all) ./mvnw -q -pl bench -am package -DskipTests ;;
  bench-only) ./mvnw -o -q -pl bench install -DskipTests ;;
  none) ;;
  *) echo "KONTAK_BENCH_BUILD must be all, bench-only or none" >&2; exit 2 ;;
esac
if [ ! -f target/kontak.jar ]; then
  ./mvnw -o -q -pl app -am package -DskipTests
fi
. .mvn/find-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
