package io.kontak.whatsapp.graph;

import java.util.Optional;

/** How one Graph API request ended. */
public sealed interface GraphResult {

  /** Meta accepted the message (not yet delivered); {@code wamid} is empty for a mark-read. */
  record Accepted(Optional<String> wamid) implements GraphResult {
  }

  /** Meta answered with an error. */
  record Rejected(GraphError error) implements GraphResult {
  }

  /**
   * No answer. {@code neverSent}: the request cannot have reached Meta (no connection), so it is
   * safe to send again; otherwise Meta may have accepted it and sending again could duplicate it.
   */
  record Unreachable(Throwable cause, boolean neverSent) implements GraphResult {
  }
}
