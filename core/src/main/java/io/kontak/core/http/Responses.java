package io.kontak.core.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The few ways a route ends: JSON with a status, or an error object {@code {"error": "..."}}. */
public final class Responses {
  public static final String JSON = "application/json; charset=utf-8";

  private Responses() {
  }

  public static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
    return ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }

  public static Future<Void> json(RoutingContext ctx, int status, JsonArray body) {
    return ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }

  public static Future<Void> error(RoutingContext ctx, int status, String message) {
    return json(ctx, status, new JsonObject().put("error", message));
  }

  /** Maps a failed future to its status: an {@link HttpProblem} keeps its own, anything else is a 500. */
  public static void fail(RoutingContext ctx, Throwable failure) {
    if (ctx.response().ended()) {
      return;
    }
    if (failure instanceof HttpProblem problem) {
      json(ctx, problem.status(), problem.body());
    } else {
      ctx.fail(500, failure);
    }
  }
}
