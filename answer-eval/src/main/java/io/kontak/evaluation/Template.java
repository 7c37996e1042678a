package io.kontak.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One question template of {@code templates.tsv}: a sentence with a slot {@code {x}} for what is
 * asked about (or none, for reports that name no one).
 *
 * @param heldOut only the build's gate reads the figures of held-out templates
 * @param kinds   what the slot may hold: {@code N} name, {@code W} website, {@code P} phone, {@code E} e-mail
 */
public record Template(int line, boolean heldOut, String language, Set<Character> kinds, String intent, String text) {
  public static final String SLOT = "{x}";
  private static final String RESOURCE = "templates.tsv";

  public boolean fits(char kind) {
    return kinds.contains(kind);
  }

  public boolean hasSlot() {
    return text.contains(SLOT);
  }

  public static List<Template> load() {
    List<Template> out = new ArrayList<>();
    try (InputStream in = Template.class.getResourceAsStream(RESOURCE)) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int n = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 5 || !(f[0].equals("train") || f[0].equals("heldout"))) {
          throw new IllegalStateException(RESOURCE + " line " + n + ": split, language, kinds, intent, text");
        }
        Set<Character> kinds = f[2].equals("-") ? Set.of()
            : Set.copyOf(f[2].chars().mapToObj(c -> (char) c).toList());
        if (kinds.isEmpty() == f[4].contains(SLOT)) {
          throw new IllegalStateException(RESOURCE + " line " + n + ": kinds and slot disagree");
        }
        out.add(new Template(n, f[0].equals("heldout"), f[1], kinds, f[3], f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
