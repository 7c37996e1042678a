package io.kontak.nlu.entity;

import io.kontak.nlu.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name in quotes is taken as written: {@code cek pinjol "Kantong Emas" dong}. One to eight words
 * between straight or curly double quotes, guillemets, or single quotes that are not apostrophes.
 */
public final class QuotedNames {
  private static final Pattern QUOTED = Pattern.compile(
      "\"([^\"\\n]{1,80})\"|“([^”\\n]{1,80})”|«([^»\\n]{1,80})»"
          + "|(?<![\\p{L}\\p{N}])['‘]([^'’\\n]{1,80})['’](?![\\p{L}\\p{N}])");

  private QuotedNames() {
  }

  public static List<Mention> find(String text, List<Mention> patternMentions) {
    List<Mention> out = new ArrayList<>();
    Matcher m = QUOTED.matcher(text);
    while (m.find()) {
      int group = 1;
      while (m.group(group) == null) {
        group++;
      }
      int start = m.start(group);
      int end = m.end(group);
      String inner = m.group(group);
      // trim spaces inside the quotes
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int words = inner.strip().split("\\s+").length;
      int from = start;
      int to = end;
      if (end > start && words <= 8 && inner.chars().anyMatch(Character::isLetter)
          && patternMentions.stream().noneMatch(p -> p.overlaps(from, to))) {
        out.add(new Mention(Entity.NAME, start, end));
      }
    }
    return out;
  }

  /** {@code quoted} plus the {@code found} names that do not overlap a quoted one, by position. */
  public static List<Mention> merge(List<Mention> quoted, List<Mention> found) {
    if (quoted.isEmpty()) {
      return found;
    }
    List<Mention> out = new ArrayList<>(quoted);
    for (Mention f : found) {
      if (quoted.stream().noneMatch(q -> q.overlaps(f.start(), f.end()))) {
        out.add(f);
      }
    }
    out.sort(java.util.Comparator.comparingInt(Mention::start));
    return out;
  }
}
