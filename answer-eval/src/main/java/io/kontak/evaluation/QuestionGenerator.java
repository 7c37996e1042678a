package io.kontak.evaluation;

import io.kontak.registry.Institution;
import io.kontak.registry.identity.Emails;
import io.kontak.registry.identity.Websites;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Registry questions about the real rows, deterministic for a seed: each question picks a
 * category by weight, a row (or an invented name) of that category, spells what it asks about as
 * the list does (sometimes lower or upper case, a URL without its scheme), and puts it into a
 * template of its language and split, with a typo in one word of the template now and then.
 */
public final class QuestionGenerator {
  private static final Map<Category, Integer> WEIGHTS = new EnumMap<>(Map.ofEntries(
      Map.entry(Category.LEGAL_NAME, 14), Map.entry(Category.LEGAL_BRAND, 8), Map.entry(Category.LEGAL_WEBSITE, 6),
      Map.entry(Category.LEGAL_PHONE, 3), Map.entry(Category.ILLEGAL_NAME, 30), Map.entry(Category.ILLEGAL_WEBSITE, 7),
      Map.entry(Category.ILLEGAL_PHONE, 4), Map.entry(Category.ILLEGAL_EMAIL, 10), Map.entry(Category.COLLISION, 4),
      Map.entry(Category.UNKNOWN, 8), Map.entry(Category.FRAUD_NAMED, 3), Map.entry(Category.IMPERSONATION, 3)));
  private static final String[] SYLLABLES = {"zo", "ra", "vi", "ke", "lun", "ta", "mo", "ri", "qu", "xa", "bre", "tov",
      "nel", "fi", "zar", "go", "pi", "mek", "sul", "dro", "yan", "wex", "tis", "bo"};
  private static final String[] COMMON = {"Dana", "Kredit", "Cash", "Invest", "Pinjam", "Finance", "Tunai", "Uang"};

  private final RegistryRows rows;
  private final List<Template> templates;
  private final Map<Category, List<Asked>> pools = new EnumMap<>(Category.class);

  /** Something to ask about, with the rows it designates. */
  private record Asked(String text, Set<String> first, Set<String> gold, String verdict) {
  }

  public QuestionGenerator(List<Institution> institutions, RegistryRows rows, List<Template> templates) {
    this.rows = rows;
    this.templates = templates;
    for (Category c : Category.values()) {
      pools.put(c, new ArrayList<>());
    }
    for (Institution i : institutions) {
      boolean legal = i.status().supervised();
      for (String name : namesAskedFor(i)) {
        Asked a = name(name);
        Category c = a.verdict().equals("ambiguous") ? Category.COLLISION
            : legal ? Category.LEGAL_NAME : Category.ILLEGAL_NAME;
        pools.get(c).add(a);
      }
      if (legal) {
        for (String brand : i.brands()) {
          Asked a = name(brand);
          pools.get(a.verdict().equals("ambiguous") ? Category.COLLISION : Category.LEGAL_BRAND).add(a);
        }
      }
      for (String site : i.websites()) {
        Set<String> gold = rows.withWebsite(site);
        if (!gold.isEmpty()) {
          pools.get(legal ? Category.LEGAL_WEBSITE : Category.ILLEGAL_WEBSITE)
              .add(new Asked(site.strip(), gold, gold, rows.verdictFor(gold)));
        }
      }
      for (String line : i.phones()) {
        for (String p : line.split("[\\n\\r,;/]+")) {
          Set<String> gold = rows.withPhone(p);
          if (!gold.isEmpty() && !p.isBlank()) {
            pools.get(legal ? Category.LEGAL_PHONE : Category.ILLEGAL_PHONE)
                .add(new Asked(p.strip(), gold, gold, rows.verdictFor(gold)));
          }
        }
      }
      if (!legal) {
        for (String e : i.emails()) {
          Set<String> gold = rows.withEmail(e);
          if (!gold.isEmpty()) {
            pools.get(Category.ILLEGAL_EMAIL).add(new Asked(e.strip(), gold, gold, rows.verdictFor(gold)));
          }
        }
      }
    }
    // the same kind of row asked about for both lists' reasons is still one category
    pools.get(Category.LEGAL_WEBSITE).removeIf(a -> !a.verdict().equals("legal"));
    pools.get(Category.LEGAL_PHONE).removeIf(a -> !a.verdict().equals("legal"));
    pools.get(Category.FRAUD_NAMED).addAll(pools.get(Category.ILLEGAL_NAME));
  }

  /** How many distinct things each category can ask about. */
  public Map<Category, Integer> poolSizes() {
    Map<Category, Integer> out = new EnumMap<>(Category.class);
    pools.forEach((c, p) -> out.put(c, c == Category.UNKNOWN ? -1 : p.size()));
    return out;
  }

