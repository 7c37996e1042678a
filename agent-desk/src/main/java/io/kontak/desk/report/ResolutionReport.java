package io.kontak.desk.report;

import io.kontak.core.config.ReportsConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of {@code GET /api/reports/resolution} (definitions in README, "Reports"): four
 * statements (figures, percentiles, volume, concurrency) run side by side on the pool, assembled into the
 * contract's JSON; read from the rollups (V410) when they fit the range's zone, live otherwise.
 * Aggregates only: no citizen identifier ever leaves this class.
 */
public final class ResolutionReport {
  private static final JsonObject NO_PERCENTILES = new JsonObject().put("p50", null).put("p90", null);
  private final Pool pool;
  private final ReportsConfig config;

  public ResolutionReport(Pool pool, ReportsConfig config) {
    this.pool = pool;
    this.config = config;
  }

  /** The report for days {@code from} to {@code to} (inclusive) in {@code zone}. */
  public Future<JsonObject> compute(LocalDate from, LocalDate to, ZoneId zone) {
    return compute(new ReportRange(from, to, zone));
  }

  /**
   * From the rollups when they were counted in this zone with these settings (a year in milliseconds,
   * bench/RESULTS-reports.md), otherwise live from the outcome and event tables: the same figures.
   */
  Future<JsonObject> compute(ReportRange range) {
    return pool.preparedQuery(ReportSql.ROLLUP_USABLE)
        .execute(Tuple.of(range.zone().getId(), (double) config.sla().toSeconds(), slaIntents()))
        .compose(rows -> rows.iterator().hasNext() && rows.iterator().next().getBoolean("usable")
            ? fromRollups(range) : live(range));
  }

  /** Every figure read from the outcome and event tables themselves. */
  Future<JsonObject> live(ReportRange range) {
    Future<RowSet<Row>> figures = run(ReportSql.FIGURES, Tuple.of(range.startInstant(), range.endInstant(),
        (double) config.sla().toSeconds(), slaIntents()));
    Tuple bounds = Tuple.of(range.startInstant(), range.endInstant());
    Future<RowSet<Row>> percentiles = run(ReportSql.PERCENTILES, bounds);
    Future<RowSet<Row>> volume = run(ReportSql.VOLUME, bounds);
    Future<RowSet<Row>> concurrency = run(ReportSql.CONCURRENCY, bounds);
    return Future.all(figures, percentiles, volume, concurrency)
        .map(done -> assemble(range, figures.result(), percentiles.result(), quarters(range, volume.result()),
            concurrency.result().iterator().next()));
  }

  /**
   * Counts, sums and volume from the daily rollups, concurrency from kept days plus a live tail; the
   * percentiles stay exact, read from the handed-off conversations' covering index (a fifth of the
   * rows: a year in about 0.1 s, so no approximate histograms are needed).
   */
  private Future<JsonObject> fromRollups(ReportRange range) {
    Tuple days = Tuple.of(range.from(), range.to());
    Future<RowSet<Row>> figures = run(ReportSql.FIGURES_ROLLUP, days);
    Future<RowSet<Row>> percentiles = run(ReportSql.PERCENTILES, Tuple.of(range.startInstant(), range.endInstant()));
    Future<RowSet<Row>> volume = run(ReportSql.VOLUME_ROLLUP, days);
    Future<RowSet<Row>> concurrency = run(ReportSql.CONCURRENCY_ROLLUP, Tuple.of(range.startInstant(),
        range.endInstant(), range.zone().getId(), range.from(), range.to()));
    return Future.all(figures, percentiles, volume, concurrency)
        .map(done -> assemble(range, figures.result(), percentiles.result(), hours(range, volume.result()),
            concurrency.result().iterator().next()));
  }

  private String[] slaIntents() {
    return config.slaIntents().toArray(String[]::new);
  }

  /** One statement in its own read-only transaction, with the report's planner settings. */
  private Future<RowSet<Row>> run(String statement, Tuple arguments) {
    return pool.withTransaction(conn -> conn.query(ReportSql.SETTINGS).execute()
        .compose(set -> conn.preparedQuery(statement).execute(arguments)));
  }

  private JsonObject assemble(ReportRange range, RowSet<Row> figures, RowSet<Row> distributions, JsonObject volume,
                              Row concurrency) {
    JsonObject report = new JsonObject()
        .put("from", range.from().toString()).put("to", range.to().toString())
        .put("timezone", range.zone().getId())
        .put("reopen_window_seconds", config.reopenWindow().toSeconds());
    Map<String, JsonObject> byLanguage = new TreeMap<>();
    Map<String, JsonObject> byIntent = new TreeMap<>();
    Map<String, Long> reasons = new TreeMap<>();
    JsonObject registration = counts(null);
    JsonObject total = counts(null);
    Row totalRow = null;
    for (Row row : figures) {
      String key = row.getString("key");
      switch (row.getString("dimension")) {
        case "total" -> {
          totalRow = row;
          total = counts(row);
        }
        case "language" -> byLanguage.put(key, counts(row));
        case "intent" -> byIntent.put(key, counts(row));
        case "registration" -> {
          if ("true".equals(key)) {
            registration = counts(row);
          }
        }
        case "handoff_reason" -> {
          if (key != null) {
            reasons.put(key, row.getLong("handed_off"));
          }
        }
        default -> throw new IllegalStateException("unknown dimension " + row.getString("dimension"));
      }
    }
    Map<String, JsonObject> percentiles = new TreeMap<>();
    for (Row row : distributions) {
      percentiles.put(row.getString("kind"),
          new JsonObject().put("p50", row.getInteger("p50")).put("p90", row.getInteger("p90")));
    }
    report.mergeIn(total)
        .put("registration", registration)
        .put("by_language", new JsonObject(Map.copyOf(byLanguage)))
        .put("by_intent", new JsonObject(Map.copyOf(byIntent)))
        .put("handoff_reasons", new JsonObject(Map.copyOf(reasons)));
    report.put("queue_wait_seconds", percentiles.getOrDefault("queue_wait", NO_PERCENTILES.copy()))
        .put("first_response_seconds", percentiles.getOrDefault("first_response", NO_PERCENTILES.copy()))
        .put("handle_seconds", percentiles.getOrDefault("handle", NO_PERCENTILES.copy())
            .put("average", totalRow == null ? null : totalRow.getDouble("handle_average")))
        .put("agent_concurrency", ratio(concurrency.getDouble("chat_seconds"), concurrency.getDouble("working_seconds")))
        .put("csat", csat(totalRow))
        .put("nps", nps(totalRow))
        .put("sla", sla(totalRow))
        .put("volume", volume);
    return report;
  }

