package io.kontak.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link GroupCommit} on a real event loop. Most tests hold each flush open and complete it by
 * hand, so what goes into which flush is decided by the test, not by timing.
 */
@ExtendWith(VertxExtension.class)
class GroupCommitTest {
  Vertx vertx;
  Context loop;
  /** Every flush so far, in call order, and how to finish it. */
  final List<Flush> flushes = new CopyOnWriteArrayList<>();

  record Flush(List<String> items, Promise<List<String>> promise) {
    /** Succeeds with each item upper-cased. */
    void succeed() {
      promise.complete(items.stream().map(String::toUpperCase).toList());
    }
  }

  @BeforeEach
  void loop(Vertx vertx) {
    this.vertx = vertx;
    this.loop = vertx.getOrCreateContext();
  }

  GroupCommit<String, String> heldOpen(int maxBatch, int maxInFlight) {
    return onLoop(() -> new GroupCommit<>(maxBatch, maxInFlight, items -> {
      Promise<List<String>> promise = Promise.promise();
      flushes.add(new Flush(items, promise));
      return promise.future();
    }));
  }

  List<Future<String>> submit(GroupCommit<String, String> commit, String... items) {
    return onLoop(() -> {
      List<Future<String>> out = new ArrayList<>();
      for (String item : items) {
        out.add(commit.submit(item));
      }
      return out;
    });
  }

  void succeed(int flush) {
    onLoop(() -> {
      flushes.get(flush).succeed();
      return null;
    });
  }

  List<List<String>> groups() {
    return flushes.stream().map(Flush::items).toList();
  }

  @Test
  void anIdleCommitFlushesAtOnce() {
    GroupCommit<String, String> commit = heldOpen(100, 1);
    List<Future<String>> a = submit(commit, "a");
    assertThat(groups()).containsExactly(List.of("a"));  // flushed inside submit: nothing waited for a timer
    assertThat(a.getFirst().isComplete()).isFalse();

    succeed(0);
    assertThat(a.getFirst().await()).isEqualTo("A");
    List<Future<String>> b = submit(commit, "b");
    assertThat(groups()).containsExactly(List.of("a"), List.of("b"));
    succeed(1);
    assertThat(b.getFirst().await()).isEqualTo("B");
  }

  @Test
  void itemsArrivingDuringAFlushGoTogetherInTheNextOne() {
    GroupCommit<String, String> commit = heldOpen(100, 1);
    List<Future<String>> first = submit(commit, "a");
    List<Future<String>> waiting = submit(commit, "b", "c", "d");
    assertThat(groups()).containsExactly(List.of("a"));
    assertThat(onLoop(commit::waiting)).isEqualTo(3);

    succeed(0);
    assertThat(groups()).containsExactly(List.of("a"), List.of("b", "c", "d"));
    assertThat(first.getFirst().await()).isEqualTo("A");
    assertThat(waiting).noneMatch(Future::isComplete);

    succeed(1);
    assertThat(waiting.stream().map(f -> f.await())).containsExactly("B", "C", "D");
  }

  @Test
  void atMostMaxInFlightFlushesRunAtOnce() {
    GroupCommit<String, String> commit = heldOpen(100, 2);
    List<Future<String>> all = submit(commit, "a", "b", "c", "d", "e");
    assertThat(groups()).containsExactly(List.of("a"), List.of("b"));

    succeed(1);  // flushes may finish out of order
    assertThat(groups()).containsExactly(List.of("a"), List.of("b"), List.of("c", "d", "e"));
    assertThat(all.get(1).await()).isEqualTo("B");
    assertThat(all.getFirst().isComplete()).isFalse();

    succeed(0);
    succeed(2);
    assertThat(all.stream().map(f -> f.await())).containsExactly("A", "B", "C", "D", "E");
  }

  @Test
  void aGroupHoldsAtMostMaxBatchItems() {
    GroupCommit<String, String> commit = heldOpen(3, 1);
    List<Future<String>> all = submit(commit, "1", "2", "3", "4", "5", "6", "7", "8");
    for (int i = 0; i < 3; i++) {
      succeed(i);
    }
    assertThat(groups()).containsExactly(List.of("1"), List.of("2", "3", "4"), List.of("5", "6", "7"), List.of("8"));
    succeed(3);
    assertThat(all).allMatch(Future::succeeded);
  }

  @Test
  void aFailedGroupOfSeveralFailsOnlyItsBadItem() {
    GroupCommit<String, String> commit = heldOpen(100, 1);
    List<Future<String>> first = submit(commit, "a");
    List<Future<String>> group = submit(commit, "b", "bad", "c");
    succeed(0);
    assertThat(groups()).containsExactly(List.of("a"), List.of("b", "bad", "c"));

    onLoop(() -> flushes.get(1).promise().tryFail(new IllegalStateException("group refused")));
    assertThat(groups()).containsExactly(List.of("a"), List.of("b", "bad", "c"), List.of("b"));
    succeed(2);
    assertThat(groups().get(3)).containsExactly("bad");
    onLoop(() -> flushes.get(3).promise().tryFail(new IllegalArgumentException("bad is bad")));
    assertThat(groups().get(4)).containsExactly("c");
    List<Future<String>> later = submit(commit, "d");  // waits: the retries go first
    assertThat(groups()).hasSize(5);
    succeed(4);
    succeed(5);

    assertThat(first.getFirst().await()).isEqualTo("A");
    assertThat(group.get(0).await()).isEqualTo("B");
    assertThat(group.get(2).await()).isEqualTo("C");
    assertThat(later.getFirst().await()).isEqualTo("D");
    assertThat(group.get(1).failed()).isTrue();
    assertThat(group.get(1).cause()).isInstanceOf(IllegalArgumentException.class).hasMessage("bad is bad");
    assertThat(groups()).containsExactly(List.of("a"), List.of("b", "bad", "c"), List.of("b"), List.of("bad"),
        List.of("c"), List.of("d"));
  }

