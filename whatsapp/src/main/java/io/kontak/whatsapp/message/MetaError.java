package io.kontak.whatsapp.message;

import java.util.Optional;

/**
 * An error object as Meta reports it in webhooks ({@code messages[].errors}, {@code statuses[].errors},
 * {@code value.errors}): e.g. 131051 for an unsupported message type, 131047 for a closed 24-hour window.
 */
public record MetaError(int code, String title, String message, Optional<String> details) {
  public MetaError {
    title = title == null ? "" : title;
    message = message == null ? "" : message;
    details = details == null ? Optional.empty() : details;
  }

  @Override
  public String toString() {
    return code + " " + (title.isEmpty() ? message : title) + details.map(d -> " (" + d + ")").orElse("");
  }
}
