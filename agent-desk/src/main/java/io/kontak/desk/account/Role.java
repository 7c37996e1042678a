package io.kontak.desk.account;

import java.util.Locale;
import java.util.Optional;

/** What an account may do in the desk. */
public enum Role {
  AGENT, SUPERVISOR, REGISTRY_ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.wire().equals(value)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Whether chats can be routed or transferred to such an account. */
  public boolean takesChats() {
    return this == AGENT || this == SUPERVISOR;
  }
}
