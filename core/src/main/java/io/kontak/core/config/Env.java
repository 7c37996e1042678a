package io.kontak.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables with defaults; a malformed value fails fast with its name. */
final class Env {
  private final Map<String, String> env;

  Env(Map<String, String> env) {
    this.env = env;
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  String string(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  int integer(String name, int fallback) {
    return optional(name).map(v -> parse(name, v, Integer::parseInt)).orElse(fallback);
  }

  long longValue(String name, long fallback) {
    return optional(name).map(v -> parse(name, v, Long::parseLong)).orElse(fallback);
  }

  boolean bool(String name, boolean fallback) {
    return optional(name).map(v -> switch (v.toLowerCase()) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, was '" + v + "'");
    }).orElse(fallback);
  }

  List<String> list(String name, List<String> fallback) {
    return optional(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(fallback);
  }

  private interface Parser<T> {
    T parse(String value);
  }

  private static <T> T parse(String name, String value, Parser<T> parser) {
    try {
      return parser.parse(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
    }
  }
}
