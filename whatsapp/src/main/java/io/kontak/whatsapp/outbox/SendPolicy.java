package io.kontak.whatsapp.outbox;

import io.kontak.core.config.KontakConfig;
import io.kontak.whatsapp.graph.ErrorClass;
import io.kontak.whatsapp.graph.GraphError;
import io.kontak.whatsapp.graph.GraphResult;
import io.kontak.whatsapp.outbox.SendDecision.Fail;
import io.kontak.whatsapp.outbox.SendDecision.MarkSent;
import io.kontak.whatsapp.outbox.SendDecision.Pause;
import io.kontak.whatsapp.outbox.SendDecision.Problem;
import io.kontak.whatsapp.outbox.SendDecision.RetryAt;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides what a Graph API answer means for the row that was sent: Meta's retryable codes, 429/5xx
 * and no connection are retried with exponential backoff and full jitter (never sooner than
 * Meta's {@code Retry-After}) until the attempts run out; a request that may have reached Meta
 * without an answer is not repeated (at most one send per row); everything else fails with the
 * reason {@link ErrorClass} gives it. No I/O, so every code's outcome is checked without a node.
 */
public final class SendPolicy {
  /** Meta's throughput limit for the whole number: retrying alone would run into it again at once. */
  static final int THROUGHPUT_LIMIT = 130429;

  private final KontakConfig.Graph settings;
  private final Backoff backoff;

  public SendPolicy(KontakConfig.Graph settings, RandomGenerator random) {
    this.settings = settings;
    this.backoff = new Backoff(settings.retryBase(), settings.retryMax(), random);
  }

  /** The decision for {@code result}, the answer to the {@code attempts}-th attempt (1 = the first) of a row. */
  public SendDecision decide(GraphResult result, int attempts) {
    return switch (result) {
      case GraphResult.Accepted accepted -> new MarkSent(accepted.wamid());
      case GraphResult.Rejected rejected -> rejected(rejected.error(), attempts);
      case GraphResult.Unreachable u when u.neverSent() ->
          retry(new Problem(null, "Graph API unreachable", u.cause().toString()), attempts, Optional.empty());
      case GraphResult.Unreachable u -> new Fail("interrupted",
          new Problem(null, "no answer from the Graph API: Meta may have accepted it", u.cause().toString()),
          Optional.empty());
    };
  }

  private SendDecision rejected(GraphError error, int attempts) {
    ErrorClass errorClass = error.errorClass();
    Problem problem = new Problem(error.code(), error.message(), error.details().orElse(null));
    return switch (errorClass) {
      case RETRY -> {
        SendDecision row = retry(problem, attempts, error.retryAfter());
        yield error.code() == THROUGHPUT_LIMIT ? new Pause(settings.retryBase(), false, row) : row;
      }
      case SPAM_LIMIT -> new Pause(settings.spamPause(), true, new Fail(errorClass.reason(), problem, Optional.of(
          "Meta's spam rate limit (131048): sending paused for " + settings.spamPause().toSeconds() + " s on every node")));
      case AUTH -> new Fail(errorClass.reason(), problem, Optional.of(
          "the Graph API refused the access token (" + error + "): check WHATSAPP_ACCESS_TOKEN"));
      default -> new Fail(errorClass.reason(), problem, Optional.empty());
    };
  }

  private SendDecision retry(Problem problem, int attempts, Optional<Duration> retryAfter) {
    if (attempts >= settings.retryAttempts()) {
      return new Fail("gave_up", problem, Optional.empty());
    }
    long delay = Math.max(backoff.delayMillis(attempts), retryAfter.map(Duration::toMillis).orElse(0L));
    return new RetryAt(delay, problem);
  }
}
