package io.kontak.bench;

import io.kontak.registry.Institution;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.index.LookupPolicy;
import io.kontak.registry.index.RegistrySearcher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The registry benchmark (bench/README.md): Kontak's lookup against a pg_trgm peer on the real
 * rows and on a 100k-row registry, latency on one benchmark thread, accuracy on the query set,
 * and 100k import-and-activate time; one table with the targets, printed and written to a file.
 */
public final class RegistryBench {
  private final Map<String, String> options;
  private final StringBuilder report = new StringBuilder();
  private final StringBuilder details = new StringBuilder();

  private RegistryBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      if (a.equals("--quick")) {
        options.put("quick", "true");
      } else if (i + 1 < args.length) {
        options.put(a.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(a + " needs a value");
      }
    }
    new RegistryBench(options).run();
    System.exit(0);  // Vert.x and pool threads from the import phase must not keep the JVM alive
  }

  private String opt(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private void run() throws Exception {
    boolean quick = options.containsKey("quick");
    Path repo = Path.of(opt("repo", ".")).toAbsolutePath().normalize();
    Path registry = SampleRegistry.require(opt("registry", System.getProperty(SampleRegistry.PROPERTY)));
    Path queryTsv = Path.of(opt("queries",
        repo.resolve("registry-loader/src/test/resources/lookup/ojk-queries.tsv").toString()));
    Path work = Path.of(opt("work", repo.resolve("bench/target/bench-data").toString())).toAbsolutePath();
    Path out = Path.of(opt("out", repo.resolve("bench/target/registry-bench.md").toString()));
    int rows = Integer.parseInt(opt("rows", "100000"));
    long seed = Long.parseLong(opt("seed", "20250601"));
    Duration warmup = Duration.ofSeconds(Long.parseLong(opt("warmup", quick ? "2" : "10")));
    Duration measure = Duration.ofSeconds(Long.parseLong(opt("measure", quick ? "3" : "20")));
    int importRuns = Integer.parseInt(opt("import-runs", quick ? "1" : "3"));
    String only = opt("only", "");
    if (only.equals("kontak")) {
      // profiling aid: Kontak's lookups alone, no table
      Workload w = Workload.create(registry, queryTsv, rows, seed);
      for (var size : List.of(new Size("real", w.real), new Size(rows / 1000 + "k", w.big))) {
        var searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
        searcher.swap(searcher.build(1, size.rows));
        var row = new Row("Kontak (Lucene)", size, Latency.measure(new KontakEngine(searcher), w.queries, warmup,
            measure, null), QueryCase.score(w.cases, new KontakEngine(searcher)));
        progress("%s %s: %s", row.engine, size.label, row.summary());
      }
      return;
    }

    Instant started = Instant.now();
    line("# Registry lookup benchmark: Kontak (Lucene) vs PostgreSQL pg_trgm");
    line("");
    String machine = machine();
    line(machine);
    line("- rows: real " + registry + "; synthetic: " + rows + " rows, seed " + seed);
    line("- queries: " + queryTsv);
    line("- latency: one benchmark thread, closed loop, warmup " + warmup.toSeconds() + " s + measured "
        + measure.toSeconds() + " s per row of the table");

    progress("generating the %d-row registry (seed %d) and reading the query set", rows, seed);
    Workload w = Workload.create(registry, queryTsv, rows, seed);
    progress("  %d real rows, %d rows in all (%.1f MB JSONL, generated in %.1f s); %d query-set cases; "
            + "latency mix of %d queries", w.real.size(), w.big.size(), w.bigFile.length / 1e6,
        w.generateSeconds, w.cases.size(), w.queries.size());
    var byStatus = new java.util.TreeMap<String, Integer>();
    w.big.forEach(i -> byStatus.merge(i.status().wire(), 1, Integer::sum));
    line("- the " + rows / 1000 + "k registry by status: " + byStatus + "; latency query mix: " + w.queries.size()
        + " distinct queries (" + w.cases.size() + " of the query set, their casing/typo variants, synthetic names"
        + " and identities), cycled in a fixed shuffled order");

    List<Row> table = new ArrayList<>();
    // --- Kontak ---------------------------------------------------------------------------
    for (var size : List.of(new Size("real", w.real), new Size(rows / 1000 + "k", w.big))) {
      var searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
      long b0 = System.nanoTime();
      searcher.swap(searcher.build(1, size.rows));
      double build = (System.nanoTime() - b0) / 1e9;
      var engine = new KontakEngine(searcher);
      progress("Kontak, %s registry (%d rows, index built in %.2f s): accuracy, then latency",
          size.label, size.rows.size(), build);
      var score = QueryCase.score(w.cases, engine);
      var latency = Latency.measure(engine, w.queries, warmup, measure, null);
      table.add(new Row(engine.name(), size, latency, score));
      progress("  %s", table.get(table.size() - 1).summary());
    }
    // --- pg_trgm peer ------------------------------------------------------------------------
    Files.createDirectories(work);
    List<String> databases = new ArrayList<>();
    String pgDescription;
    ImportBench.Result imports;
    progress("starting PostgreSQL (%s)", System.getenv("KONTAK_PG_URL") == null ? "embedded" : "KONTAK_PG_URL");
    try (BenchPostgres pg = BenchPostgres.start(work)) {
      pgDescription = pg.describe();
      databases.add("kontak_bench_peer");
      var peerUrl = pg.freshDatabase("kontak_bench_peer");
      for (var size : List.of(new Size("real", w.real), new Size(rows / 1000 + "k", w.big))) {
        String peerTable = "peer_" + size.label;
        long l0 = System.nanoTime();
        try (Connection c = BenchPostgres.connect(peerUrl)) {
          TrgmPeer.load(c, peerTable, size.rows);
        }
        double load = (System.nanoTime() - l0) / 1e9;
        try (TrgmPeer peer = TrgmPeer.open("PostgreSQL pg_trgm", BenchPostgres.connect(peerUrl), peerTable)) {
          int pid = peer.backendPid();
          LongSupplier serverCpu = BenchPostgres.processCpuNanos(pid) >= 0
              ? () -> BenchPostgres.processCpuNanos(pid) : null;
          progress("pg_trgm, %s registry (%d rows, loaded and indexed in %.1f s): accuracy, then latency",
              size.label, size.rows.size(), load);
          var score = QueryCase.score(w.cases, peer);
          var latency = Latency.measure(peer, w.queries, warmup, measure, serverCpu);
          table.add(new Row("PostgreSQL pg_trgm", size, latency, score));
          progress("  %s", table.get(table.size() - 1).summary());
        }
      }
      // --- import and activate -------------------------------------------------------------
      progress("import and activate of the %d-row file through RegistryService.importFile, %d runs",
          w.big.size(), importRuns);
      imports = ImportBench.run(pg, w.realFile, w.bigFile, importRuns, databases);
      pg.drop(databases);
    }

    // --- the table -------------------------------------------------------------------------
    line("- PostgreSQL: " + pgDescription + "; the pg_trgm client uses one connection (one thread); "
        + "the server's CPU is the backend's, read from /proc");
    line("");
    line("| engine | registry | p50 | p99 | p99.9 | max | ops/s (1 thread) | client CPU/op | server CPU/op "
        + "| top-1 | verdict allowed | false legal |");
    line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Row r : table) {
      line(String.format(Locale.ROOT, "| %s | %s (%,d rows) | %s | %s | %s | %s | %,.0f | %.0f µs | %s | %.1f%% | %.1f%% | %d |",
          r.engine, r.size.label, r.size.rows.size(), micros(r.latency.p50()), micros(r.latency.p99()),
          micros(r.latency.p999()), micros(r.latency.max()), r.latency.opsPerSecond(),
          r.latency.clientCpuMicrosPerOp(),
          Double.isNaN(r.latency.serverCpuMicrosPerOp()) ? "n/a"
              : String.format(Locale.ROOT, "%.0f µs", r.latency.serverCpuMicrosPerOp()),
          100 * r.score.top1Rate(), 100 * r.score.verdictRate(), r.score.falseLegal()));
    }
    line("");
    line(String.format(Locale.ROOT, "Import and activate, %,d rows (RegistryService.importFile: parse + "
            + "store in Postgres + diff + index build + activate), runs: %s s; median **%.2f s**. "
            + "The steps one at a time: parse %.2f s, store + diff in Postgres %.2f s, index build %.2f s, "
            + "activate %.2f s.",
        imports.rows(), imports.seconds().stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(),
        imports.median(), imports.parseSeconds(), imports.storeSeconds(), imports.buildSeconds(),
        imports.activateSeconds()));
    line("");

    Row kReal = table.get(0);
    Row kBig = table.get(1);
    Row pReal = table.get(2);
    Row pBig = table.get(3);
    line("| target | measured | result |");
    line("|---|---|---|");
    target("lookup p99 ≤ 2 ms at " + rows / 1000 + "k rows", micros(kBig.latency.p99()),
        kBig.latency.p99() <= 2_000_000);
    target("top-1 ≥ 95% with zero false legal (real / " + rows / 1000 + "k)",
        String.format(Locale.ROOT, "%.1f%% / %.1f%%, false legal %d / %d", 100 * kReal.score.top1Rate(),
            100 * kBig.score.top1Rate(), kReal.score.falseLegal(), kBig.score.falseLegal()),
        kReal.score.top1Rate() >= 0.95 && kBig.score.top1Rate() >= 0.95
            && kReal.score.falseLegal() == 0 && kBig.score.falseLegal() == 0);
    for (Row[] pair : new Row[][] {{kReal, pReal}, {kBig, pBig}}) {
      Row k = pair[0];
      Row p = pair[1];
      double ratio = k.latency.opsPerSecond() / p.latency.opsPerSecond();
      boolean accuracy = k.score.top1() >= p.score.top1() && k.score.verdictOk() >= p.score.verdictOk()
          && k.score.falseLegal() <= p.score.falseLegal();
      target("≥ 5× pg_trgm throughput at equal or better accuracy (" + k.size.label + ")",
          String.format(Locale.ROOT, "%.1f× (%,.0f vs %,.0f ops/s); top-1 %.1f%% vs %.1f%%, verdict %.1f%% vs %.1f%%, "
                  + "false legal %d vs %d", ratio, k.latency.opsPerSecond(), p.latency.opsPerSecond(),
              100 * k.score.top1Rate(), 100 * p.score.top1Rate(), 100 * k.score.verdictRate(),
              100 * p.score.verdictRate(), k.score.falseLegal(), p.score.falseLegal()),
          ratio >= 5 && accuracy);
    }
    target(rows / 1000 + "k import+activate ≤ 15 s (median of " + imports.seconds().size() + ")",
        String.format(Locale.ROOT, "%.2f s", imports.median()), imports.median() <= 15);
    line("");
    line(String.format(Locale.ROOT, "Bench wall time %.0f s; load average at the end: %s.",
        Duration.between(started, Instant.now()).toMillis() / 1000.0, loadAverage()));

    for (Row r : table) {
      details.append("\n## misses: ").append(r.engine).append(", ").append(r.size.label).append(" (")
          .append(r.score.misses().size()).append(")\n");
      r.score.misses().forEach(m -> details.append("  ").append(m).append('\n'));
    }
    System.out.println();
    System.out.println(report);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.toString());
    Path missesFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + "-misses.txt");
    Files.writeString(missesFile, details.toString());
    System.out.println("written: " + out + " (misses per engine: " + missesFile + ")");
  }

  private record Size(String label, List<Institution> rows) {
  }

  private record Row(String engine, Size size, Latency.Result latency, QueryCase.Score score) {
    String summary() {
      return String.format(Locale.ROOT, "p50 %s p99 %s p99.9 %s, %,.0f ops/s (%d calls, client %.2f cores); "
              + "top-1 %.1f%%, verdict %.1f%%, false legal %d", micros(latency.p50()), micros(latency.p99()),
          micros(latency.p999()), latency.opsPerSecond(), latency.ops(), latency.clientCores(),
          100 * score.top1Rate(), 100 * score.verdictRate(), score.falseLegal());
    }
  }

  private void target(String what, String measured, boolean pass) {
    line("| " + what + " | " + measured + " | " + (pass ? "**PASS**" : "**FAIL**") + " |");
  }

  static String micros(long nanos) {
    if (nanos >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
  }

  private void line(String s) {
    report.append(s).append('\n');
  }

  private static void progress(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }

  private static String machine() {
    var runtime = ManagementFactory.getRuntimeMXBean();
    String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList().toString();
    return String.format(Locale.ROOT, "- machine: %d cores (%s), %s %s; JDK %s (%s); heap max %d MB; GC %s; "
            + "load average at start: %s",
        Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.runtime.version"), runtime.getVmName(),
        Runtime.getRuntime().maxMemory() >> 20, gc, loadAverage());
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "n/a";
    }
  }
}