  /** The counts and rates every breakdown repeats (zeros for an empty group). */
  private static JsonObject counts(Row row) {
    long conversations = value(row, "conversations");
    long enteredBot = value(row, "entered_bot");
    long resolvedByBot = value(row, "resolved_by_bot");
    long resolvedByAgent = value(row, "resolved_by_agent");
    long abandoned = value(row, "abandoned");
    return new JsonObject()
        .put("conversations", conversations)
        .put("entered_bot", enteredBot)
        .put("resolved_by_bot", resolvedByBot)
        .put("bot_resolution_rate", ratio(resolvedByBot, enteredBot))
        .put("handed_off", value(row, "handed_off"))
        .put("handoff_rate", ratio(value(row, "handed_off_by_bot"), enteredBot))
        .put("resolved_by_agent", resolvedByAgent)
        .put("combined_resolution_rate", ratio(resolvedByBot + resolvedByAgent, conversations))
        .put("abandoned", abandoned)
        .put("abandonment_rate", ratio(abandoned, conversations))
        .put("abandoned_after_handoff", value(row, "abandoned_after_handoff"))
        .put("reopened", value(row, "reopened"));
  }

  private static JsonObject csat(Row row) {
    long answers = value(row, "csat_answers");
    return new JsonObject().put("answers", answers)
        .put("average", answers == 0 ? null : row.getDouble("csat_average"))
        .put("satisfied_share", ratio(value(row, "csat_satisfied"), answers));
  }

  private static JsonObject nps(Row row) {
    long answers = value(row, "nps_answers");
    long promoters = value(row, "promoters");
    long detractors = value(row, "detractors");
    return new JsonObject().put("answers", answers)
        .put("score", answers == 0 ? null : 100.0 * (promoters - detractors) / answers)
        .put("promoters", promoters).put("passives", answers - promoters - detractors).put("detractors", detractors);
  }

  private JsonObject sla(Row row) {
    long cases = value(row, "sla_cases");
    long met = value(row, "sla_met");
    return new JsonObject().put("hours", config.sla().toHours()).put("cases", cases).put("within_sla", met)
        .put("share", ratio(met, cases));
  }

  /** Quarters of an hour, as local hours of the day and local days. */
  private static JsonObject quarters(ReportRange range, RowSet<Row> rows) {
    Volume volume = new Volume(range);
    for (Row row : rows) {
      ZonedDateTime local = row.getOffsetDateTime("quarter").atZoneSameInstant(range.zone());
      volume.add(local.toLocalDate(), local.getHour(), row.getLong("n"));
    }
    return volume.json();
  }

  /** Local days and hours as the rollup keeps them. */
  private static JsonObject hours(ReportRange range, RowSet<Row> rows) {
    Volume volume = new Volume(range);
    for (Row row : rows) {
      volume.add(row.getLocalDate("day"), row.getInteger("hour"), row.getLong("n"));
    }
    return volume.json();
  }

  /** Conversations by local hour of the day and by day (every day of the range, zeros included). */
  private static final class Volume {
    private final long[] byHour = new long[24];
    private final Map<LocalDate, Long> byDay = new TreeMap<>();

    Volume(ReportRange range) {
      for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
        byDay.put(d, 0L);
      }
    }

    void add(LocalDate day, int hour, long n) {
      byHour[hour] += n;
      byDay.merge(day, n, Long::sum);
    }

    JsonObject json() {
      JsonArray hours = new JsonArray();
      for (int h = 0; h < 24; h++) {
        hours.add(new JsonObject().put("hour", h).put("conversations", byHour[h]));
      }
      JsonArray days = new JsonArray();
      byDay.forEach((day, n) -> days.add(new JsonObject().put("date", day.toString()).put("conversations", n)));
      return new JsonObject().put("by_hour", hours).put("by_day", days);
    }
  }

  /** A count; 0 without a row or when the range was empty (the grand total of nothing is a row of nulls). */
  private static long value(Row row, String column) {
    Long value = row == null ? null : row.getLong(column);
    return value == null ? 0 : value;
  }

  /** A rate in [0, 1]; 0 when nothing was counted (a rate of nothing is no success). */
  private static double ratio(double part, double whole) {
    return whole <= 0 ? 0.0 : part / whole;
  }
}
