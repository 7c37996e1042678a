package io.kontak.desk.http;

import io.kontak.core.http.HttpProblem;
import io.kontak.desk.session.Caller;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading requests: JSON bodies, path ids, the caller's rights (each refusal an {@link HttpProblem}). */
final class Requests {
  private Requests() {
  }

  static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new HttpProblem(400, "a JSON object body is required");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new HttpProblem(400, "the body is not a JSON object");
    }
  }

  /** A JSON body, or an empty object when there is none. */
  static JsonObject optionalBody(RoutingContext ctx) {
    return ctx.body().length() == 0 ? new JsonObject() : body(ctx);
  }

  static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new HttpProblem(400, field + ": a non-empty string is required");
    }
    return s;
  }

  static String optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new HttpProblem(400, field + ": must be a string");
    }
    return s.isBlank() ? null : s;
  }

  static long conversation(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("conversation"));
    } catch (NumberFormatException e) {
      throw new HttpProblem(404, "no such conversation");
    }
  }

  static void requireSupervisor(Caller caller) {
    if (!caller.supervises()) {
      throw new HttpProblem(403, "supervisors only");
    }
  }

  static Caller.Member requireMember(Caller caller) {
    if (caller instanceof Caller.Member m) {
      return m;
    }
    throw new HttpProblem(403, "sign in as a desk account");
  }

  static Caller.Member requireChatMember(Caller caller) {
    Caller.Member m = requireMember(caller);
    if (!m.role().takesChats()) {
      throw new HttpProblem(403, "agents and supervisors only");
    }
    return m;
  }
}
