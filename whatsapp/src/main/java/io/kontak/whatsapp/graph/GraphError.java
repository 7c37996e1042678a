package io.kontak.whatsapp.graph;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * An error answer of the Graph API:
 * {@code {"error": {"message", "type", "code", "error_subcode", "error_data": {"details"}, "fbtrace_id"}}}.
 *
 * @param code Meta's error code, -1 when the body had none (e.g. an HTML 502 from a proxy)
 */
public record GraphError(int httpStatus, int code, String type, String message, Optional<String> details,
                         Optional<String> fbtraceId, Optional<Duration> retryAfter) {

  public ErrorClass errorClass() {
    return ErrorClass.of(httpStatus, code);
  }

  static GraphError parse(int httpStatus, String body, String retryAfterHeader) {
    JsonObject error = null;
    try {
      JsonObject json = body == null || body.isBlank() ? null : new JsonObject(body);
      error = json != null && json.getValue("error") instanceof JsonObject e ? e : null;
    } catch (RuntimeException notJson) {
      // a proxy's HTML page or an empty body: classified by the HTTP status
    }
    int code = -1;
    if (error != null && error.getValue("code") instanceof Number n) {
      code = n.intValue();
    }
    String message = error != null && error.getValue("message") instanceof String m ? m : "HTTP " + httpStatus;
    String type = error != null && error.getValue("type") instanceof String t ? t : "";
    JsonObject data = error != null && error.getValue("error_data") instanceof JsonObject d ? d : null;
    Optional<String> details = Optional.ofNullable(data != null && data.getValue("details") instanceof String s ? s : null);
    Optional<String> trace = Optional.ofNullable(error != null && error.getValue("fbtrace_id") instanceof String s ? s : null);
    return new GraphError(httpStatus, code, type, message, details, trace, retryAfter(retryAfterHeader));
  }

  private static Optional<Duration> retryAfter(String header) {
    try {
      return header == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return code + " " + message + details.map(d -> " (" + d + ")").orElse("") + " [HTTP " + httpStatus + "]";
  }
}
