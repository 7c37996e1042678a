package io.kontak.nlu.corpus;

import io.kontak.nlu.Entity;
import io.kontak.nlu.language.Languages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the corpora: one UTF-8 TSV per language ({@code id.tsv}, {@code en.tsv}, {@code es.tsv}) with
 * lines {@code intent<TAB>text[<TAB>type=value|type=value]}. Blank lines and lines starting with
 * {@code #} are skipped. Every entity value must occur verbatim in its text.
 */
public final class Corpus {
  private static final Set<String> TYPES = Set.of(Entity.NAME, Entity.WEBSITE, Entity.PHONE, Entity.EMAIL);

  private Corpus() {
  }

  /** All samples of {@code dir}, languages in the order id, en, es, lines in file order. */
  public static List<Sample> read(Path dir) {
    List<Sample> out = new ArrayList<>();
    for (String lang : Languages.SUPPORTED) {
      Path file = dir.resolve(lang + ".tsv");
      try {
        out.addAll(parse(lang, file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read corpus file " + file, e);
      }
    }
    return out;
  }

  static List<Sample> parse(String language, String name, List<String> lines) {
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String source = name + ":" + (i + 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 2 || cols.length > 3 || cols[0].isBlank() || cols[1].isBlank()) {
        throw new IllegalArgumentException(source + ": expected intent<TAB>text[<TAB>entities]: " + line);
      }
      List<Entity> entities = new ArrayList<>();
      if (cols.length == 3 && !cols[2].isBlank()) {
        for (String pair : cols[2].split("\\|")) {
          int eq = pair.indexOf('=');
          String type = eq < 0 ? "" : pair.substring(0, eq);
          String value = eq < 0 ? "" : pair.substring(eq + 1);
          if (!TYPES.contains(type) || value.isEmpty() || !cols[1].contains(value)) {
            throw new IllegalArgumentException(source + ": bad entity '" + pair + "' (type one of " + TYPES
                + ", value verbatim in the text)");
          }
          entities.add(new Entity(type, value));
        }
      }
      out.add(new Sample(language, cols[0].strip(), cols[1], entities, source));
    }
    return out;
  }
}
