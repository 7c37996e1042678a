package io.kontak.desk.routing;

import io.kontak.core.http.HttpProblem;
import io.vertx.core.json.JsonObject;

/** The refusals of routing actions, with the statuses and bodies of the desk contract. */
public final class RoutingProblem {
  private RoutingProblem() {
  }

  public static HttpProblem conflict(String reason) {
    return new HttpProblem(409, new JsonObject().put("error", "conflict").put("reason", reason));
  }

  public static HttpProblem notFound() {
    return new HttpProblem(404, "no such conversation");
  }

  public static HttpProblem unprocessable(String message) {
    return new HttpProblem(422, message);
  }
}
