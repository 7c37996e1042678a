package io.kontak.nlu.corpus;

import io.kontak.nlu.Entity;
import io.kontak.nlu.entity.Mention;
import java.util.ArrayList;
import java.util.List;

/**
 * One annotated message of a corpus.
 *
 * @param language the corpus file's language
 * @param intent   the intent label
 * @param text     the message
 * @param entities the annotated entities, each verbatim in {@code text}
 * @param source   file and line, for error messages and reports
 */
public record Sample(String language, String intent, String text, List<Entity> entities, String source) {

  public Sample {
    entities = List.copyOf(entities);
  }

  /** The annotated entities with their offsets (first whole-word occurrence of each value). */
  public List<Mention> mentions() {
    List<Mention> out = new ArrayList<>();
    for (Entity e : entities) {
      int at = locate(text, e.text(), out);
      if (at < 0) {
        throw new IllegalStateException(source + ": entity '" + e.text() + "' is not in the text");
      }
      out.add(new Mention(e.type(), at, at + e.text().length()));
    }
    return out;
  }

  private static int locate(String text, String value, List<Mention> taken) {
    int fallback = -1;
    for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
      int end = at + value.length();
      int from = at;
      if (taken.stream().anyMatch(m -> m.overlaps(from, end))) {
        continue;
      }
      boolean wordStart = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean wordEnd = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (wordStart && wordEnd) {
        return at;
      }
      if (fallback < 0) {
        fallback = at;
      }
    }
    return fallback;
  }
}
