package io.kontak.core.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Group commit on one event loop: items submitted while a flush runs go together in the next one,
 * so a burst costs one statement (one transaction, one WAL flush) per group instead of one per
 * item. An item submitted while fewer than {@code maxInFlight} flushes run is flushed at once:
 * batching adds no latency when idle, and under load a group grows to whatever arrived during
 * the previous flush (at most {@code maxBatch}).
 *
 * <p>The flush function gets the items in submission order and answers one result per item, in
 * the same order. When a flush of several items fails, each of them is flushed again alone (ahead
 * of newer items), so one item the database refuses fails only its own submitter; a failure of a
 * single item is final. A failure no item can have caused (the database unreachable) may instead
 * fail the whole group at once: retried one by one, it would be waited out once per item.
 *
 * <p>Confined to the event loop it was created on, without locks: submit there, and flush with a
 * client that completes on the caller's context (Vert.x clients do; a flush completing elsewhere
 * is moved back to the loop).
 */
public final class GroupCommit<T, R> {
  private final int maxBatch;
  private final int maxInFlight;
  private final Function<List<T>, Future<List<R>>> flush;
  private final Predicate<Throwable> retryAlone;
  private final Context context;
  private final Thread loop;
  private final ArrayDeque<Waiting<T, R>> queue = new ArrayDeque<>();
  private int inFlight;

  /** An item and its submitter; {@code alone} once it failed in a group and must be flushed by itself. */
  private record Waiting<T, R>(T item, Promise<R> promise, boolean alone) {
    Waiting<T, R> isolated() {
      return new Waiting<>(item, promise, true);
    }
  }

  /** Retries the items of any failed group one by one. */
  public GroupCommit(int maxBatch, int maxInFlight, Function<List<T>, Future<List<R>>> flush) {
    this(maxBatch, maxInFlight, flush, failure -> true);
  }

  /**
   * @param retryAlone whether a group's failure may be the fault of one of its items, so that each is
   *                   flushed again by itself; when not, every item fails with the group's error
   */
  public GroupCommit(int maxBatch, int maxInFlight, Function<List<T>, Future<List<R>>> flush,
                     Predicate<Throwable> retryAlone) {
    if (maxBatch < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("maxBatch and maxInFlight must be at least 1");
    }
    Context current = Vertx.currentContext();
    if (current == null || !current.isEventLoopContext() || !Context.isOnEventLoopThread()) {
      throw new IllegalStateException("a GroupCommit is confined to an event loop: create it on one");
    }
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.flush = flush;
    this.retryAlone = retryAlone;
    this.context = current;
    this.loop = Thread.currentThread();
  }

  /** Completes with the item's result once the flush that carried it succeeded, or fails with its own error. */
  public Future<R> submit(T item) {
    if (Thread.currentThread() != loop) {
      throw new IllegalStateException("GroupCommit.submit called off its event loop (" + Thread.currentThread().getName() + ")");
    }
    Promise<R> promise = Promise.promise();
    queue.addLast(new Waiting<>(item, promise, false));
    drain();
    return promise.future();
  }

  /** Items waiting for a flush slot (for tests and metrics). */
  public int waiting() {
    return queue.size();
  }

  private void drain() {
    while (inFlight < maxInFlight && !queue.isEmpty()) {
      List<Waiting<T, R>> group = nextGroup();
      inFlight++;
      start(group);
    }
  }

  /** The oldest waiting items up to {@code maxBatch}; an isolated item goes by itself. */
  private List<Waiting<T, R>> nextGroup() {
    List<Waiting<T, R>> group = new ArrayList<>(Math.min(maxBatch, queue.size()));
    group.add(queue.pollFirst());
    if (group.getFirst().alone()) {
      return group;
    }
    while (group.size() < maxBatch && !queue.isEmpty() && !queue.peekFirst().alone()) {
      group.add(queue.pollFirst());
    }
    return group;
  }

  private void start(List<Waiting<T, R>> group) {
    List<T> items = group.stream().map(Waiting::item).toList();
    Future<List<R>> flushed;
    try {
      flushed = flush.apply(items);
      if (flushed == null) {
        flushed = Future.failedFuture(new IllegalStateException("the flush function returned no future"));
      }
    } catch (RuntimeException e) {
      flushed = Future.failedFuture(e);
    }
    flushed.onComplete(done -> {
      if (Thread.currentThread() == loop) {
        finish(group, done);
      } else {
        context.runOnContext(v -> finish(group, done));
      }
    });
  }

  private void finish(List<Waiting<T, R>> group, AsyncResult<List<R>> done) {
    inFlight--;
    if (done.succeeded()) {
      List<R> results = done.result();
      if (results != null && results.size() == group.size()) {
        for (int i = 0; i < group.size(); i++) {
          group.get(i).promise().complete(results.get(i));
        }
      } else {
        var wrong = new IllegalStateException("a flush of " + group.size() + " items answered "
            + (results == null ? "no list" : results.size() + " results"));
        group.forEach(w -> w.promise().fail(wrong));
      }
    } else if (group.size() == 1 || !retryAlone.test(done.cause())) {
      group.forEach(w -> w.promise().fail(done.cause()));
    } else {
      // Ahead of newer items, in their order: the retries are what their submitters already wait for.
      for (int i = group.size() - 1; i >= 0; i--) {
        queue.addFirst(group.get(i).isolated());
      }
    }
    drain();
  }
}
