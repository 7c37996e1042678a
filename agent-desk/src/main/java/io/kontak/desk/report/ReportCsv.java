package io.kontak.desk.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The report as CSV, one figure a line: {@code breakdown,key,metric,value} (e.g.
 * {@code by_language,id,bot_resolution_rate,0.8}), so a spreadsheet pivots it whatever fields are
 * added later. Keys are languages, intents, reasons, hours and dates: never free text from citizens.
 */
final class ReportCsv {
  static final String HEADER = "breakdown,key,metric,value\n";

  private ReportCsv() {
  }

  static String of(JsonObject report) {
    StringBuilder out = new StringBuilder(HEADER);
    for (Map.Entry<String, Object> entry : report) {
      String name = entry.getKey();
      switch (entry.getValue()) {
        case JsonObject group when "volume".equals(name) -> volume(out, group);
        case JsonObject group when isKeyed(group) -> group.forEach(keyed ->
            metrics(out, name, keyed.getKey(), (JsonObject) keyed.getValue()));
        case JsonObject group when "handoff_reasons".equals(name) -> group.forEach(reason ->
            line(out, name, reason.getKey(), "handed_off", reason.getValue()));
        case JsonObject group -> metrics(out, name, "", group);
        case null -> line(out, "total", "", name, null);
        default -> line(out, "total", "", name, entry.getValue());
      }
    }
    return out.toString();
  }

  private static boolean isKeyed(JsonObject group) {
    return !group.isEmpty() && group.stream().allMatch(e -> e.getValue() instanceof JsonObject);
  }

  private static void metrics(StringBuilder out, String breakdown, String key, JsonObject figures) {
    figures.forEach(figure -> line(out, breakdown, key, figure.getKey(), figure.getValue()));
  }

  private static void volume(StringBuilder out, JsonObject volume) {
    for (Object hour : volume.getJsonArray("by_hour", new JsonArray())) {
      JsonObject h = (JsonObject) hour;
      line(out, "volume_by_hour", String.valueOf(h.getInteger("hour")), "conversations", h.getValue("conversations"));
    }
    for (Object day : volume.getJsonArray("by_day", new JsonArray())) {
      JsonObject d = (JsonObject) day;
      line(out, "volume_by_day", d.getString("date"), "conversations", d.getValue("conversations"));
    }
  }

  private static void line(StringBuilder out, String breakdown, String key, String metric, Object value) {
    out.append(cell(breakdown)).append(',').append(cell(key)).append(',').append(cell(metric)).append(',')
        .append(value == null ? "" : cell(String.valueOf(value))).append('\n');
  }

  /** Quotes a cell that needs it, and defuses spreadsheet formulas (a key could start with =, +, - or @). */
  private static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
