package io.kontak.registry.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail identities: the address lower-cased. */
public final class Emails {
  static final Pattern EMAIL = Pattern.compile("(?i)[a-z0-9._%+\\-]+@[a-z0-9.\\-]+\\.[a-z]{2,24}");

  private Emails() {
  }

  public static List<String> extract(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      String email = m.group().toLowerCase(Locale.ROOT);
      if (!out.contains(email)) {
        out.add(email);
      }
    }
    return out;
  }

  public static List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }
}
