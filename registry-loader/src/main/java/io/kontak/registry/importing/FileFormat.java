package io.kontak.registry.importing;

import java.util.Locale;
import java.util.Optional;

/** The two registry import formats (DESIGN.md "Registry import format"). */
public enum FileFormat {
  JSON_LINES("application/x-ndjson"),
  CSV("text/csv");

  private final String mediaType;

  FileFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** From a Content-Type header ("text/csv; charset=utf-8" included). */
  public static Optional<FileFormat> fromContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines" ->
          Optional.of(JSON_LINES);
      case "text/csv", "application/csv" -> Optional.of(CSV);
      default -> Optional.empty();
    };
  }

  /** From a file name's extension. */
  public static Optional<FileFormat> fromFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return Optional.of(JSON_LINES);
    }
    if (lower.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    return Optional.empty();
  }
}
