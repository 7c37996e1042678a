package io.kontak.core.bus;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * The typed events the modules publish to each other, one record per address in {@link Addresses}.
 * They travel as JSON (so a clustered event bus carries them between nodes); each record has the
 * {@code fromJson} its consumers read it back with.
 */
public sealed interface KontakEvent
    permits InboundStored, HandoffQueued, DeskInbound, OutboxFailed, OutboxStatus, RegistryActivated {

  /** The event-bus address the event is published on. */
  String address();

  JsonObject toJson();

  /** Publishes the event to every consumer of its address. */
  static void publish(EventBus bus, KontakEvent event) {
    bus.publish(event.address(), event.toJson());
  }
}
