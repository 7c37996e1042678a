package io.kontak.whatsapp.graph;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Optional;

/** How fetching one media file from the Graph API ended. */
public sealed interface MediaFetch {

  /** The file, with what Meta's media answer said about it ({@code sha256} as Meta spelled it). */
  record Fetched(Buffer bytes, Optional<String> mimeType, Optional<String> sha256) implements MediaFetch {
  }

  /** Worth another attempt later: throttling, a 5xx, no answer, or a download link that lapsed. */
  record Retry(String detail, Optional<Duration> retryAfter) implements MediaFetch {
  }

  /**
   * Never going to succeed: {@code reason} is {@code expired} (Meta no longer has it),
   * {@code too_large} or {@code rejected} (any other refusal).
   */
  record Failed(String reason, String detail) implements MediaFetch {
  }
}
