package io.kontak.evaluation;

import io.kontak.registry.Institution;
import io.kontak.registry.identity.Emails;
import io.kontak.registry.identity.NameNormalizer;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.identity.Websites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rows as the judge sees them: which rows a name, website, phone or e-mail designates,
 * worked out from the rows themselves (not from the search index being judged). A name designates
 * the rows it names exactly (name, brand, alias) and, after them, the rows with one part of a
 * two-part name equal to it ("PT App - PT Manager", "Dana Kilat - Pinjaman Online").
 */
public final class RegistryRows {
  private static final Pattern PARTS = Pattern.compile("\\s[-–—]+\\s|[|()\\[\\]\\n\\r]|\\s[-–—]+|[-–—]+\\s");

  private final Map<String, Institution> byId = new HashMap<>();
  private final Map<String, Set<String>> exactName = new HashMap<>();
  private final Map<String, Set<String>> partName = new HashMap<>();
  private final Map<String, Set<String>> website = new HashMap<>();
  private final Map<String, Set<String>> phone = new HashMap<>();
  private final Map<String, Set<String>> email = new HashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private final PhoneNumbers phones;

  public RegistryRows(List<Institution> rows, PhoneNumbers phones) {
    this.phones = phones;
    for (Institution i : rows) {
      byId.put(i.id(), i);
      List<String> names = new ArrayList<>();
      names.add(i.name());
      names.addAll(i.brands());
      names.addAll(i.aliases());
      for (String n : names) {
        put(exactName, key(n), i.id());
        if (!n.strip().contains(" ")) {
          // "Akseleran.co.id" is the brand "Akseleran" too
          Websites.identity(n.strip()).filter(w -> !w.contains("/"))
              .ifPresent(w -> put(exactName, key(Websites.label(w)), i.id()));
        }
        for (String part : parts(n)) {
          put(partName, key(part), i.id());
        }
        tokens.addAll(NameNormalizer.tokens(n));
      }
      List<String> sites = new ArrayList<>(i.websites());
      sites.addAll(i.aliases());
      if (!i.name().contains(" ")) {
        sites.add(i.name());  // an illegal entry named by its URL
      }
      sites.forEach(s -> Websites.extract(s).forEach(w -> put(website, w, i.id())));
      i.phones().forEach(p -> phones.extract(p).forEach(n -> put(phone, n, i.id())));
      i.emails().forEach(e -> Emails.extract(e).forEach(m -> put(email, m, i.id())));
    }
  }

  public Institution row(String id) {
    return byId.get(id);
  }

  public static String key(String name) {
    return NameNormalizer.normalize(name).key();
  }

  /** The parts of an app-store title or a two-company row, when it has several. */
  public static List<String> parts(String name) {
    String[] split = PARTS.split(name);
    List<String> out = new ArrayList<>();
    if (split.length > 1) {
      for (String s : split) {
        if (!key(s).isEmpty()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  /** Rows named exactly {@code name}: they come first. */
  public Set<String> exactlyNamed(String name) {
    return exactName.getOrDefault(key(name), Set.of());
  }

  /** Rows named {@code name} exactly or in one part. */
  public Set<String> named(String name) {
    Set<String> out = new LinkedHashSet<>(exactlyNamed(name));
    out.addAll(partName.getOrDefault(key(name), Set.of()));
    return out;
  }

  public Set<String> withWebsite(String raw) {
    return collect(website, Websites.extract(raw));
  }

  public Set<String> withPhone(String raw) {
    return collect(phone, phones.extract(raw));
  }

  public Set<String> withEmail(String raw) {
    return collect(email, Emails.extract(raw));
  }

  /** Whether any row's name uses this folded token: an invented name must use none. */
  public boolean knowsToken(String token) {
    return tokens.contains(token);
  }

  public boolean hasName(String name) {
    return !named(name).isEmpty();
  }

  /** legal, warning or ambiguous (both lists) for a set of designated rows; not_found for none. */
  public String verdictFor(Set<String> ids) {
    boolean supervised = ids.stream().anyMatch(id -> byId.get(id).status().supervised());
    boolean flagged = ids.stream().anyMatch(id -> !byId.get(id).status().supervised());
    if (supervised && flagged) {
      return "ambiguous";
    }
    return supervised ? "legal" : flagged ? "warning" : "not_found";
  }

  private static Set<String> collect(Map<String, Set<String>> index, List<String> keys) {
    Set<String> out = new LinkedHashSet<>();
    keys.forEach(k -> out.addAll(index.getOrDefault(k, Set.of())));
    return out;
  }

  private static void put(Map<String, Set<String>> index, String key, String id) {
    if (!key.isEmpty()) {
      index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
    }
  }
}
