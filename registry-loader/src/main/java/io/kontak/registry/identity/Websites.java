package io.kontak.registry.identity;

import java.net.IDN;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Website identities from any URL form ("https://www.Foo.co.id/daftar", "foo.co.id", "www.foo.co.id/").
 * The identity is the host without "www."; on hosts shared by many parties (app stores, social
 * networks, link shorteners) it is the app id or the account path instead, since
 * "play.google.com" identifies nobody.
 */
public final class Websites {
  private static final Pattern URL = Pattern.compile(
      "(?i)(?:https?://)?(?:[a-z0-9\\u00a1-\\uffff](?:[a-z0-9\\u00a1-\\uffff-]{0,61}[a-z0-9\\u00a1-\\uffff])?\\.)+"
          + "[a-z\\u00a1-\\uffff]{2,24}(?::\\d{2,5})?(?:[/?#][^\\s;,]*)?");
  private static final Pattern EMAIL_AT = Pattern.compile("@");

  /** Hosts whose first path segment (or {@code id} parameter) names the party. */
  private static final Map<String, String> SHARED_HOSTS = Map.ofEntries(
      Map.entry("play.google.com", "id"), Map.entry("apps.apple.com", "path"),
      Map.entry("instagram.com", "path"), Map.entry("facebook.com", "path"), Map.entry("fb.com", "path"),
      Map.entry("twitter.com", "path"), Map.entry("x.com", "path"), Map.entry("t.me", "path"),
      Map.entry("tiktok.com", "path"), Map.entry("youtube.com", "path"), Map.entry("linktr.ee", "path"),
      Map.entry("bit.ly", "path"), Map.entry("s.id", "path"), Map.entry("wa.me", "path"),
      Map.entry("apkpure.com", "path"), Map.entry("apksos.com", "path"));

  private Websites() {
  }

  /** Every website identity in {@code text} (several URLs may share one cell). */
  public static List<String> extract(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      if (precededByAt(text, m.start())) {
        continue;  // the domain of an e-mail address is not a website mention
      }
      identity(m.group()).ifPresent(id -> {
        if (!out.contains(id)) {
          out.add(id);
        }
      });
    }
    return out;
  }

  /** The spans of {@code text} that are website mentions. */
  public static List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      if (!precededByAt(text, m.start()) && identity(m.group()).isPresent()) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  /** The identity of one URL or domain, if it is one. */
  public static Optional<String> identity(String raw) {
    String candidate = raw.trim();
    if (!candidate.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
      candidate = "http://" + candidate;
    }
    URI uri;
    try {
      uri = URI.create(candidate.replace(" ", "%20"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null || !host.contains(".")) {
      return Optional.empty();
    }
    try {
      host = IDN.toUnicode(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    host = host.replaceFirst("^(www\\d?|m)\\.", "").replaceFirst("\\.$", "");
    String tld = host.substring(host.lastIndexOf('.') + 1);
    if (!tld.chars().allMatch(Character::isLetter) || tld.length() < 2) {
      return Optional.empty();
    }
    String shared = SHARED_HOSTS.get(host);
    if (shared == null) {
      return Optional.of(host);
    }
    String part = "id".equals(shared) ? queryParam(uri.getRawQuery(), "id") : firstSegments(uri.getPath());
    return part == null || part.isBlank() ? Optional.empty() : Optional.of(host + "/" + part.toLowerCase(Locale.ROOT));
  }

  /** The distinctive label of a domain ("danakilat" for "www.danakilat.co.id"), to read it as a name. */
  public static String label(String identity) {
    String host = identity.contains("/") ? identity.substring(identity.indexOf('/') + 1) : identity;
    String[] labels = host.split("[./]");
    String best = labels[0];
    for (String l : labels) {
      if (l.length() > best.length() && !List.of("com", "co", "id", "net", "org", "app").contains(l)) {
        best = l;
      }
    }
    return best;
  }

  private static boolean precededByAt(String text, int start) {
    return start > 0 && EMAIL_AT.matcher(text.substring(start - 1, start)).matches();
  }

  private static String queryParam(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static String firstSegments(String path) {
    if (path == null) {
      return null;
    }
    String trimmed = path.replaceAll("^/+|/+$", "");
    if (trimmed.isEmpty()) {
      return null;
    }
    String[] parts = trimmed.split("/");
    // apps.apple.com/id/app/name/id123: the last segment is the stable app id
    return parts[0].length() <= 3 && parts.length > 1 ? parts[parts.length - 1] : parts[0];
  }
}
