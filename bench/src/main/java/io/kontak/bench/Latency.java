package io.kontak.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A single-thread closed-loop latency harness: the calling thread cycles through the queries,
 * timing each call with {@link System#nanoTime()}; a warmup phase first (JIT, caches, prepared
 * statements), then a measured phase. Throughput is completed calls per second of the measured
 * phase; percentiles are exact (every call is recorded).
 */
final class Latency {
  private static final int MAX_SAMPLES = 8_000_000;
  private static volatile long sink;

  private Latency() {
  }

  /**
   * @param serverCpuNanos CPU time used so far by the server process serving this client (a
   *                       Postgres backend), or null when there is none
   */
  record Result(long ops, double seconds, long p50, long p99, long p999, long max, double clientCores,
                double clientCpuMicrosPerOp, double serverCpuMicrosPerOp) {
    double opsPerSecond() {
      return ops / seconds;
    }
  }

  static Result measure(Engine engine, List<String> queries, Duration warmup, Duration measure,
                        LongSupplier serverCpuNanos) {
    String[] q = queries.toArray(String[]::new);
    long h = 0;
    int i = 0;
    long warmEnd = System.nanoTime() + warmup.toNanos();
    while (System.nanoTime() < warmEnd) {
      h += engine.lookup(q[i]).ids().size();
      i = i + 1 == q.length ? 0 : i + 1;
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] samples = new long[MAX_SAMPLES];
    int n = 0;
    long cpu0 = os.getProcessCpuTime();
    long server0 = serverCpuNanos == null ? 0 : serverCpuNanos.getAsLong();
    long start = System.nanoTime();
    long end = start + measure.toNanos();
    long now = start;
    while (now < end && n < MAX_SAMPLES) {
      long t0 = now;
      Answer a = engine.lookup(q[i]);
      now = System.nanoTime();
      samples[n++] = now - t0;
      h += a.ids().size() + a.verdict().length();
      i = i + 1 == q.length ? 0 : i + 1;
    }
    double seconds = (now - start) / 1e9;
    long cpu = os.getProcessCpuTime() - cpu0;
    long server = serverCpuNanos == null ? -1 : serverCpuNanos.getAsLong() - server0;
    sink = h;
    long[] sorted = Arrays.copyOf(samples, n);
    Arrays.sort(sorted);
    return new Result(n, seconds, pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999), sorted[n - 1],
        cpu / 1e9 / seconds, cpu / 1e3 / n, server < 0 ? Double.NaN : server / 1e3 / n);
  }

  private static long pct(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static long sink() {
    return sink;
  }
}
