package io.kontak.nlu.entity;

import io.kontak.nlu.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, websites and phone numbers, found by patterns. E-mails first (their domain is
 * not a website), then URLs and bare domains with a known top-level domain ("koinworks.com",
 * "www.danaku.co.id", "https://pinjamcepat.id/daftar"), then phone numbers in national or
 * international form with spaces, dashes, dots or parentheses ("0812-3456-7890", "+62 857 1122 3344",
 * "(021) 5098 7766", "+52 1 33 9876 5432"), but not amounts ("Rp 500.000", "10.000.000"), dates or
 * times. Stateless and thread-safe.
 */
public final class EntityPatterns {
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*[\\p{L}\\p{N}]@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
          + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*\\.\\p{L}{2,24}");

  /** Top-level domains accepted without "http" or "www": common generic ones and this region's. */
  private static final String TLDS = "com|net|org|info|biz|xyz|vip|app|online|site|website|top|club|live|pro|store"
      + "|shop|tech|link|asia|io|ai|me|cc|tv|co|id|my|sg|es|mx|pe|ar|cl|us|uk|ly|fun|space|finance|money|capital"
      + "|investments|loan|loans|cash|gold|credit|fund|bet|cloud|digital|today|world|web|icu|win|work|ink|click|page"
      + "|mobi|za|in|ph|vn|th|hk|tw|jp|cn|ru|de|nl|au|ca|br|eu|ltd|group|global|trade|markets|exchange|one|network";
  private static final Pattern URL = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}@._-])(?:"
          + "(?:https?://|www\\d?\\.)[^\\s<>\"“”'‘’]+"
          + "|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:" + TLDS + ")(?![\\p{L}\\p{N}-])"
          + "(?:[/?#:][^\\s<>\"“”'‘’]*)?"
          + ")");
  private static final Pattern URL_TRAILER = Pattern.compile("[.,;:!?)\\]}…]+$");

  /** Digits with the separators people type; at least 7 digits in all. */
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\p{L}\\p{N}+/.,-])\\+?\\(?\\+?\\d(?:[ ().\\-]{0,3}\\d){6,17}(?![\\p{N}])(?!\\s?[.,]\\d)");
  private static final Pattern DATE_OR_TIME = Pattern.compile(
      "\\d{1,2}[-./ ]\\d{1,2}[-./ ]\\d{2,4}|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}"
          + "|.*\\d{1,2}[.:]\\d{2}\\s?-\\s?\\d{1,2}[.:]\\d{2}.*");
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:[.,]\\d{3})+");
  private static final Pattern CURRENCY_BEFORE =
      Pattern.compile("(?i)(?:rp|idr|usd|us\\$|\\$|€|eur|mxn|pen|cop|clp|ars|s/|sgd|myr)\\.?\\s*$");
  private static final Pattern UNIT_AFTER = Pattern.compile(
      "(?i)^\\s*(?:%|rb\\b|ribu|jt\\b|juta|miliar|m\\b|k\\b|rupiah|usd|dolares|dollars?|pesos|soles|euros?"
          + "|mil\\b|millones|million|thousand|x\\b|kali\\b|hari\\b|days?\\b|bulan|months?\\b|meses)");
  private static final Pattern GROUP = Pattern.compile("\\d+");

  private EntityPatterns() {
  }

  /** Every e-mail, website and phone number in {@code text}, by position, never overlapping. */
  public static List<Mention> find(String text) {
    List<Mention> out = new ArrayList<>();
    Matcher email = EMAIL.matcher(text);
    while (email.find()) {
      out.add(new Mention(Entity.EMAIL, email.start(), email.end()));
    }
    Matcher url = URL.matcher(text);
    while (url.find()) {
      int end = url.start() + URL_TRAILER.matcher(url.group()).replaceFirst("").length();
      if (end > url.start() && free(out, url.start(), end) && looksLikeWebsite(text.substring(url.start(), end))) {
        out.add(new Mention(Entity.WEBSITE, url.start(), end));
      }
    }
    Matcher phone = PHONE.matcher(text);
    while (phone.find()) {
      int start = phone.start();
      int end = phone.end();
      if (free(out, start, end) && isPhone(text, start, end)) {
        out.add(new Mention(Entity.PHONE, start, end));
      }
    }
    out.sort(Comparator.comparingInt(Mention::start));
    return out;
  }

  private static boolean free(List<Mention> found, int start, int end) {
    return found.stream().noneMatch(m -> m.overlaps(start, end));
  }

  private static boolean looksLikeWebsite(String candidate) {
    String host = candidate.replaceFirst("(?i)^https?://", "").replaceFirst("[/?#:].*$", "");
    // "S.A." or "v1.2" are not sites; a host needs a letter label before its TLD
    return host.contains(".") && host.chars().anyMatch(Character::isLetter) && !host.matches("(?i)([a-z]\\.)+[a-z]?");
  }

  /** Whether the candidate {@code text[start, end)} is a phone number rather than an amount, date or time. */
  static boolean isPhone(String text, int start, int end) {
    String raw = text.substring(start, end);
    if (raw.chars().filter(c -> c == '(').count() != raw.chars().filter(c -> c == ')').count()) {
      return false;
    }
    String digits = raw.replaceAll("\\D", "");
    boolean international = raw.startsWith("+") || raw.startsWith("(+");
    boolean trunk = digits.startsWith("0");
    int n = digits.length();
    if (n < 7 || n > 15 || (!international && !trunk && n < 10) || (international && n < 8)) {
      return false;
    }
    if (DATE_OR_TIME.matcher(raw).matches()) {
      return false;
    }
    if (!international && !trunk && THOUSANDS.matcher(raw).matches()) {
      return false;
    }
    String before = text.substring(Math.max(0, start - 6), start).toLowerCase(Locale.ROOT);
    String after = text.substring(end, Math.min(text.length(), end + 12));
    if (CURRENCY_BEFORE.matcher(before).find() || UNIT_AFTER.matcher(after).find()) {
      return false;
    }
    // Phone numbers come in groups of three or more digits; times and amounts in pairs ("08.00-17.00").
    int inLongGroups = 0;
    Matcher g = GROUP.matcher(raw);
    while (g.find()) {
      if (g.group().length() >= 3) {
        inLongGroups += g.group().length();
      }
    }
    return inLongGroups * 2 >= n;
  }
}
