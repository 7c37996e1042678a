package io.kontak.desk.report;

import io.kontak.core.http.HttpProblem;
import io.kontak.core.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * {@code /api/reports}: {@code GET /resolution?from=&to=} as JSON, {@code ?format=csv} or
 * {@code GET /resolution.csv} as CSV; {@code GET /live}: today's live counters (as on {@code /metrics}). For supervisors and the staff token: {@code authenticate}
 * answers 401 itself, a signed-in caller who does not supervise gets 403.
 */
public final class ReportRoutes {
  public static final String PREFIX = "/api/reports";
  private final ResolutionReport report;
  private final LiveCounters live;
  private final Handler<RoutingContext> authenticate;
  private final Predicate<RoutingContext> supervises;
  private final ZoneId zone;
  private final Clock clock;

  public ReportRoutes(ResolutionReport report, LiveCounters live, Handler<RoutingContext> authenticate,
                      Predicate<RoutingContext> supervises, ZoneId zone, Clock clock) {
    this.report = report;
    this.live = live;
    this.authenticate = authenticate;
    this.supervises = supervises;
    this.zone = zone;
    this.clock = clock;
  }

  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(authenticate);
    router.route().handler(this::supervisorsOnly);
    router.get("/resolution").handler(ctx -> resolution(ctx, "csv".equals(ctx.request().getParam("format"))));
    router.get("/resolution.csv").handler(ctx -> resolution(ctx, true));
    router.get("/live").handler(ctx -> Responses.json(ctx, 200, live.snapshot()));
    return router;
  }

  private void supervisorsOnly(RoutingContext ctx) {
    if (supervises.test(ctx)) {
      ctx.next();
    } else {
      Responses.error(ctx, 403, "reports are for supervisors");
    }
  }

  private void resolution(RoutingContext ctx, boolean csv) {
    ReportRange range;
    try {
      range = ReportRange.parse(ctx.request().getParam("from"), ctx.request().getParam("to"), zone,
          LocalDate.now(clock.withZone(zone)));
    } catch (HttpProblem problem) {
      Responses.fail(ctx, problem);
      return;
    }
    report.compute(range)
        .compose(figures -> csv ? sendCsv(ctx, range, ReportCsv.of(figures)) : Responses.json(ctx, 200, figures))
        .onFailure(failure -> Responses.fail(ctx, failure));
  }

  private static Future<Void> sendCsv(RoutingContext ctx, ReportRange range, String body) {
    return ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition",
            "attachment; filename=\"resolution-" + range.from() + "-" + range.to() + ".csv\"")
        .end(body);
  }
}
