package io.kontak.app.demo;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A run of demo traffic: the agents sign in, citizens arrive at random moments over the arrival
 * time and play their scripts, each on its own virtual thread; when every citizen is done and the
 * queue is empty the agents close what they hold and leave. Prints what it did and the day's report.
 */
final class DemoTraffic {
  private final TrafficSettings settings;
  private final NodeApi node;
  private final PrintWriter out;
  private final TrafficStats stats = new TrafficStats();
  private volatile boolean citizensDone;
  private volatile Instant leaveBy = Instant.MAX;

  DemoTraffic(TrafficSettings settings, PrintWriter out) {
    this.settings = settings;
    this.node = new NodeApi(settings);
    this.out = out;
  }

  /** Plays the traffic; the day's report when it is done (empty JSON when the token may not read it). */
  JsonObject run() throws InterruptedException {
    Random random = new Random(settings.seed());
    boolean feed = node.hasFeed();
    DemoNames names = DemoNames.load();
    int run = random.nextInt(100_000);
    Duration agentPatience = settings.pause(240).plus(Duration.ofSeconds(30));
    out.printf("demo traffic: %d citizens over %d s, %d agents, against %s%s%n", settings.citizens(),
        settings.arrivals().toSeconds(), settings.agents(), settings.node(),
        feed ? "" : " (no simulator feed: citizens do not see replies or surveys)");
    out.flush();

    DeskAgent.Shift shift = new DeskAgent.Shift() {
      public boolean over() {
        return citizensDone && queueEmpty();
      }

      public boolean mustLeave() {
        return Instant.now().isAfter(leaveBy);
      }
    };
    List<DeskAgent> agents = new ArrayList<>();
    for (int i = 1; i <= settings.agents(); i++) {
      DeskAgent agent = new DeskAgent("demo-traffic-" + run + "-" + i, node, settings, stats,
          new Random(random.nextLong()), shift);
      agent.join();
      agents.add(agent);
    }
    try (ExecutorService agentThreads = Executors.newVirtualThreadPerTaskExecutor();
         ExecutorService citizenThreads = Executors.newVirtualThreadPerTaskExecutor()) {
      agents.forEach(agentThreads::submit);
      List<Future<?>> citizens = new ArrayList<>();
      for (int i = 0; i < settings.citizens(); i++) {
        Script script = Script.of(i, "628" + String.format("%05d%05d", run, i), names, random);
        long delay = (long) (random.nextDouble() * settings.arrivals().toMillis());
        CitizenRun citizen = new CitizenRun(script, node, settings, stats, new Random(random.nextLong()), feed,
            agentPatience);
        citizens.add(citizenThreads.submit(() -> {
          Thread.sleep(delay);
          citizen.run();
          return null;
        }));
      }
      for (Future<?> citizen : citizens) {
        try {
          citizen.get();
        } catch (java.util.concurrent.ExecutionException e) {
          stats.failed(e.getCause().getMessage());
        }
      }
      citizensDone = true;
      leaveBy = Instant.now().plus(agentPatience);
      agentThreads.shutdown();
      agentThreads.awaitTermination(agentPatience.toMillis() + 60_000, TimeUnit.MILLISECONDS);
    }
    out.println(stats.summary());
    NodeApi.Answer report = node.staff("GET", "/api/reports/resolution", null);
    JsonObject figures = report.ok() ? report.object() : new JsonObject();
    if (report.ok()) {
      out.printf("report (last 30 days): %d conversations, bot resolution rate %.2f, %d handed off, %d resolved by "
              + "agents, %d abandoned; CSAT answers %s, NPS answers %s%n",
          figures.getLong("conversations"), figures.getDouble("bot_resolution_rate"), figures.getLong("handed_off"),
          figures.getLong("resolved_by_agent"), figures.getLong("abandoned"),
          figures.getJsonObject("csat").getValue("answers"), figures.getJsonObject("nps").getValue("answers"));
    }
    out.flush();
    return figures;
  }

  int failures() {
    return stats.failures();
  }

  private boolean queueEmpty() {
    NodeApi.Answer queue = node.staff("GET", "/api/desk/queue", null);
    return !queue.ok() || queue.array().isEmpty();
  }
}
