package io.kontak.desk.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Response headers for a citizen's file served from the desk's origin, where it must never run as
 * a page: a checked {@code Content-Type} (anything odd becomes {@code application/octet-stream}),
 * inline only for images, audio and video a browser only displays (never SVG or HTML), and a file
 * name that cannot break out of {@code Content-Disposition}.
 */
final class MediaHeaders {
  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
  private static final Set<String> INLINE_IMAGES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");
  private static final String BINARY = "application/octet-stream";
  private static final int NAME_MAX = 120;

  private MediaHeaders() {
  }

  /** Meta's declared type without parameters, if it is a well-formed one. */
  static String contentType(String declared) {
    if (declared == null) {
      return BINARY;
    }
    int semicolon = declared.indexOf(';');
    String type = (semicolon < 0 ? declared : declared.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return TYPE.matcher(type).matches() ? type : BINARY;
  }

  /** Shown in the page (image, sticker, audio, video of a type browsers only display) or saved as a file. */
  static boolean inline(String kind, String contentType) {
    return switch (kind) {
      case "image", "sticker" -> INLINE_IMAGES.contains(contentType);
      case "audio" -> contentType.startsWith("audio/");
      case "video" -> contentType.startsWith("video/");
      default -> false;
    };
  }

  /** {@code inline} or {@code attachment} with the file's name (RFC 6266: an ASCII fallback and the UTF-8 name). */
  static String disposition(boolean inline, String name) {
    String ascii = name.replaceAll("[^\\x20-\\x7e]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /**
   * The citizen's file name without what could point elsewhere or end the header (paths, quotes,
   * control characters), or {@code kind-<id>} when nothing usable is left.
   */
  static String safeName(Optional<String> given, String kind, String wamid) {
    String name = given.orElse("")
        .replaceAll("[\\p{Cntrl}\\\\/\"';:*?<>|]", "_")
        .replaceAll("^[.\\s_]+", "")
        .strip();
    if (name.length() > NAME_MAX) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, NAME_MAX - extension.length()) + extension;
    }
    if (!name.isEmpty()) {
      return name;
    }
    String id = wamid.replaceFirst("^wamid\\.", "").replaceAll("[^A-Za-z0-9]", "");
    return kind + "-" + id.substring(Math.max(0, id.length() - 12));
  }
}
