package io.kontak.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A registry row's standing with the regulator (DESIGN.md "Registry import format"). */
public enum Status {
  LICENSED, REGISTERED, SUSPENDED, REVOKED, ILLEGAL;

  /** Licensed or registered: the citizen may deal with it. */
  public boolean supervised() {
    return this == LICENSED || this == REGISTERED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Status> parse(String value) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
  }
}
