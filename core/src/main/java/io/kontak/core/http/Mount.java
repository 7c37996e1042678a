package io.kontak.core.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/**
 * A feature's routes, mounted by the node's HTTP server under {@code prefix} (e.g.
 * {@code /api/registry}); with {@code exactToo} the prefix path itself is routed too (e.g.
 * {@code /webhook}, seen by the feature's router as {@code /}). The router is built once per HTTP
 * server instance, on that instance's event loop.
 */
public record Mount(String prefix, Function<Vertx, Router> routes, boolean exactToo) {
  public Mount(String prefix, Function<Vertx, Router> routes) {
    this(prefix, routes, false);
  }

  /** Routes for {@code path} itself and below it. */
  public static Mount endpoint(String path, Function<Vertx, Router> routes) {
    return new Mount(path, routes, true);
  }

  /** "/webhook*" matches /webhook, /webhook/ and /webhook?…, not /webhooks (it falls through to the 404). */
  public String pattern() {
    return exactToo ? prefix + "*" : prefix + "/*";
  }
}
