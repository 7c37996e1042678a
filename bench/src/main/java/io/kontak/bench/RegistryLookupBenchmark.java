package io.kontak.bench;

import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.index.LookupPolicy;
import io.kontak.registry.index.LookupResult;
import io.kontak.registry.index.RegistrySearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Kontak lookup alone under JMH, as a cross-check of the main bench's own harness (same
 * registries, same query mix). Run: {@code java -cp bench/target/kontak-bench.jar
 * org.openjdk.jmh.Main RegistryLookupBenchmark -t 1 -jvmArgs -Dkontak.bench.registry=FILE} from the
 * repository root, FILE being the real rows (the shared sample); {@code kontak.bench.repo} overrides
 * the repository path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms3g", "-Xmx3g"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 4)
public class RegistryLookupBenchmark {
  @Param({"real", "100k"})
  public String registry;

  private RegistrySearcher searcher;
  private String[] queries;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path repo = Path.of(System.getProperty("kontak.bench.repo", ".")).toAbsolutePath().normalize();
    Workload w = Workload.create(SampleRegistry.require(System.getProperty(SampleRegistry.PROPERTY)),
        repo.resolve("registry-loader/src/test/resources/lookup/ojk-queries.tsv"), 100_000, 20250601L);
    searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
    searcher.swap(searcher.build(1, "real".equals(registry) ? w.real : w.big));
    queries = w.queries.toArray(String[]::new);
  }

  @Benchmark
  public LookupResult lookup() {
    String q = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    return searcher.lookup(q);
  }
}
