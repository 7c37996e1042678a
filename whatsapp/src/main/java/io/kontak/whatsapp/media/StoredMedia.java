package io.kontak.whatsapp.media;

import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/** A citizen's media file as the node has it: fetched, still to fetch, given up, or not a media message. */
public sealed interface StoredMedia {

  /** The file, as Meta served it ({@code mimeType} as Meta declared it: check before trusting it). */
  record Ready(String kind, String mimeType, Optional<String> filename, Buffer bytes) implements StoredMedia {
  }

  /** Not fetched yet (or being fetched, or waiting for a retry). */
  record Pending() implements StoredMedia {
  }

  /** Never going to be there: {@code reason} as in {@code wa_media.failure}. */
  record Failed(String reason) implements StoredMedia {
  }

  /** No media message has this wamid. */
  record Missing() implements StoredMedia {
  }

  /** The state word the desk shows for each: {@code stored}, {@code pending}, {@code failed}, {@code missing}. */
  default String state() {
    return switch (this) {
      case Ready r -> "stored";
      case Pending p -> "pending";
      case Failed f -> "failed";
      case Missing m -> "missing";
    };
  }
}
