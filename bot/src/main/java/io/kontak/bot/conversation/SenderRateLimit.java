package io.kontak.bot.conversation;

import io.kontak.core.conversation.CitizenId;
import io.kontak.core.redis.WindowCounter;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages per citizen and minute, counted in Redis across nodes. Over the budget messages are
 * still stored and marked processed, but only the first one past it gets a notice. Without
 * Redis every message is admitted: answering beats silence.
 */
public final class SenderRateLimit {
  private static final Logger LOG = LoggerFactory.getLogger(SenderRateLimit.class);

  /** What to do with one more message from a citizen. */
  public enum Admission {
    ADMITTED, NOTICE, FLOODING
  }

  private static final String KEY = "ratelimit:sender:";

  private final WindowCounter counter;
  private final int perMinute;

  public SenderRateLimit(WindowCounter perMinuteCounter, int perMinute) {
    this.counter = perMinuteCounter;
    this.perMinute = perMinute;
  }

  /**
   * Admissions for a batch: {@code messages} per citizen counted at once; each citizen's list has
   * one admission per message, in order.
   */
  public Future<Map<CitizenId, List<Admission>>> admitAll(Map<CitizenId, Integer> messages) {
    Map<String, Integer> events = new HashMap<>();
    messages.forEach((citizen, n) -> events.put(KEY + citizen.key(), n));
    return counter.hitAll(events)
        .map(counts -> {
          Map<CitizenId, List<Admission>> out = new HashMap<>();
          messages.forEach((citizen, n) -> {
            long first = counts.get(KEY + citizen.key()) - n + 1;
            List<Admission> admissions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              admissions.add(admission(first + i));
            }
            out.put(citizen, admissions);
          });
          return out;
        })
        .recover(e -> {
          LOG.warn("sender rate limit unavailable (Redis: {}); admitting", e.getMessage());
          Map<CitizenId, List<Admission>> all = new HashMap<>();
          messages.forEach((citizen, n) -> all.put(citizen, Collections.nCopies(n, Admission.ADMITTED)));
          return Future.succeededFuture(all);
        });
  }

  private Admission admission(long count) {
    return count <= perMinute ? Admission.ADMITTED : count == perMinute + 1 ? Admission.NOTICE : Admission.FLOODING;
  }
}
