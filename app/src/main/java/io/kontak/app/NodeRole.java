package io.kontak.app;

/**
 * What one node does. {@code kontak run} does everything; a deployment of several nodes gives each
 * a role ({@code kontak bot}, {@code kontak desk}) and clusters their event buses. Every role
 * serves the registry API, sends the outbox (rows are claimed, so senders on several nodes never
 * send one twice) and keeps its registry index current.
 */
public enum NodeRole {
  /** Everything in one process. */
  ALL(true, true),
  /** Citizens: the WhatsApp webhook, the conversation engine and the simulator. */
  BOT(true, false),
  /** Staff: the agent desk (routing, live channel, timers) and the reports. */
  DESK(false, true);

  private final boolean answersCitizens;
  private final boolean servesDesk;

  NodeRole(boolean answersCitizens, boolean servesDesk) {
    this.answersCitizens = answersCitizens;
    this.servesDesk = servesDesk;
  }

  /** Receives Meta's webhook and runs the conversation engine (and the simulator, when on). */
  public boolean answersCitizens() {
    return answersCitizens;
  }

  /** Runs the agent desk and the reports. */
  public boolean servesDesk() {
    return servesDesk;
  }
}
