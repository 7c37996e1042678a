package io.kontak.registry.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * Licence / registration letter numbers ("S-3972/NB.111/2017", "KEP-123/D.05/2021") compared on
 * letters and digits only, so "s 3972 nb.111 2017" finds it too.
 */
public final class LicenseNumbers {
  private static final int MIN_LENGTH = 6;

  private LicenseNumbers() {
  }

  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String key = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    boolean hasLetter = key.chars().anyMatch(Character::isLetter);
    boolean hasDigit = key.chars().anyMatch(Character::isDigit);
    return key.length() >= MIN_LENGTH && hasLetter && hasDigit ? Optional.of(key) : Optional.empty();
  }
}
