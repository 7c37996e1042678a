package io.kontak.registry.index;

import io.kontak.registry.Institution;
import io.kontak.registry.identity.NameNormalizer;
import io.kontak.registry.identity.NormalizedName;
import io.kontak.registry.identity.Websites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every name an institution can be asked about. App-store titles such as
 * "Dana Kilat - Pinjaman Online Cepat" or "PT Foo (FooPay)" also yield their parts, and
 * domain-like names ("Gadaibarang.com") their label.
 */
final class NameVariants {
  private static final Pattern SEGMENTS = Pattern.compile("\\s[-–—]\\s|[|:()\\[\\]/\\n\\r]|\\s[-–—]|[-–—]\\s");

  private NameVariants() {
  }

  static List<NameVariant> of(Institution institution) {
    Map<String, NameVariant> byKey = new LinkedHashMap<>();
    add(byKey, institution.name(), "name");
    institution.brands().forEach(b -> add(byKey, b, "brand"));
    institution.aliases().forEach(a -> add(byKey, a, "alias"));
    return List.copyOf(byKey.values());
  }

  private static void add(Map<String, NameVariant> byKey, String raw, String source) {
    List<String> wholes = new ArrayList<>();
    wholes.add(raw);
    if (!raw.contains(" ")) {
      Websites.identity(raw).filter(id -> !id.contains("/")).ifPresent(id -> wholes.add(Websites.label(id)));
    }
    String[] parts = SEGMENTS.split(raw);
    List<String> forms = new ArrayList<>(wholes);
    if (parts.length > 1) {
      forms.addAll(List.of(parts));
    }
    for (String form : forms) {
      NormalizedName name = NameNormalizer.normalize(form);
      if (!name.isEmpty() && name.key().length() >= 2) {
        byKey.putIfAbsent(name.key(), new NameVariant(name, source, wholes.contains(form)));
      }
    }
  }
}