  /** {@code perLanguage} questions for each language of each split. */
  public List<Question> generate(long seed, int perLanguage) {
    Random random = new Random(seed);
    List<Question> out = new ArrayList<>();
    for (boolean heldOut : new boolean[] {false, true}) {
      for (String language : List.of("id", "en", "es")) {
        for (int n = 0; n < perLanguage; n++) {
          out.add(question(random, language, heldOut, pick(random)));
        }
      }
    }
    return out;
  }

  private Question question(Random random, String language, boolean heldOut, Category category) {
    String intent = category == Category.FRAUD_NAMED || category == Category.IMPERSONATION
        ? "report_fraud" : "check_registration";
    List<Template> fitting = templates.stream()
        .filter(t -> t.heldOut() == heldOut && t.language().equals(language) && t.intent().equals(intent)
            && (category.kind() == '-' ? !t.hasSlot() : t.fits(category.kind())))
        .toList();
    Template template = fitting.get(random.nextInt(fitting.size()));
    String text = typo(random, template.text());
    if (category == Category.IMPERSONATION) {
      return new Question(template, category, text, "", "", Set.of(), Set.of());
    }
    if (category != Category.UNKNOWN && pools.get(category).isEmpty()) {
      throw new IllegalStateException("no rows to ask about for " + category + ": " + poolSizes());
    }
    Asked asked = category == Category.UNKNOWN ? invented(random)
        : pools.get(category).get(random.nextInt(pools.get(category).size()));
    String spelled = spell(random, asked.text(), category.kind());
    return new Question(template, category, text.replace(Template.SLOT, spelled), spelled,
        category == Category.FRAUD_NAMED ? "" : asked.verdict(), asked.first(), asked.gold());
  }

  private Category pick(Random random) {
    int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
    int r = random.nextInt(total);
    for (Map.Entry<Category, Integer> e : WEIGHTS.entrySet()) {
      r -= e.getValue();
      if (r < 0) {
        return e.getKey();
      }
    }
    throw new AssertionError();
  }

  /** How a citizen names a row: its full name, or one part of an app-store title or a two-company row. */
  private static List<String> namesAskedFor(Institution i) {
    String name = i.name().strip();
    if (name.startsWith("Pencatutan") || !Websites.extract(name).isEmpty() || !Emails.extract(name).isEmpty()) {
      return List.of();  // "the regulator's website copied" rows, and URL-only rows, are asked about by website
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(name.replaceAll("\\s+", " "));
    List<String> parts = RegistryRows.parts(name);
    if (!parts.isEmpty()) {
      String head = parts.get(0);
      if (RegistryRows.key(head).length() >= 4) {
        out.add(head);
      }
      if (i.status().supervised() && name.matches("(?s).*\\s[-–—]\\s*PT\\b.*")) {
        out.add(parts.get(parts.size() - 1));
      }
    }
    return List.copyOf(out);
  }

  private Asked name(String text) {
    Set<String> gold = rows.named(text);
    Set<String> first = rows.exactlyNamed(text);
    return new Asked(text, first.isEmpty() ? gold : first, gold, rows.verdictFor(gold));
  }

  private Asked invented(Random random) {
    while (true) {
      String a = word(random);
      String b = random.nextBoolean() ? word(random) : COMMON[random.nextInt(COMMON.length)];
      String name = random.nextBoolean() ? a + " " + b : b + " " + a;
      if (!rows.knowsToken(a.toLowerCase(Locale.ROOT)) && !rows.hasName(name)
          && (isCommon(b) || !rows.knowsToken(b.toLowerCase(Locale.ROOT)))) {
        return new Asked(name, Set.of(), Set.of(), "not_found");
      }
    }
  }

  private static boolean isCommon(String w) {
    for (String c : COMMON) {
      if (c.equals(w)) {
        return true;
      }
    }
    return false;
  }

  private static String word(Random random) {
    StringBuilder w = new StringBuilder();
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** As the list spells it, or as people type it: all lower case, all capitals, a URL without "https://www.". */
  private static String spell(Random random, String text, char kind) {
    String one = text.replaceAll("\\s*[\\n\\r]+\\s*", " ");
    int r = random.nextInt(100);
    return switch (kind) {
      case 'N' -> r < 60 ? one : r < 85 ? one.toLowerCase(Locale.ROOT) : one.toUpperCase(Locale.ROOT);
      case 'W' -> r < 70 ? one : one.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
      case 'E' -> r < 85 ? one : one.toLowerCase(Locale.ROOT);
      default -> one;
    };
  }

  /** One slip (two letters swapped, or one dropped) in a word of the template, one question in four. */
  private static String typo(Random random, String template) {
    if (random.nextInt(4) != 0) {
      return template;
    }
    String[] words = template.split(" ");
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() >= 5 && words[i].chars().allMatch(Character::isLetter)
          && !words[i].equalsIgnoreCase("ojk")) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return template;
    }
    int w = candidates.get(random.nextInt(candidates.size()));
    String word = words[w];
    int at = 1 + random.nextInt(word.length() - 2);
    words[w] = random.nextBoolean()
        ? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2)
        : word.substring(0, at) + word.substring(at + 1);
    return String.join(" ", words);
  }
}
