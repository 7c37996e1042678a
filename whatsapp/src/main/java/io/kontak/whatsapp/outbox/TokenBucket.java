package io.kontak.whatsapp.outbox;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The send rate of one business phone number: {@code rate} tokens per second, holding at most
 * {@code capacity} (a tenth of a second's worth by default, so no window of T seconds sees more
 * than capacity + rate·T sends). Can be paused (Meta's throughput and spam limits). Not
 * thread-safe: owned by one verticle.
 */
final class TokenBucket {
  private final double perNano;
  private final double capacity;
  private final LongSupplier clock;
  private double tokens;
  private long last;
  private long pausedUntil;

  TokenBucket(double ratePerSecond, double capacity, LongSupplier nanoClock) {
    if (ratePerSecond <= 0 || capacity < 1) {
      throw new IllegalArgumentException("send rate must be positive and capacity at least 1");
    }
    this.perNano = ratePerSecond / 1e9;
    this.capacity = capacity;
    this.clock = nanoClock;
    this.tokens = capacity;
    this.last = nanoClock.getAsLong();
    this.pausedUntil = last;
  }

  static TokenBucket perSecond(int rate, LongSupplier nanoClock) {
    return new TokenBucket(rate, Math.max(1, Math.ceil(rate / 10.0)), nanoClock);
  }

  /** Whole tokens available now (0 while paused). */
  int available() {
    refill();
    return clock.getAsLong() < pausedUntil ? 0 : (int) Math.floor(tokens);
  }

  void take(int n) {
    refill();
    tokens -= n;
  }

  /** Milliseconds until {@code n} tokens (at most the capacity) are available, counting a pause. */
  long millisUntil(int n) {
    refill();
    long now = clock.getAsLong();
    double need = Math.min(n, capacity) - tokens;
    long waitNanos = Math.max(pausedUntil - now, need <= 0 ? 0 : (long) Math.ceil(need / perNano));
    return Math.max(1, (waitNanos + 999_999) / 1_000_000);
  }

  /** Stops handing out tokens for {@code pause}; the bucket starts empty afterwards. */
  boolean paused() {
    return clock.getAsLong() < pausedUntil;
  }

  void pauseFor(Duration pause) {
    long until = clock.getAsLong() + pause.toNanos();
    if (until > pausedUntil) {
      pausedUntil = until;
    }
    tokens = 0;
  }

  long pausedMillis() {
    return Math.max(0, (pausedUntil - clock.getAsLong()) / 1_000_000);
  }

  private void refill() {
    long now = clock.getAsLong();
    if (now < pausedUntil) {
      tokens = Math.min(tokens, 0);
      last = now;
      return;
    }
    long from = Math.max(last, pausedUntil);
    tokens = Math.min(capacity, tokens + (now - from) * perNano);
    last = now;
  }
}
