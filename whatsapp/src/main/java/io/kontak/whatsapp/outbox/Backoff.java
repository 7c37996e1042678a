package io.kontak.whatsapp.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: attempt n waits a uniform random time in [0, min(max, base·2^(n-1))]. */
public final class Backoff {
  private final long baseMillis;
  private final long maxMillis;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    this.baseMillis = Math.max(1, base.toMillis());
    this.maxMillis = Math.max(baseMillis, max.toMillis());
    this.random = random;
  }

  /** The cap of the delay after the {@code attempt}-th failed attempt (1 = the first). */
  long ceilingMillis(int attempt) {
    long ceiling = baseMillis;
    for (int i = 1; i < attempt && ceiling < maxMillis; i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, maxMillis);
  }

  public long delayMillis(int attempt) {
    return random.nextLong(ceilingMillis(attempt) + 1);
  }
}
