package io.kontak.core.bus;

/** Every event-bus address and Postgres notification channel, defined once. */
public final class Addresses {
  /** Published on a node's event bus after it swapped in a registry version; body: {@code {"version": n}}. */
  public static final String REGISTRY_ACTIVATED = "kontak.registry.activated";

  /** Postgres LISTEN/NOTIFY channel that tells every node a registry version was activated. */
  public static final String REGISTRY_CHANNEL = "kontak_registry";

  private Addresses() {
  }
}
