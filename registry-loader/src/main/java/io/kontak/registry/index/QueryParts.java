package io.kontak.registry.index;

import io.kontak.registry.identity.Emails;
import io.kontak.registry.identity.LicenseNumbers;
import io.kontak.registry.identity.NameNormalizer;
import io.kontak.registry.identity.NormalizedName;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.identity.Websites;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lookup query split into exact identities (e-mails, websites, phones, a licence number) and
 * the remaining text, read as a name.
 */
record QueryParts(List<String> emails, List<String> websites, List<String> phones,
                  Optional<String> license, NormalizedName name) {

  static QueryParts parse(String query, PhoneNumbers phoneNumbers) {
    String text = query == null ? "" : query.strip();
    List<String> emails = Emails.extract(text);
    String rest = blank(text, Emails.spans(text));
    List<String> websites = Websites.extract(rest);
    rest = blank(rest, Websites.spans(rest));
    List<String> phones = phoneNumbers.extract(rest);
    rest = blank(rest, phoneNumbers.spans(rest));
    Optional<String> license = looksLikeLicense(text) ? LicenseNumbers.normalize(text) : Optional.empty();
    return new QueryParts(emails, websites, phones, license, NameNormalizer.normalize(rest));
  }

  boolean hasIdentity() {
    return !emails.isEmpty() || !websites.isEmpty() || !phones.isEmpty() || license.isPresent();
  }

  /** Licence numbers mix letters, digits and separators ("S-3972/NB.111/2017"), and have no spaces between words. */
  private static boolean looksLikeLicense(String text) {
    return text.matches("(?i)\\s*[a-z]{1,5}[-.\\s]?\\d+\\s*/.*\\d.*");
  }

  private static String blank(String text, List<int[]> spans) {
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (int[] span : new ArrayList<>(spans)) {
      for (int i = span[0]; i < span[1]; i++) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }
}
