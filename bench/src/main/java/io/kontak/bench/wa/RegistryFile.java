package io.kontak.bench.wa;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A registry file the node benches load into the node under test (JSON Lines in the canonical
 * format, {@code .gz} allowed; the bench scripts pass the real OJK sample), through the same import
 * route registry staff use.
 */
final class RegistryFile {
  /** The staff token the benches start their node with ({@code KONTAK_ADMIN_TOKEN}). */
  static final String STAFF_TOKEN = "bench-staff-token-0123456789abcdef";

  private final byte[] rows;

  private RegistryFile(byte[] rows) {
    this.rows = rows;
  }

  static RegistryFile read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      }
    }
    return new RegistryFile(bytes);
  }

  /** Every {@code step}-th institution's name, in file order (the sample mixes sectors and statuses throughout). */
  List<String> names(int step) {
    List<String> lines = new String(rows, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    return java.util.stream.IntStream.iterate(0, i -> i < lines.size(), i -> i + step)
        .mapToObj(i -> new JsonObject(lines.get(i)).getString("name"))
        .toList();
  }

  /** Imports the rows into the node ({@code POST /api/registry/imports}); the count it reports. */
  Future<Integer> importInto(HttpClient http) {
    RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/registry/imports")
        .putHeader("Content-Type", "application/x-ndjson").putHeader("Authorization", "Bearer " + STAFF_TOKEN);
    return http.request(post)
        .compose(req -> req.send(Buffer.buffer(rows)))
        .compose(resp -> resp.body().map(body -> {
          if (resp.statusCode() != 201) {
            throw new IllegalStateException("registry import: HTTP " + resp.statusCode() + " " + body);
          }
          return new JsonObject(body).getInteger("count");
        }));
  }
}
