package io.kontak.whatsapp;

import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of tests that need, per test, a fresh node whose replies go to its own fake Meta. */
public abstract class NodeWithFakeMetaTest {
  protected Vertx metaSide;
  protected FakeGraphApi graph;
  protected WhatsAppTestNode node;

  @BeforeEach
  void startNodeAndMeta() {
    metaSide = Vertx.vertx();
    graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
    node = WhatsAppTestNode.start(graph, Map.of());
  }

  @AfterEach
  void stopNodeAndMeta() {
    node.close();
    metaSide.close().await();
  }
}
