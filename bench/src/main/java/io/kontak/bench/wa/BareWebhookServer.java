package io.kontak.bench.wa;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.kontak.core.runtime.KontakVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;

/**
 * The ceiling for the WhatsApp bench: a bare Vert.x HTTP server (one verticle per core) on
 * 127.0.0.1 that reads the body of {@code POST /webhook} and answers 200, nothing else. Run as its
 * own process: {@code java -cp kontak-bench.jar io.kontak.bench.wa.BareWebhookServer PORT}; prints
 * {@code ready} once listening and stops on SIGTERM.
 */
public final class BareWebhookServer extends VerticleBase {
  private final int port;

  private BareWebhookServer(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(req -> {
          if (req.method().name().equals("POST") && req.path().equals("/webhook")) {
            req.body().onComplete(b -> req.response().setStatusCode(b.succeeded() ? 200 : 400).end());
          } else {
            req.response().setStatusCode(404).end();
          }
        })
        .listen();
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = KontakVertx.create();
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    vertx.deployVerticle(() -> new BareWebhookServer(port), new DeploymentOptions().setInstances(instances))
        .await();
    System.out.println("ready");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
    Thread.currentThread().join();
  }
}
