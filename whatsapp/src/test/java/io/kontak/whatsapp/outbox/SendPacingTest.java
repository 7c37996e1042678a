package io.kontak.whatsapp.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket and the backoff on a controlled clock and random source. */
class SendPacingTest {
  @Test
  void theBucketHandsOutItsRateAfterASmallBurst() {
    AtomicLong now = new AtomicLong();
    TokenBucket bucket = TokenBucket.perSecond(80, now::get);
    assertThat(bucket.available()).isEqualTo(8);
    bucket.take(8);
    assertThat(bucket.available()).isZero();
    assertThat(bucket.millisUntil(1)).isEqualTo(13);  // 12.5 ms per token, rounded up
    now.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(bucket.available()).isEqualTo(8);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(bucket.available()).isEqualTo(8);  // never more than the burst

    int sent = 0;
    for (int ms = 0; ms < 1_000; ms++) {
      int n = bucket.available();
      bucket.take(n);
      sent += n;
      now.addAndGet(Duration.ofMillis(1).toNanos());
    }
    assertThat(sent).isBetween(80, 88);
  }

  @Test
  void aPauseStopsTheBucketAndItRefillsFromEmptyAfterwards() {
    AtomicLong now = new AtomicLong();
    TokenBucket bucket = TokenBucket.perSecond(10, now::get);
    bucket.pauseFor(Duration.ofSeconds(5));
    assertThat(bucket.available()).isZero();
    assertThat(bucket.millisUntil(1)).isEqualTo(5_000);
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(bucket.available()).isZero();
    now.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(bucket.available()).isEqualTo(1);
  }

  @Test
  void backoffDoublesUpToTheCapWithFullJitter() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(7));
    assertThat(backoff.ceilingMillis(1)).isEqualTo(100);
    assertThat(backoff.ceilingMillis(2)).isEqualTo(200);
    assertThat(backoff.ceilingMillis(6)).isEqualTo(3_200);
    assertThat(backoff.ceilingMillis(7)).isEqualTo(5_000);
    assertThat(backoff.ceilingMillis(60)).isEqualTo(5_000);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 10_000; i++) {
      long d = backoff.delayMillis(4);
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(min).isLessThan(20);
    assertThat(max).isGreaterThan(780).isLessThanOrEqualTo(800);
  }
}
