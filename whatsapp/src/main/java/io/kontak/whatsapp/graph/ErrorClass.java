package io.kontak.whatsapp.graph;

import java.util.Set;

/**
 * What a Graph API error means for the outbox, decided by Meta's error {@code code} (the HTTP
 * status only when the code is unknown): retry later, or give up for one of these reasons.
 */
public enum ErrorClass {
  /** Throughput (130429), pair rate (131056), app/account limits (4, 80007), unknown/unavailable (131000, 131016, 1, 2), maintenance (131057), or an unknown code on 429/5xx. */
  RETRY("retry"),
  /** 131047: more than 24 h since the citizen's last message; only a template may be sent. */
  WINDOW_CLOSED("window_closed"),
  /** 131026: the message cannot be delivered to this number. */
  UNDELIVERABLE("undeliverable"),
  /** 131048: spam rate limit; sending pauses. */
  SPAM_LIMIT("spam_limit"),
  /** 130403, 131050: the citizen blocked or opted out. */
  BLOCKED("blocked"),
  /** 132000-132999: template missing, paused or wrong parameters. */
  TEMPLATE("template"),
  /** 190, 0: access token expired or invalid. */
  AUTH("auth"),
  /** Anything else Meta refused (invalid parameters, unsupported media…). */
  REJECTED("rejected");

  private static final Set<Integer> RETRYABLE = Set.of(130429, 131056, 131000, 131016, 1, 2, 131057, 4, 80007, 133004);

  private final String reason;

  ErrorClass(String reason) {
    this.reason = reason;
  }

  /** The {@code reason} in {@code wa_outbox.failure_reason} and the desk event. */
  public String reason() {
    return reason;
  }

  public boolean retry() {
    return this == RETRY;
  }

  /** {@code code} is Meta's error code, or -1 when the body had none. */
  public static ErrorClass of(int httpStatus, int code) {
    if (RETRYABLE.contains(code)) {
      return RETRY;
    }
    if (code >= 132000 && code <= 132999) {
      return TEMPLATE;
    }
    return switch (code) {
      case 131047 -> WINDOW_CLOSED;
      case 131026 -> UNDELIVERABLE;
      case 131048 -> SPAM_LIMIT;
      case 130403, 131050 -> BLOCKED;
      case 190, 0 -> AUTH;
      default -> httpStatus == 429 || httpStatus >= 500 ? RETRY : REJECTED;
    };
  }
}
