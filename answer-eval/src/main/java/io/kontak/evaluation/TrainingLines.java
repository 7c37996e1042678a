package io.kontak.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Training lines for the NLU corpus from the TRAINING templates only, with invented names in the
 * shapes of the real lists (app-store titles with a slogan, all capitals, all lower case, "&",
 * digits): no held-out template and no real name reaches the models. Its output is appended to
 * {@code nlp-models/corpus/train/<language>.tsv} by hand, under a marker line.
 *
 * <p>Usage: {@code TrainingLines <language> <lines per template> <seed>}
 */
public final class TrainingLines {
  private static final String[] SYLLABLES = {"ka", "ro", "mi", "sen", "tu", "la", "pe", "gan", "do", "ri", "ja", "wu",
      "ben", "sa", "ki", "nor", "ha", "lem", "cu", "ta"};
  private static final String[] WORDS = {"Dana", "Kredit", "Uang", "Tunai", "Pinjam", "Cash", "Invest", "Modal", "Kas",
      "Dompet", "Rupiah", "Saku", "Emas", "Koin", "Mitra", "Cepat", "Kilat", "Mudah", "Sejahtera", "Abadi", "Jaya"};
  private static final String[] SLOGANS = {"Pinjaman Online Cepat Cair", "Pinjam Uang Tunai Mudah", "Kredit Tanpa Jaminan",
      "Dana Cepat & Aman", "Aplikasi Pinjaman Resmi 24 Jam", "Cicilan Ringan"};

  private TrainingLines() {
  }

  public static void main(String[] args) {
    String language = args[0];
    int perTemplate = Integer.parseInt(args[1]);
    Random random = new Random(Long.parseLong(args[2]));
    for (Template t : Template.load()) {
      if (t.heldOut() || !t.language().equals(language)) {
        continue;
      }
      if (!t.fits('N')) {
        if (!t.hasSlot()) {
          System.out.println(t.intent() + "\t" + t.text() + "\t");
        }
        continue;
      }
      for (int i = 0; i < perTemplate; i++) {
        String name = name(random);
        System.out.println(t.intent() + "\t" + t.text().replace(Template.SLOT, name) + "\tname=" + name);
      }
    }
  }

  static String name(Random random) {
    List<String> words = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      words.add(random.nextInt(3) == 0 ? invented(random) : WORDS[random.nextInt(WORDS.length)]);
    }
    if (words.stream().allMatch(w -> List.of(WORDS).contains(w))) {
      words.set(0, invented(random));
    }
    String name = String.join(random.nextInt(6) == 0 ? "" : " ", words);
    int shape = random.nextInt(10);
    if (shape == 0) {
      name = name + " - " + SLOGANS[random.nextInt(SLOGANS.length)];
    } else if (shape == 1) {
      name = name + " " + (1 + random.nextInt(99));
    } else if (shape == 2 && n > 1) {
      name = name.replaceFirst(" ", " & ");
    } else if (shape == 3) {
      name = "PT " + name;
    }
    int casing = random.nextInt(10);
    return casing < 3 ? name.toLowerCase(Locale.ROOT) : casing < 4 ? name.toUpperCase(Locale.ROOT) : name;
  }

  private static String invented(Random random) {
    StringBuilder w = new StringBuilder();
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
