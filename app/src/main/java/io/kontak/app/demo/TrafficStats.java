package io.kontak.app.demo;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What a run did, counted from every citizen's and agent's thread. */
final class TrafficStats {
  private final Map<Script.Persona, AtomicInteger> citizens = new EnumMap<>(Script.Persona.class);
  private final AtomicInteger delivered = new AtomicInteger();
  private final AtomicInteger surveyed = new AtomicInteger();
  private final AtomicInteger csatAnswers = new AtomicInteger();
  private final AtomicInteger npsAnswers = new AtomicInteger();
  private final AtomicInteger agentMessages = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  TrafficStats() {
    for (Script.Persona p : Script.Persona.values()) {
      citizens.put(p, new AtomicInteger());
    }
  }

  void citizenStarted(Script.Persona persona) {
    citizens.get(persona).incrementAndGet();
  }

  void delivered() {
    delivered.incrementAndGet();
  }

  void surveyed() {
    surveyed.incrementAndGet();
  }

  void answered(boolean nps) {
    (nps ? npsAnswers : csatAnswers).incrementAndGet();
  }

  void agentWrote() {
    agentMessages.incrementAndGet();
  }

  void agentClosed() {
    closed.incrementAndGet();
  }

  void failed(String what) {
    if (failures.size() < 20) {
      failures.add(what);
    }
  }

  int failures() {
    return failures.size();
  }

  String summary() {
    StringBuilder out = new StringBuilder("citizens:");
    citizens.forEach((persona, n) -> out.append(' ').append(persona.name().toLowerCase(Locale.ROOT)).append('=').append(n.get()));
    out.append("\nmessages delivered to the webhook: ").append(delivered.get())
        .append("\nsurveys received: ").append(surveyed.get()).append(", answered: csat ").append(csatAnswers.get())
        .append(", nps ").append(npsAnswers.get())
        .append("\nagents: ").append(agentMessages.get()).append(" messages, ").append(closed.get())
        .append(" chats closed");
    failures.forEach(f -> out.append("\nproblem: ").append(f));
    return out.toString();
  }
}
