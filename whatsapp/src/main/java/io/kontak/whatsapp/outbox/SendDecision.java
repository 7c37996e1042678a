package io.kontak.whatsapp.outbox;

import java.time.Duration;
import java.util.Optional;

/** What the sender does with a claimed row once the Graph API answered (decided by {@link SendPolicy}). */
public sealed interface SendDecision {

  /** Meta's error as stored on the row: {@code code} is null when there was no answer. */
  record Problem(Integer code, String title, String detail) {
  }

  /** Accepted: never sent again. {@code wamid} is empty for a mark-read. */
  record MarkSent(Optional<String> wamid) implements SendDecision {
  }

  /** Sent again once {@code delayMillis} have passed. */
  record RetryAt(long delayMillis, Problem problem) implements SendDecision {
  }

  /**
   * Given up with {@code reason} ({@code wa_outbox.failure_reason}; the desk is told);
   * {@code alert}: what an operator must hear of at once.
   */
  record Fail(String reason, Problem problem, Optional<String> alert) implements SendDecision {
  }

  /**
   * Meta limited the whole number: no sends from it for {@code pause}, on this node only (its
   * throughput, 130429) or on {@code everyNode} (its spam limit, 131048); the row itself is
   * settled by {@code row}, which is never a pause.
   */
  record Pause(Duration pause, boolean everyNode, SendDecision row) implements SendDecision {
    public Pause {
      if (row instanceof Pause) {
        throw new IllegalArgumentException("a pause settles its row by a retry, a failure or a mark-sent");
      }
    }
  }
}