  @Test
  void aFailureNoItemCanHaveCausedFailsTheWholeGroupWithoutRetries() {
    GroupCommit<String, String> commit = onLoop(() -> new GroupCommit<String, String>(100, 1, items -> {
      Promise<List<String>> promise = Promise.promise();
      flushes.add(new Flush(items, promise));
      return promise.future();
    }, failure -> !(failure instanceof ConnectException)));
    List<Future<String>> first = submit(commit, "a");
    List<Future<String>> group = submit(commit, "b", "c", "d");
    succeed(0);
    var unreachable = new ConnectException("connection refused");
    onLoop(() -> flushes.get(1).promise().tryFail(unreachable));

    assertThat(first.getFirst().await()).isEqualTo("A");
    assertThat(group).allSatisfy(f -> assertThat(f.cause()).isSameAs(unreachable));
    assertThat(groups()).containsExactly(List.of("a"), List.of("b", "c", "d"));
  }

  @Test
  void aFailureOfOneItemIsFinalAndAThrowingFlushIsAFailure() {
    AtomicInteger calls = new AtomicInteger();
    GroupCommit<String, String> commit = onLoop(() -> new GroupCommit<String, String>(100, 1, items -> {
      calls.incrementAndGet();
      throw new IllegalStateException("storage down");
    }));
    Future<String> a = submit(commit, "a").getFirst();
    assertThat(a.failed()).isTrue();
    assertThat(a.cause()).hasMessage("storage down");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFlushAnsweringTheWrongNumberOfResultsFailsItsItems() {
    GroupCommit<String, String> commit = heldOpen(100, 1);
    List<Future<String>> all = submit(commit, "a", "b", "c");
    onLoop(() -> {
      flushes.get(0).promise().complete(List.of("A"));
      flushes.get(1).promise().complete(List.of("B"));
      return null;
    });
    assertThat(all.get(0).await()).isEqualTo("A");
    assertThat(all.get(1).failed()).isTrue();
    assertThat(all.get(1).cause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 items answered 1");
    assertThat(all.get(2).cause()).isSameAs(all.get(1).cause());
  }

  @Test
  void manyConcurrentSubmittersShareFewFlushesAndEachGetsItsOwnResult(VertxTestContext test) {
    int total = 2_000;
    int maxBatch = 64;
    int maxInFlight = 2;
    AtomicInteger running = new AtomicInteger();
    List<Integer> concurrency = new CopyOnWriteArrayList<>();
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    Function<List<Integer>, Future<List<Integer>>> flush = items -> {
      concurrency.add(running.incrementAndGet());
      sizes.add(items.size());
      // Completed on a worker thread, as an unconfined client might: the commit moves it back to its loop.
      Promise<List<Integer>> flushed = Promise.promise();
      vertx.executeBlocking(() -> flushed.tryComplete(items.stream().map(i -> i * 10).toList()));
      return flushed.future().onComplete(done -> running.decrementAndGet());
    };
    GroupCommit<Integer, Integer> commit = onLoop(() -> new GroupCommit<>(maxBatch, maxInFlight, flush));
    Thread loopThread = onLoop(Thread::currentThread);

    List<Integer> results = new CopyOnWriteArrayList<>();
    List<Boolean> onLoop = new CopyOnWriteArrayList<>();
    AtomicInteger settled = new AtomicInteger();
    // Each submission is its own event-loop task, as concurrent HTTP requests are, all queued
    // before the first flush can answer: the groups after the first two are (nearly all) full.
    loop.runOnContext(queue -> IntStream.range(0, total).forEach(i -> loop.runOnContext(v -> commit.submit(i).onComplete(done -> {
      onLoop.add(Thread.currentThread() == loopThread);
      if (done.succeeded()) {
        results.add(done.result());
      }
      if (settled.incrementAndGet() == total) {
        test.verify(() -> {
          assertThat(results.stream().sorted())
              .containsExactlyElementsOf(IntStream.range(0, total).map(n -> n * 10).boxed().toList());
          assertThat(onLoop).containsOnly(true);
          assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
          assertThat(sizes).allMatch(n -> n <= maxBatch);
          // ideally 2 + ⌈1998 / 64⌉ = 34; a completion that overtakes queued submissions makes a small group
          assertThat(sizes.size()).as("flushes for %d items", total).isLessThan(total / 20);
          assertThat(concurrency).allMatch(n -> n <= maxInFlight);
          test.completeNow();
        });
      }
    }))));
  }

  @Test
  void itIsConfinedToTheLoopItWasCreatedOn() {
    assertThatThrownBy(() -> new GroupCommit<String, String>(1, 1, items -> Future.succeededFuture(items)))
        .isInstanceOf(IllegalStateException.class);
    GroupCommit<String, String> commit = heldOpen(10, 1);
    assertThatThrownBy(() -> commit.submit("from the test thread")).isInstanceOf(IllegalStateException.class);
    assertThat(flushes).isEmpty();
  }

  /** Runs {@code body} on the loop and waits for it. */
  <T> T onLoop(Supplier<T> body) {
    Promise<T> done = Promise.promise();
    loop.runOnContext(v -> {
      try {
        done.complete(body.get());
      } catch (RuntimeException | Error e) {
        done.fail(e);
      }
    });
    return done.future().await();
  }
}
