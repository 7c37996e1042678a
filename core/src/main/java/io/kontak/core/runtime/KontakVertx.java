package io.kontak.core.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x instance a Kontak process runs on. It prefers Netty's native transport (epoll on
 * Linux): every message costs the node several loopback and network exchanges (the webhook,
 * Postgres, Redis, the Graph API), and epoll spends less CPU per exchange than the JDK's selector.
 * Where no native transport loads (macOS, another CPU), Vert.x falls back to NIO and this says why.
 *
 * <p>One event loop per core instead of Vert.x's two: extra loops only take turns on the same cores
 * (bench/RESULTS-whatsapp.md, "Tuning history").
 */
public final class KontakVertx {
  private static final Logger LOG = LoggerFactory.getLogger(KontakVertx.class);

  private KontakVertx() {
  }

  /** The options every Kontak Vert.x instance starts with, clustered or not. */
  public static VertxOptions options() {
    return new VertxOptions().setPreferNativeTransport(true)
        .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors());
  }

  public static Vertx create() {
    return started(Vertx.vertx(options()));
  }

  /** Says which transport {@code vertx} got (and why not the native one); returns it. */
  public static Vertx started(Vertx vertx) {
    if (vertx.isNativeTransportEnabled()) {
      LOG.debug("Vert.x runs on the native transport");
    } else {
      Throwable cause = vertx.unavailableNativeTransportCause();
      LOG.info("Vert.x runs on the JDK's NIO transport (native transport unavailable: {})",
          cause == null ? "unknown" : cause.getMessage());
    }
    return vertx;
  }
}
