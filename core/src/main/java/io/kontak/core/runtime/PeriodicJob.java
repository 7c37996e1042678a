package io.kontak.core.runtime;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verticle that runs one job right after it starts and then every {@code every}, counted from the
 * end of the last run so runs never overlap; a failed run is logged and the schedule goes on.
 */
public abstract class PeriodicJob extends VerticleBase {
  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String what;
  private final Duration every;
  private long timer = -1;
  private volatile boolean stopped;

  /** {@code what} names the job in the log ("retention run failed: ..."). */
  protected PeriodicJob(String what, Duration every) {
    this.what = what;
    this.every = every;
  }

  /** One run of the job. */
  protected abstract Future<?> runOnce();

  /** Whether the verticle is stopping: a long run checks it between steps. */
  protected boolean stopped() {
    return stopped;
  }

  @Override
  public Future<?> start() {
    schedule(0);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void schedule(long delayMillis) {
    if (stopped) {
      return;
    }
    timer = vertx.setTimer(Math.max(1, delayMillis), id -> runOnce()
        .onFailure(e -> log.warn("{} failed: {}", what, e.toString()))
        .onComplete(done -> schedule(every.toMillis())));
  }
}
