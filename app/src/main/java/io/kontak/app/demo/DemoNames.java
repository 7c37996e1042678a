package io.kontak.app.demo;

import io.kontak.registry.Status;
import io.kontak.registry.node.RegistryVerticle;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The names citizens ask about: brands and legal names from the bundled demo registry, the one
 * {@code kontak run} loads, so the bot's answers cover every verdict. Illegal entries' names are
 * what fraud victims name.
 */
record DemoNames(List<String> all, List<String> illegal) {

  static DemoNames load() {
    List<String> all = new ArrayList<>();
    List<String> illegal = new ArrayList<>();
    try (InputStream in = DemoNames.class.getClassLoader().getResourceAsStream(RegistryVerticle.DEMO_REGISTRY)) {
      if (in == null) {
        throw new IllegalStateException("the demo registry is missing from the classpath");
      }
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(line -> !line.isBlank()).map(JsonObject::new).forEach(row -> {
            String name = row.getJsonArray("brands").isEmpty() ? row.getString("name")
                : row.getJsonArray("brands").getString(0);
            all.add(name);
            if (Status.parse(row.getString("status")).filter(s -> s == Status.ILLEGAL).isPresent()) {
              illegal.add(name);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DemoNames(List.copyOf(all), List.copyOf(illegal));
  }
}
