package io.kontak.bench;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.config.ReportsConfig;
import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.desk.report.ConcurrencyDays;
import io.kontak.desk.report.Reports;
import io.kontak.desk.report.ResolutionReport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The resolution report on a year of data: generates {@code --conversations} conversations with
 * outcomes and desk history straight into Postgres (generate_series), then times
 * {@code ResolutionReport} (the route's code, same SQL) for the year and for one month, and what the
 * outcome triggers cost per opened and per closed conversation. Prints a Markdown table.
 *
 * <pre>java -cp kontak-bench.jar io.kontak.bench.ReportsBench [--conversations 1000000] [--runs 30] [--out FILE]
 *     [--keep true] (leave the database) [--reuse true] (time the database an earlier --keep run left)</pre>
 */
public final class ReportsBench {
  static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
  static final int TRIGGER_SAMPLE = 20_000;

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int n = Integer.parseInt(options.getOrDefault("conversations", "1000000"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "30"));
    Path work = Path.of(options.getOrDefault("work", "bench/target/reports-bench"));
    Files.createDirectories(work);
    StringBuilder out = new StringBuilder();
    try (BenchPostgres server = BenchPostgres.start(work)) {
      boolean reuse = options.containsKey("reuse");
      PostgresUrl db = reuse ? server.database("kontak_bench_reports") : server.freshDatabase("kontak_bench_reports");
      Database.migrateBlocking(db);
      List<String> generation = new ArrayList<>(reuse ? List.of("reused the database of an earlier run") : generate(db, n));
      Vertx vertx = Vertx.vertx();
      Pool pool = Database.pool(vertx, db, 4);
      try {
        var settings = KontakConfig.from(Map.of()).reports();
        rollUp(pool, settings, generation);
        String triggers = triggerCost(db, n);
        var report = new ResolutionReport(pool, settings);
        long[] year = time(report, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), runs);
        long[] month = time(report, LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"), runs);
        JsonObject sample = report.compute(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), ZONE).await();
        out.append("| range | conversations in range | runs | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        out.append(row("year 2025", sample.getLong("conversations"), year));
        JsonObject june = report.compute(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"), ZONE).await();
        out.append(row("June 2025", june.getLong("conversations"), month));
        out.append("\nServer: ").append(server.describe()).append("\n\nGeneration (").append(n)
            .append(" conversations):\n\n");
        generation.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\nOutcome triggers (").append(TRIGGER_SAMPLE).append(" conversations, on a table of ").append(n)
            .append("):\n\n").append(triggers).append("\nYear figures: bot_resolution_rate=")
            .append(String.format("%.3f", sample.getDouble("bot_resolution_rate")))
            .append(", registration bot_resolution_rate=")
            .append(String.format("%.3f", sample.getJsonObject("registration").getDouble("bot_resolution_rate")))
            .append(", combined=").append(String.format("%.3f", sample.getDouble("combined_resolution_rate")))
            .append(", agent_concurrency=").append(String.format("%.2f", sample.getDouble("agent_concurrency")))
            .append('\n');
      } finally {
        pool.close().await();
        vertx.close().await();
        if (!options.containsKey("keep")) {
          server.drop(List.of("kontak_bench_reports"));
        }
      }
    }
    System.out.println(out);
    if (options.containsKey("out")) {
      Files.writeString(Path.of(options.get("out")), out.toString());
    }
  }

  /**
   * What a node leaves besides the rows: the outcome rollups (rebuilt when the settings are new, as the
   * trigger was off while generating) and the ended days' concurrency, timed.
   */
  private static void rollUp(Pool pool, ReportsConfig settings, List<String> timings) {
    long start = System.nanoTime();
    boolean on = Reports.configureRollups(pool, ZONE, settings).await();
    timings.add(String.format("%,d ms: rollups configured (%s; rebuilt when the zone or SLA were new)",
        (System.nanoTime() - start) / 1_000_000, on ? "on" : "off"));
    start = System.nanoTime();
    int days = new ConcurrencyDays(pool, ZONE).run().await();
    timings.add(String.format("%,d ms: concurrency of %d ended days kept", (System.nanoTime() - start) / 1_000_000, days));
  }

  private static List<String> generate(PostgresUrl db, int n) throws Exception {
    String script;
    try (InputStream in = ReportsBench.class.getResourceAsStream("/reports-bench-data.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(":n", Integer.toString(n));
    }
    List<String> timings = new ArrayList<>();
    try (Connection c = BenchPostgres.connect(db); Statement s = c.createStatement()) {
      for (String statement : script.split("\n--;\n")) {
        String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
        long start = System.nanoTime();
        s.execute(sql);
        timings.add(String.format("%,d ms: %s", (System.nanoTime() - start) / 1_000_000,
            sql.lines().findFirst().orElse("").replaceAll("\\s+", " ")));
      }
    }
    return timings;
  }

  /**
   * Opens and closes the same number of conversations with the triggers on and off (the bot's own
   * close statement, plus the two columns the trigger would fill when it is off), on the full table:
   * the difference is what completing outcomes costs.
   */
  private static String triggerCost(PostgresUrl db, int n) throws Exception {
    StringBuilder out = new StringBuilder("| triggers | open, µs per conversation | close, µs per conversation |\n|---|---|---|\n");
    try (Connection c = BenchPostgres.connect(db); Statement s = c.createStatement()) {
      for (boolean on : new boolean[] {true, false, true, false}) {
        s.execute("SET session_replication_role = " + (on ? "origin" : "replica"));
        long start = System.nanoTime();
        s.execute("""
            INSERT INTO conversation (citizen, language, intents, bot_answers)
            SELECT 'wa:6299' || lpad(g::text, 8, '0') || '%s', 'id', '["faq.contact"]', 1
              FROM generate_series(1, %d) g""".formatted(on ? "a" : "b", TRIGGER_SAMPLE));
        long opened = System.nanoTime() - start;
        start = System.nanoTime();
        s.execute("""
            WITH closed AS (
              UPDATE conversation SET status = 'closed', closed_at = now()
               WHERE status = 'bot' AND citizen LIKE 'wa:6299%%'
              RETURNING id, citizen, intents, handoff_reason, opened_at, queued_at, assigned_at, closed_at, language)
            INSERT INTO conversation_outcome (conversation_id, citizen, outcome, first_intent, handoff_reason,
                                              wait_seconds, handle_seconds, closed_at, language, opened_at)
            SELECT id, citizen, 'resolved_by_bot', intents->>0, handoff_reason, NULL,
                   extract(epoch FROM closed_at - opened_at)::int, closed_at, language, opened_at
              FROM closed""");
        long closed = System.nanoTime() - start;
        out.append(String.format("| %s | %.1f | %.1f |%n", on ? "on" : "off", opened / 1e3 / TRIGGER_SAMPLE,
            closed / 1e3 / TRIGGER_SAMPLE));
        s.execute("DELETE FROM conversation_outcome WHERE citizen LIKE 'wa:6299%'");
        s.execute("DELETE FROM conversation WHERE citizen LIKE 'wa:6299%'");
      }
      s.execute("SET session_replication_role = origin");
      s.execute("VACUUM ANALYZE conversation");
      s.execute("VACUUM ANALYZE conversation_outcome");
    }
    return out.toString();
  }

  private static long[] time(ResolutionReport report, LocalDate from, LocalDate to, int runs) {
    for (int i = 0; i < 3; i++) {
      report.compute(from, to, ZONE).await();
    }
    long[] micros = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      report.compute(from, to, ZONE).await();
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(micros);
    return micros;
  }

  private static String row(String name, long conversations, long[] sorted) {
    return String.format("| %s | %,d | %d | %.0f | %.0f | %.0f |%n", name, conversations, sorted.length,
        sorted[sorted.length / 2] / 1e3, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3,
        sorted[sorted.length - 1] / 1e3);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }

  private ReportsBench() {
  }
}
