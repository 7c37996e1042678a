package io.kontak.registry.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a company, brand or app name as written ("PT. DANA KILAT Tbk", "Dana Kilat, PT",
 * "DanaKilat", "Financiera Semilla S.A.C.") into comparable tokens: case and accents folded,
 * punctuation dropped, dotted initials joined ("S.A.C." is one token), legal-form words set apart.
 * The same normalization runs when indexing and when looking up.
 */
public final class NameNormalizer {
  /**
   * Legal-form words in Indonesian, English and Spanish. They are kept apart from the
   * distinctive tokens: "PT Foo" and "Foo Tbk" are the same company to a citizen.
   */
  static final Set<String> LEGAL_FORMS = Set.of(
      // Indonesian
      "pt", "tbk", "persero", "perseroan", "terbatas", "cv", "ud", "fa", "firma", "koperasi", "kop",
      "ksp", "kspps", "kopsyah", "yayasan", "perum", "perumda",
      // English
      "ltd", "limited", "inc", "incorporated", "llc", "llp", "corp", "corporation", "company", "plc",
      "pte", "sdn", "bhd", "gmbh", "bv", "nv", "ag",
      // Spanish
      "sa", "sac", "saa", "sas", "srl", "sl", "slu", "sau", "sab", "sapi", "sacv", "ltda", "eirl", "cia");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private NameNormalizer() {
  }

  /** Whether a folded token is a legal-form word ("pt", "tbk", "sa"). */
  public static boolean isLegalForm(String token) {
    return LEGAL_FORMS.contains(token);
  }

  /** Folded tokens of {@code text}, legal forms included, dotted initials joined. */
  public static List<String> tokens(String text) {
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder initials = new StringBuilder();
    for (String raw : NON_ALNUM.split(folded)) {
      if (raw.isEmpty()) {
        continue;
      }
      if (raw.length() == 1 && Character.isLetter(raw.charAt(0))) {
        initials.append(raw);  // "s a c" from "S.A.C." becomes "sac"
        continue;
      }
      flush(initials, out);
      out.add(raw);
    }
    flush(initials, out);
    return out;
  }

  /** The normalized form of one name. */
  public static NormalizedName normalize(String text) {
    List<String> all = tokens(text);
    List<String> distinctive = new ArrayList<>();
    Set<String> forms = new LinkedHashSet<>();
    for (String t : all) {
      if (LEGAL_FORMS.contains(t)) {
        forms.add(t);
      } else {
        distinctive.add(t);
      }
    }
    if (distinctive.isEmpty()) {
      // A name made only of legal-form words ("Koperasi") keeps them: they are all it has.
      distinctive.addAll(all);
      forms.clear();
    }
    return new NormalizedName(List.copyOf(distinctive), List.copyOf(forms));
  }

  private static void flush(StringBuilder initials, List<String> out) {
    if (!initials.isEmpty()) {
      out.add(initials.toString());
      initials.setLength(0);
    }
  }
}
