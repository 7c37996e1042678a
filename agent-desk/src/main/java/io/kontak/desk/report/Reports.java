package io.kontak.desk.report;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.config.ReportsConfig;
import io.kontak.core.http.Mount;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The reports feature of a node: its route, its metrics, the retention job, the concurrency days.
 * At start it writes the reopen window where the database's outcome triggers read it (V400) and the
 * zone and SLA the rollups are counted with (V410: rebuilt when they changed).
 */
public final class Reports {
  static final String SET_REOPEN_WINDOW = "UPDATE report_setting SET reopen_window = make_interval(secs => $1)";

  private final ReportRoutes routes;
  private final LiveCounters counters;
  private final RetentionJob retention;

  private Reports(ReportRoutes routes, LiveCounters counters, RetentionJob retention) {
    this.routes = routes;
    this.counters = counters;
    this.retention = retention;
  }

  /**
   * Deploys the retention job and the live counters ({@code deployed} receives their ids, for the
   * node to undeploy); {@code authenticate} answers 401 to anonymous callers, {@code supervises}
   * tells a supervisor or the staff token from anyone else.
   */
  public static Future<Reports> start(Vertx vertx, Pool pool, KontakConfig config, Handler<RoutingContext> authenticate,
                                      Predicate<RoutingContext> supervises, Consumer<String> deployed) {
    var settings = config.reports();
    ZoneId zone = config.desk().timezone();
    Clock clock = Clock.systemUTC();
    var counters = new LiveCounters(pool, zone, settings.metricsEvery(), clock);
    var reports = new Reports(
        new ReportRoutes(new ResolutionReport(pool, settings), counters, authenticate, supervises, zone, clock),
        counters,
        new RetentionJob(pool, settings.retention(), settings.retentionEvery(), clock));
    return pool.preparedQuery(SET_REOPEN_WINDOW).execute(Tuple.of((double) settings.reopenWindow().toSeconds()))
        .compose(set -> configureRollups(pool, zone, settings))
        .compose(rollups -> rollups
            ? vertx.deployVerticle(new ConcurrencyDays(pool, zone)).onSuccess(deployed::accept).mapEmpty()
            : Future.succeededFuture())
        .compose(none -> vertx.deployVerticle(reports.counters)).onSuccess(deployed::accept)
        .compose(id -> vertx.deployVerticle(reports.retention)).onSuccess(deployed::accept)
        .map(reports);
  }

  /**
   * Writes the zone and SLA the outcome trigger counts the rollups with, rebuilding them when these
   * changed (seconds on a million outcomes, only then); false when Postgres does not know the zone
   * (then there are no rollups and reports read live).
   */
  public static Future<Boolean> configureRollups(Pool pool, ZoneId zone, ReportsConfig settings) {
    return pool.preparedQuery(ReportSql.CONFIGURE_ROLLUP)
        .execute(Tuple.of(zone.getId(), (double) settings.sla().toSeconds(), settings.slaIntents().toArray(String[]::new)))
        .map(rows -> rows.iterator().next().getBoolean("rollups"));
  }

  /** {@code /api/reports}, and {@code /vendor/echarts/} (the dashboard's charting library, from its WebJar). */
  public List<Mount> mounts() {
    return List.of(new Mount(ReportRoutes.PREFIX, routes::router), new Mount(VENDOR, Reports::vendor));
  }

  static final String VENDOR = "/vendor";

  private static Router vendor(Vertx vertx) {
    Router router = Router.router(vertx);
    // the handler serves the path below the route's prefix: /vendor/echarts/5.3.1/... from the WebJar's echarts/
    router.get("/echarts/*").handler(StaticHandler.create(FileSystemAccess.RELATIVE, "META-INF/resources/webjars/echarts")
        .setMaxAgeSeconds(86_400));
    return router;
  }

  public MeterBinder metrics() {
    return counters;
  }

  public RetentionJob retention() {
    return retention;
  }
}
