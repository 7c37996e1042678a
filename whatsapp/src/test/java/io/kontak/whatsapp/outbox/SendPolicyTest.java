package io.kontak.whatsapp.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.config.KontakConfig;
import io.kontak.whatsapp.graph.GraphError;
import io.kontak.whatsapp.graph.GraphResult;
import io.kontak.whatsapp.outbox.SendDecision.Fail;
import io.kontak.whatsapp.outbox.SendDecision.MarkSent;
import io.kontak.whatsapp.outbox.SendDecision.Pause;
import io.kontak.whatsapp.outbox.SendDecision.Problem;
import io.kontak.whatsapp.outbox.SendDecision.RetryAt;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every Graph API outcome and what the sender does with its row, without a node. */
class SendPolicyTest {
  static final KontakConfig.Graph SETTINGS = new KontakConfig.Graph(80, 64, Duration.ofSeconds(10),
      Duration.ofMillis(100), Duration.ofSeconds(5), 4, Duration.ofSeconds(1), Duration.ofMinutes(10));
  final SendPolicy policy = new SendPolicy(SETTINGS, new Random(13));

  /** {@code decision}: what the first attempt's answer does; {@code pause}: ms the number stops, 0 for none. */
  @ParameterizedTest(name = "HTTP {0}, code {1} -> {2} {3}")
  @CsvSource(textBlock = """
      # HTTP, code,   decision, reason,         pause ms, every node
        429,  130429, retry,    ,               100,      false
        400,  131056, retry,    ,               0,        false
        500,  131000, retry,    ,               0,        false
        503,  131016, retry,    ,               0,        false
        500,  1,      retry,    ,               0,        false
        503,  2,      retry,    ,               0,        false
        400,  4,      retry,    ,               0,        false
        400,  80007,  retry,    ,               0,        false
        503,  131057, retry,    ,               0,        false
        400,  133004, retry,    ,               0,        false
        429,  -1,     retry,    ,               0,        false
        502,  -1,     retry,    ,               0,        false
        400,  131047, fail,     window_closed,  0,        false
        400,  131026, fail,     undeliverable,  0,        false
        400,  131048, fail,     spam_limit,     600000,   true
        403,  130403, fail,     blocked,        0,        false
        400,  131050, fail,     blocked,        0,        false
        400,  132000, fail,     template,       0,        false
        400,  132001, fail,     template,       0,        false
        400,  132999, fail,     template,       0,        false
        401,  190,    fail,     auth,           0,        false
        401,  0,      fail,     auth,           0,        false
        400,  100,    fail,     rejected,       0,        false
        400,  131009, fail,     rejected,       0,        false
        400,  -1,     fail,     rejected,       0,        false
      """)
  void metasAnswerDecidesTheRowAndWhetherTheNumberPauses(int http, int code, String decision, String reason,
                                                          long pauseMillis, boolean everyNode) {
    SendDecision decided = policy.decide(rejected(http, code, Optional.empty()), 1);

    SendDecision row = decided;
    if (pauseMillis > 0) {
      assertThat(decided).isInstanceOf(Pause.class);
      Pause pause = (Pause) decided;
      assertThat(pause.pause()).isEqualTo(Duration.ofMillis(pauseMillis));
      assertThat(pause.everyNode()).isEqualTo(everyNode);
      row = pause.row();
    }
    Problem expected = new Problem(code, "(#" + code + ") refused", "details of " + code);
    switch (decision) {
      case "retry" -> assertThat(row).isInstanceOfSatisfying(RetryAt.class, retry -> {
        assertThat(retry.problem()).isEqualTo(expected);
        assertThat(retry.delayMillis()).isBetween(0L, 100L);  // the first retry: [0, base]
      });
      case "fail" -> assertThat(row).isInstanceOfSatisfying(Fail.class, fail -> {
        assertThat(fail.reason()).isEqualTo(reason);
        assertThat(fail.problem()).isEqualTo(expected);
        assertThat(fail.alert().isPresent()).as("alert").isEqualTo(reason.equals("auth") || reason.equals("spam_limit"));
      });
      default -> throw new IllegalArgumentException(decision);
    }
  }

  @Test
  void anAcceptedRequestIsMarkedSentWithItsWamid() {
    assertThat(policy.decide(new GraphResult.Accepted(Optional.of("wamid.A")), 1))
        .isEqualTo(new MarkSent(Optional.of("wamid.A")));
    assertThat(policy.decide(new GraphResult.Accepted(Optional.empty()), 3)).isEqualTo(new MarkSent(Optional.empty()));
  }

  @Test
  void retriesBackOffWithFullJitterAndGiveUpAtTheLastAttempt() {
    long[] ceilings = {100, 200, 400};
    for (int attempt = 1; attempt <= 3; attempt++) {
      long max = 0;
      for (int i = 0; i < 2_000; i++) {
        SendDecision d = policy.decide(rejected(500, 131000, Optional.empty()), attempt);
        long delay = ((RetryAt) d).delayMillis();
        assertThat(delay).isBetween(0L, ceilings[attempt - 1]);
        max = Math.max(max, delay);
      }
      assertThat(max).as("attempt %d spreads over its whole window", attempt).isGreaterThan(ceilings[attempt - 1] * 9 / 10);
    }
    assertThat(policy.decide(rejected(500, 131000, Optional.empty()), 4))
        .isEqualTo(new Fail("gave_up", new Problem(131000, "(#131000) refused", "details of 131000"), Optional.empty()));
  }

  @Test
  void theThroughputLimitPausesTheNumberEvenWhenTheRowIsGivenUp() {
    SendDecision last = policy.decide(rejected(429, 130429, Optional.empty()), 4);
    assertThat(last).isInstanceOfSatisfying(Pause.class, pause -> {
      assertThat(pause.everyNode()).isFalse();
      assertThat(pause.row()).isInstanceOfSatisfying(Fail.class, fail -> assertThat(fail.reason()).isEqualTo("gave_up"));
    });
  }

  @Test
  void metasRetryAfterIsTheShortestWait() {
    for (int i = 0; i < 100; i++) {
      RetryAt retry = (RetryAt) policy.decide(rejected(503, 131016, Optional.of(Duration.ofSeconds(3))), 1);
      assertThat(retry.delayMillis()).isEqualTo(3_000);
    }
  }

  @Test
  void noConnectionIsRetriedButARequestWithoutAnswerIsNeverRepeated() {
    SendDecision refused = policy.decide(new GraphResult.Unreachable(new ConnectException("refused"), true), 1);
    assertThat(refused).isInstanceOfSatisfying(RetryAt.class, retry -> {
      assertThat(retry.problem().code()).isNull();
      assertThat(retry.problem().title()).isEqualTo("Graph API unreachable");
    });
    assertThat(policy.decide(new GraphResult.Unreachable(new ConnectException("refused"), true), 4))
        .isInstanceOfSatisfying(Fail.class, fail -> assertThat(fail.reason()).isEqualTo("gave_up"));

    SendDecision lost = policy.decide(new GraphResult.Unreachable(new IOException("connection reset"), false), 1);
    assertThat(lost).isInstanceOfSatisfying(Fail.class, fail -> {
      assertThat(fail.reason()).isEqualTo("interrupted");
      assertThat(fail.problem().code()).isNull();
      assertThat(fail.problem().detail()).contains("connection reset");
    });
  }

  private static GraphResult rejected(int http, int code, Optional<Duration> retryAfter) {
    return new GraphResult.Rejected(new GraphError(http, code, "OAuthException", "(#" + code + ") refused",
        Optional.of("details of " + code), Optional.empty(), retryAfter));
  }
}
