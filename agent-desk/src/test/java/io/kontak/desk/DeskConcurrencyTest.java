package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many handoffs, closes, transfers and status flips at once, through two desk nodes on one
 * database: no agent ever above capacity, no conversation held twice, nothing lost.
 */
class DeskConcurrencyTest {
  private static final String OVER_CAPACITY = """
      SELECT count(*) AS n FROM desk_account a
       WHERE (SELECT count(*) FROM conversation c WHERE c.desk_agent = a.id AND c.status = 'with_agent'
                AND c.desk_parked_at IS NULL) > a.capacity""";
  /** Assignments not preceded by the chat leaving its previous holder (held twice). */
  private static final String DOUBLE_ASSIGNED = """
      SELECT count(*) AS n FROM (
        SELECT kind, lag(kind) OVER (PARTITION BY conversation_id ORDER BY id) AS before
          FROM desk_event WHERE kind IN ('assigned', 'requeued', 'closed', 'unparked')) e
       WHERE kind = 'assigned' AND before = 'assigned'""";

  @Test
  void invariantsHoldUnderConcurrentHandoffsClosesTransfersAndStatusFlips() throws Exception {
    try (var one = new DeskTestNode(Map.of()); var two = new DeskTestNode(one.db, one.redisPrefix, Map.of())) {
      List<Browser> agents = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Browser b = (i % 2 == 0 ? one : two).availableAgent("agent" + i, 1 + i % 4);
        agents.add(b);
      }
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger violations = new AtomicInteger();
      AtomicInteger checks = new AtomicInteger();
      Thread checker = new Thread(() -> {
        while (running.get()) {
          if (one.sql(OVER_CAPACITY).iterator().next().getLong("n") > 0) {
            violations.incrementAndGet();
          }
          checks.incrementAndGet();
        }
      });
      checker.start();

      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> work = new ArrayList<>();
      AtomicInteger handoffs = new AtomicInteger();
      for (int t = 0; t < 8; t++) {
        work.add(pool.submit(() -> {
          var random = ThreadLocalRandom.current();
          for (int i = 0; i < 25; i++) {
            DeskTestNode node = random.nextBoolean() ? one : two;
            Browser agent = agents.get(random.nextInt(agents.size()));
            Browser on = new Browser(node, agent.username(), agent.cookie(), agent.csrf());
            switch (random.nextInt(5)) {
              case 0, 1 -> {
                node.handoff("help " + i, random.nextInt(3) == 0 ? 5 : 0);
                handoffs.incrementAndGet();
              }
              case 2 -> {
                var mine = on.get("/api/desk/chats").array();
                if (!mine.isEmpty()) {
                  long chat = mine.getJsonObject(random.nextInt(mine.size())).getLong("conversation");
                  assertThat(on.close(chat).status()).isIn(200, 409);
                }
              }
              case 3 -> {
                var mine = on.get("/api/desk/chats").array();
                if (!mine.isEmpty()) {
                  long chat = mine.getJsonObject(0).getLong("conversation");
                  String to = random.nextBoolean() ? "queue" : agents.get(random.nextInt(agents.size())).username();
                  assertThat(on.transfer(chat, to).status()).isIn(200, 409);
                }
              }
              default -> on.status(random.nextBoolean() ? "available" : "away");
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      pool.shutdown();
      agents.forEach(a -> a.status("available"));
      one.desk.runTimers().await();
      running.set(false);
      checker.join();

      assertThat(handoffs.get()).isGreaterThan(20);
      assertThat(checks.get()).isGreaterThan(0);
      assertThat(violations.get()).isZero();
      assertThat(one.sql(OVER_CAPACITY).iterator().next().getLong("n")).isZero();
      assertThat(one.sql(DOUBLE_ASSIGNED).iterator().next().getLong("n")).isZero();
      // every agent is full or nothing waits: a free slot never sits beside a waiting chat
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        one.desk.runTimers().await();
        long waiting = one.queue().size();
        long free = one.sql("""
            SELECT coalesce(sum(a.capacity - (SELECT count(*) FROM conversation c WHERE c.desk_agent = a.id
                     AND c.status = 'with_agent' AND c.desk_parked_at IS NULL)), 0) AS free
              FROM desk_account a WHERE a.status = 'available'""").iterator().next().getLong("free");
        return waiting == 0 || free == 0;
      });
      // each open chat appears in exactly one agent's list
      List<Long> listed = new ArrayList<>();
      agents.forEach(a -> a.get("/api/desk/chats").array()
          .forEach(o -> listed.add(((JsonObject) o).getLong("conversation"))));
      assertThat(listed).doesNotHaveDuplicates();
      assertThat((long) listed.size()).isEqualTo(one.sql(
          "SELECT count(*) AS n FROM conversation WHERE status = 'with_agent'").iterator().next().getLong("n"));
    }
  }
}
