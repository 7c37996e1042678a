package io.kontak.registry.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The registry version this node answers from, for {@code /metrics}. */
public final class RegistryMetrics implements MeterBinder {
  private final RegistryService registry;

  public RegistryMetrics(RegistryService registry) {
    this.registry = registry;
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    Gauge.builder("kontak_registry_version", registry, RegistryService::servingVersion)
        .description("registry version this node answers from").register(meters);
    Gauge.builder("kontak_registry_institutions", registry, RegistryService::servingSize)
        .description("institutions in the registry version being served").register(meters);
  }
}
