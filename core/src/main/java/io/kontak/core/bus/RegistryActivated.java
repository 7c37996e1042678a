package io.kontak.core.bus;

import io.vertx.core.json.JsonObject;

/** This node swapped in a registry version and serves it from now on. */
public record RegistryActivated(long version) implements KontakEvent {
  @Override
  public String address() {
    return Addresses.REGISTRY_ACTIVATED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("version", version);
  }

  public static RegistryActivated fromJson(JsonObject json) {
    return new RegistryActivated(json.getLong("version"));
  }
}
