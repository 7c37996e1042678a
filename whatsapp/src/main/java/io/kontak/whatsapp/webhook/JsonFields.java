package io.kontak.whatsapp.webhook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Type-tolerant reads of Meta's JSON: a field of an unexpected type reads as absent, never throws. */
final class JsonFields {
  private JsonFields() {
  }

  /** A string, or a number written as text (Meta sends ids and timestamps as strings, fixtures sometimes as numbers). */
  static String text(JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    Object v = o.getValue(key);
    return v instanceof String s ? s : v instanceof Number n ? numberText(n) : null;
  }

  static Optional<String> optText(JsonObject o, String key) {
    return Optional.ofNullable(text(o, key)).filter(s -> !s.isEmpty());
  }

  static JsonObject object(JsonObject o, String key) {
    return o != null && o.getValue(key) instanceof JsonObject j ? j : null;
  }

  static JsonArray array(JsonObject o, String key) {
    return o != null && o.getValue(key) instanceof JsonArray a ? a : null;
  }

  static JsonObject objectAt(JsonArray a, int i) {
    return a.getValue(i) instanceof JsonObject j ? j : null;
  }

  static boolean bool(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v instanceof Boolean b ? b : v instanceof String s && Boolean.parseBoolean(s);
  }

  static Integer integer(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A coordinate as a number or a numeric string; NaN when absent or not a number. */
  static double decimal(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static String numberText(Number n) {
    return n instanceof Double || n instanceof Float ? n.toString() : Long.toString(n.longValue());
  }
}
