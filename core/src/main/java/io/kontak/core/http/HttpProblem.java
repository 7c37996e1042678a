package io.kontak.core.http;

import io.vertx.core.json.JsonObject;

/** A failure that already knows its HTTP status and JSON body (e.g. 422 with the import errors). */
public class HttpProblem extends RuntimeException {
  private final int status;
  private final JsonObject body;

  public HttpProblem(int status, JsonObject body) {
    super(body.encode(), null, false, false);
    this.status = status;
    this.body = body;
  }

  public HttpProblem(int status, String message) {
    this(status, new JsonObject().put("error", message));
  }

  public int status() {
    return status;
  }

  public JsonObject body() {
    return body;
  }
}
