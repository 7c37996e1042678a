package io.kontak.app.demo;

import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Plays one {@link Script} through the node's real webhook. With the simulator's feed (the demo
 * node serves it) the citizen waits for each answer and sees the survey; without it, pauses stand in.
 */
final class CitizenRun implements Runnable {
  private static final AtomicInteger WAMIDS = new AtomicInteger();

  private final Script script;
  private final NodeApi node;
  private final TrafficSettings settings;
  private final TrafficStats stats;
  private final RandomGenerator random;
  private final boolean feed;
  private final Duration agentPatience;
  private long seen;
  /** The latest message the node sent this citizen (a survey may have come with the reply before it). */
  private Optional<JsonObject> last = Optional.empty();

  CitizenRun(Script script, NodeApi node, TrafficSettings settings, TrafficStats stats, RandomGenerator random,
             boolean feed, Duration agentPatience) {
    this.script = script;
    this.node = node;
    this.settings = settings;
    this.stats = stats;
    this.random = random;
    this.feed = feed;
    this.agentPatience = agentPatience;
  }

  @Override
  public void run() {
    stats.citizenStarted(script.persona());
    try {
      for (Script.Step step : script.steps()) {
        switch (step) {
          case Script.Step.Say say -> send(CloudApiDelivery.text(script.waId(), wamid(), now(), say.text()));
          case Script.Step.Tap tap -> send(CloudApiDelivery.reply(script.waId(), wamid(), now(), "button_reply",
              tap.id(), tap.title(), Optional.empty()));
          case Script.Step.AwaitAgent wait -> awaitReply(settings.pause(60));
          case Script.Step.Survey survey -> survey(survey);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      stats.failed(e.getMessage());
    }
  }

  private void send(JsonObject message) throws InterruptedException {
    Thread.sleep(settings.pause(2 + random.nextDouble() * 6));
    if (node.deliver(script.waId(), script.name(), message)) {
      stats.delivered();
    } else {
      stats.failed("the webhook did not store a message");
    }
    awaitReply(bounded(settings.pause(8)));
  }

  /** Waits for the next thing the node sends this citizen (a reply, an agent's message), at most {@code patience}. */
  private Optional<JsonObject> awaitReply(Duration patience) throws InterruptedException {
    if (!feed) {
      Thread.sleep(patience.toMillis() / 4);
      return Optional.empty();
    }
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      Optional<List<JsonObject>> sent = node.sentTo(script.waId(), seen);
      if (sent.isPresent() && !sent.get().isEmpty()) {
        seen = sent.get().getLast().getLong("seq");
        last = Optional.of(sent.get().getLast().getJsonObject("message"));
        return last;
      }
      Thread.sleep(250);
    }
    return Optional.empty();
  }

  /** Looks for the survey among what arrives after the ending; answers it by tapping a row or typing the number. */
  private void survey(Script.Step.Survey survey) throws InterruptedException {
    if (!feed) {
      return;
    }
    Instant deadline = Instant.now().plus(survey.afterAgent() ? agentPatience : bounded(settings.pause(20)));
    Optional<JsonArray> rows = last.flatMap(CitizenRun::surveyRows);
    while (rows.isEmpty() && Instant.now().isBefore(deadline)) {
      rows = awaitReply(Duration.between(Instant.now(), deadline)).flatMap(CitizenRun::surveyRows);
    }
    if (rows.isPresent()) {
      stats.surveyed();
      if (survey.answers()) {
        answer(rows.get(), survey);
      }
    }
  }

  private void answer(JsonArray rows, Script.Step.Survey survey) throws InterruptedException {
    boolean nps = rows.getJsonObject(0).getString("id").contains(":nps:");
    int score = nps ? Math.round(survey.satisfaction() / 10f) : 1 + Math.round(survey.satisfaction() / 25f);
    JsonObject row = rows.stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("id").endsWith(":" + score)).findFirst().orElse(null);
    Thread.sleep(settings.pause(3 + random.nextDouble() * 10));
    JsonObject message = survey.types() || row == null
        ? CloudApiDelivery.text(script.waId(), wamid(), now(), Integer.toString(score))
        : CloudApiDelivery.reply(script.waId(), wamid(), now(), "list_reply", row.getString("id"),
            row.getString("title"), Optional.ofNullable(row.getString("description")));
    if (node.deliver(script.waId(), script.name(), message)) {
      stats.answered(nps);
    }
  }

  /** The rows of a survey list (ids {@code survey:…}), if {@code message} is one. */
  private static Optional<JsonArray> surveyRows(JsonObject message) {
    JsonObject interactive = message.getJsonObject("interactive");
    if (interactive == null || !"list".equals(interactive.getString("type"))) {
      return Optional.empty();
    }
    JsonArray rows = interactive.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows");
    return rows.isEmpty() || !rows.getJsonObject(0).getString("id").startsWith("survey:") ? Optional.empty()
        : Optional.of(rows);
  }

  private Duration bounded(Duration wait) {
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
        : wait.compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : wait;
  }

  private String wamid() {
    return "wamid.DEMO" + System.currentTimeMillis() + "_" + WAMIDS.incrementAndGet();
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
