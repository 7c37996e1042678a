package io.kontak.bench.wa;

import io.kontak.core.runtime.KontakVertx;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.webhook.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The desk under load (bench/README.md, "Desk bench"): ONE Kontak node as a separate process with
 * the real OJK registry loaded, {@code --agents} simulated agents signed in over the REST API, each
 * on the live channel (the SockJS bridge's raw WebSocket) with capacity {@code --capacity}; citizens
 * ask for a person through the signed real webhook at {@code --rate} handoffs a second. Each agent,
 * on {@code chat.assigned}, replies over REST; the citizen then writes again; on that message's
 * {@code chat.message} the agent keeps the chat open {@code --hold} seconds (so agents work several
 * chats at once, up to capacity), then closes it, which frees the slot. Measured per citizen:
 * handoff message sent → {@code chat.assigned} on the agent's socket (bot, NLU, routing and
 * delivery), citizen message sent → {@code chat.message} on the socket, agent's send → the reply
 * at the fake Graph API; assignments a second; and capacity violations, both as the agents saw them
 * (open chats per socket) and as the server reports them ({@code GET /api/desk/agents}, polled).
 */
public final class DeskBench {
  static final String STAFF_TOKEN = RegistryFile.STAFF_TOKEN;
  static final String PASSWORD = "bench-Passw0rd-long-enough!";
  static final String HANDOFF_TEXT = "sambungkan ke manusia pls";
  static final long NS = 1_000_000_000L;

  int agents = 100;
  int capacity = 4;
  int rate = 20;
  int warmupSeconds = 20;
  int measureSeconds = 60;
  int drainSeconds = 45;
  /** How long an agent keeps a chat open after the citizen's second message: chats pile up to capacity. */
  int holdSeconds = 15;
  Path launcher = Path.of("kontak");
  /** The registry file to import (JSON Lines, .gz allowed); the bench script names it. */
  Path registry;
  Path out = Path.of("bench/RESULTS-desk.md");
  String command = "bench/run-desk-bench.sh";

  Vertx vertx;
  FakeGraphApi fake;
  HttpClient http;
  /** One client for every agent's socket, held for the whole run: Vert.x closes a client the GC finds unreachable. */
  WebSocketClient sockets;
  int port;
  final List<Agent> agentList = new ArrayList<>();
  Agent supervisor;
  final Map<String, Citizen> byName = new ConcurrentHashMap<>();
  final Map<Integer, Citizen> byIndex = new ConcurrentHashMap<>();
  final AtomicLong clientViolations = new AtomicLong();
  final AtomicLong serverViolations = new AtomicLong();
  final AtomicLong serverPolls = new AtomicLong();
  final AtomicInteger maxOpenSeen = new AtomicInteger();
  final AtomicLong errors = new AtomicLong();
  final AtomicLong closedSockets = new AtomicLong();
  final Map<String, Long> errorKinds = new ConcurrentHashMap<>();
  volatile boolean measuring;
  /** Set once the report is taken: the sockets close with the node after that. */
  volatile boolean finished;

  /** One simulated citizen, numbered; times are System.nanoTime() of this process (0 = not yet). */
  static final class Citizen {
    final int i;
    final boolean measured;
    volatile long handoffSent;
    volatile long assigned;
    volatile long replySent;
    volatile long replyAtGraph;
    volatile long followUpSent;
    volatile long followUpSeen;
    volatile long closed;

    Citizen(int i, boolean measured) {
      this.i = i;
      this.measured = measured;
    }

    String waId() {
      return "62899" + String.format(Locale.ROOT, "%07d", i);
    }

    String name() {
      return "Bench Warga " + i;
    }
  }

  final class Agent {
    final String username;
    String cookie;
    String csrf;
    WebSocket socket;
    final Set<Long> open = ConcurrentHashMap.newKeySet();

    Agent(String username) {
      this.username = username;
    }
  }

  public static void main(String[] args) throws Exception {
    DeskBench b = new DeskBench();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--agents" -> b.agents = Integer.parseInt(args[++i]);
        case "--capacity" -> b.capacity = Integer.parseInt(args[++i]);
        case "--rate" -> b.rate = Integer.parseInt(args[++i]);
        case "--warmup" -> b.warmupSeconds = Integer.parseInt(args[++i]);
        case "--measure" -> b.measureSeconds = Integer.parseInt(args[++i]);
        case "--drain" -> b.drainSeconds = Integer.parseInt(args[++i]);
        case "--hold" -> b.holdSeconds = Integer.parseInt(args[++i]);
        case "--launcher" -> b.launcher = Path.of(args[++i]);
        case "--registry" -> b.registry = Path.of(args[++i]);
        case "--out" -> b.out = Path.of(args[++i]);
        case "--command" -> b.command = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.exit(b.run());
  }

  int run() throws Exception {
    String loadStart = WhatsAppBench.loadavg();
    Instant started = Instant.now();
    vertx = KontakVertx.create();
    fake = FakeGraphApi.start(vertx, WhatsAppBench.TOKEN, 0).await();
    fake.onRequest(this::onGraphRequest);
    port = WhatsAppBench.freePort();
    Path dataDir = Files.createTempDirectory("kontak-desk-bench-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path log = Path.of("bench/target/desk-bench-node.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(launcher.toAbsolutePath().toString(), "run")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("KONTAK_DATA_DIR", dataDir.toString());
    env.put("KONTAK_HTTP_PORT", Integer.toString(port));
    env.put("KONTAK_ADMIN_TOKEN", STAFF_TOKEN);
    env.put("WHATSAPP_APP_SECRET", WhatsAppBench.SECRET);
    env.put("WHATSAPP_VERIFY_TOKEN", WhatsAppBench.VERIFY);
    env.put("WHATSAPP_ACCESS_TOKEN", WhatsAppBench.TOKEN);
    env.put("WHATSAPP_PHONE_NUMBER_ID", WhatsAppBench.PHONE_NUMBER_ID);
    env.put("WHATSAPP_GRAPH_URL", fake.baseUrl());
    env.put("KONTAK_GRAPH_SEND_RATE", "100000");
    env.put("KONTAK_SENDER_RATE_PER_MINUTE", "1000");
    env.put("KONTAK_SIMULATOR", "false");
    env.put("KONTAK_DESK_CAPACITY", Integer.toString(capacity));
    env.remove("KONTAK_PG_URL");
    env.remove("KONTAK_REDIS_URL");
    System.out.printf("starting node on port %d (data %s, log %s)%n", port, dataDir, log);
    Process node = pb.start();
    String report;
    try {
      WhatsAppBench.waitHealthy(node, port, 240);
      http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
          .setKeepAlive(true).setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(128).setMaxWaitQueueSize(-1));
      sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(agents + 1));
      int rows = loadRegistry();
      System.out.printf("registry loaded: %d rows%n", rows);
      signInAgents();
      System.out.printf("%d agents signed in, on the live channel, available%n", agentList.size());
      long pollTimer = vertx.setPeriodic(500, id -> pollServerLoads());

      int warmupN = warmupSeconds * rate;
      int measuredN = measureSeconds * rate;
      play(0, warmupN, false);
      measuring = true;
      long t0 = System.nanoTime();
      play(warmupN, measuredN, true);
      long sendEnd = System.nanoTime();
      long drainEnd = sendEnd + drainSeconds * NS;
      while (System.nanoTime() < drainEnd && !allClosed()) {
        Thread.sleep(100);
      }
      measuring = false;
      vertx.cancelTimer(pollTimer);
      String serverState = serverState();
      finished = true;
      report = report(t0, sendEnd, WhatsAppBench.loadavg(), loadStart, started, node.pid()) + serverState;
    } finally {
      WhatsAppBench.stop(node);
      WhatsAppBench.deleteTree(dataDir);
    }
    fake.close().await();
    vertx.close().await();
    System.out.println(report);
    Files.writeString(out, report);
    System.out.println("written to " + out);
    return 0;
  }

  // ---------------------------------------------------------------- setup

  int loadRegistry() throws Exception {
    if (registry == null) {
      throw new IllegalArgumentException("no registry file: pass --registry FILE (the bench script passes one)");
    }
    return RegistryFile.read(registry).importInto(http).await();
  }

  void signInAgents() {
    List<Future<?>> all = new ArrayList<>();
    supervisor = new Agent("bench-supervisor");
    call(HttpMethod.POST, "/api/desk/users", json(new JsonObject().put("username", supervisor.username)
        .put("password", PASSWORD).put("role", "supervisor")), staff(), 201)
        .compose(created -> signIn(supervisor)).await();
    for (int a = 0; a < agents; a++) {
      Agent agent = new Agent(String.format(Locale.ROOT, "bench-agent-%03d", a));
      agentList.add(agent);
      all.add(call(HttpMethod.POST, "/api/desk/users", json(new JsonObject().put("username", agent.username)
          .put("password", PASSWORD).put("role", "agent").put("capacity", capacity)), staff(), 201)
          .compose(created -> signIn(agent))
          .compose(done -> connect(agent))
          .compose(done -> call(HttpMethod.PUT, "/api/desk/me/status",
              json(new JsonObject().put("status", "available")), session(agent), 200)));
    }
    Future.all(all).await();
  }

  Future<Void> signIn(Agent agent) {
    return http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/desk/session")
            .putHeader("Content-Type", "application/json"))
        .compose(req -> req.send(json(new JsonObject().put("username", agent.username).put("password", PASSWORD))))
        .compose(resp -> resp.body().map(body -> {
          if (resp.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + agent.username + ": HTTP " + resp.statusCode() + " " + body);
          }
          agent.csrf = body.toJsonObject().getString("csrf_token");
          agent.cookie = resp.cookies().stream().map(c -> c.split(";", 2)[0]).reduce((x, y) -> x + "; " + y)
              .orElseThrow(() -> new IllegalStateException("no session cookie"));
          return null;
        }));
  }

  Future<Void> connect(Agent agent) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/eventbus/websocket").addHeader("Cookie", agent.cookie);
    return sockets.connect(options).map(ws -> {
      agent.socket = ws;
      ws.handler(frame -> onFrame(agent, new JsonObject(frame.toString())));
      ws.closeHandler(v -> {
        if (finished) {
          return;
        }
        closedSockets.incrementAndGet();
        System.out.println(Instant.now() + " socket of " + agent.username + " closed: " + ws.closeStatusCode() + " "
            + ws.closeReason());
      });
      ws.exceptionHandler(e -> System.out.println(Instant.now() + " socket of " + agent.username + ": " + e));
      ws.writeTextMessage(new JsonObject().put("type", "register")
          .put("address", "kontak.desk.agent." + agent.username).encode());
      // The bridge closes sockets that stay silent past its ping timeout.
      vertx.setPeriodic(20_000, id -> ws.writeTextMessage("{\"type\":\"ping\"}"));
      return null;
    });
  }

  // ---------------------------------------------------------------- load

  /** Open loop: citizen i's handoff at start + i/rate, whatever the answers so far. */
  void play(int first, int n, boolean measured) throws InterruptedException {
    long start = System.nanoTime() + 20_000_000L;
    AtomicInteger sent = new AtomicInteger();
    long timer = vertx.setPeriodic(1, id -> {
      long due = Math.min(n, (System.nanoTime() - start) * rate / NS + 1);
      while (sent.get() < due) {
        Citizen c = new Citizen(first + sent.getAndIncrement(), measured);
        byName.put(c.name(), c);
        byIndex.put(c.i, c);
        c.handoffSent = System.nanoTime();
        deliver(c, "h" + c.i, HANDOFF_TEXT);
      }
    });
    while (sent.get() < n) {
      Thread.sleep(50);
    }
    vertx.cancelTimer(timer);
  }

  void onFrame(Agent agent, JsonObject frame) {
    if (!"rec".equals(frame.getString("type"))) {
      if ("err".equals(frame.getString("type"))) {
        error("bridge " + frame.getString("body"));
      }
      return;
    }
    JsonObject event = frame.getJsonObject("body");
    long now = System.nanoTime();
    long conversation = event.getLong("conversation", -1L);
    switch (event.getString("type")) {
      case "chat.assigned" -> {
        Citizen c = byName.get(event.getJsonObject("chat").getString("citizen_name"));
        agent.open.add(conversation);
        int open = agent.open.size();
        maxOpenSeen.accumulateAndGet(open, Math::max);
        if (open > capacity) {
          clientViolations.incrementAndGet();
        }
        if (c == null) {
          return;
        }
        c.assigned = now;
        c.replySent = System.nanoTime();
        call(HttpMethod.POST, "/api/desk/chats/" + conversation + "/messages",
            json(new JsonObject().put("text", "reply-" + c.i)), session(agent), 202)
            .onSuccess(r -> {
              c.followUpSent = System.nanoTime();
              deliver(c, "f" + c.i, "ini nomor kontrak saya K-" + c.i);
            });
      }
      case "chat.message" -> {
        JsonObject message = event.getJsonObject("message");
        String text = message.getString("text", "");
        if (!"citizen".equals(message.getString("from")) || !text.contains("K-")) {
          return;
        }
        Citizen c = byIndex.get(Integer.parseInt(text.substring(text.indexOf("K-") + 2).trim()));
        if (c == null || c.followUpSeen != 0) {
          return;
        }
        c.followUpSeen = now;
        vertx.setTimer(Math.max(1, holdSeconds * 1000L), id -> call(HttpMethod.POST,
            "/api/desk/chats/" + conversation + "/close",
            json(new JsonObject().put("resolution", "answered")), session(agent), 200)
            .onSuccess(r -> {
              agent.open.remove(conversation);
              c.closed = System.nanoTime();
            }));
      }
      case "chat.removed" -> agent.open.remove(conversation);
      default -> {
        // queue counts, statuses, alerts: not measured
      }
    }
  }

  void onGraphRequest(FakeGraphApi.Request request) {
    JsonObject text = request.body().getJsonObject("text");
    String body = text == null ? null : text.getString("body");
    if (body != null && body.startsWith("reply-")) {
      Citizen c = byIndex.get(Integer.parseInt(body.substring("reply-".length())));
      if (c != null && c.replyAtGraph == 0) {
        c.replyAtGraph = request.nanos();
      }
    }
  }

  void pollServerLoads() {
    call(HttpMethod.GET, "/api/desk/agents", null, session(supervisor), 200).onSuccess(body -> {
      serverPolls.incrementAndGet();
      JsonArray list = body.getJsonArray("agents", body.getJsonArray("items"));
      if (list == null) {
        return;
      }
      for (Object o : list) {
        JsonObject a = (JsonObject) o;
        if (a.getLong("open_chats", 0L) > a.getInteger("capacity", capacity)) {
          serverViolations.incrementAndGet();
        }
      }
    });
  }

  /**
   * Where the run ended, as the server and the agents saw it: a chat that never finished stopped at
   * one of these stages, which tells a routing shortfall from a message that never reached an agent.
   */
  String serverState() {
    JsonArray agentsNow = call(HttpMethod.GET, "/api/desk/agents", null, session(supervisor), 200).await()
        .getJsonArray("items");
    JsonArray queue = call(HttpMethod.GET, "/api/desk/queue", null, session(supervisor), 200).await()
        .getJsonArray("items");
    Map<String, Long> statuses = new TreeMap<>();
    long open = 0;
    long parked = 0;
    for (Object o : agentsNow) {
      JsonObject a = (JsonObject) o;
      if (!"agent".equals(a.getString("role"))) {
        continue;
      }
      statuses.merge(a.getString("status"), 1L, Long::sum);
      open += a.getLong("open", 0L);
      parked += a.getLong("parked", 0L);
    }
    Set<Long> onSockets = new java.util.HashSet<>();
    agentList.forEach(a -> onSockets.addAll(a.open));
    agentsNow.stream().map(o -> (JsonObject) o).flatMap(a -> a.getJsonArray("chats", new JsonArray()).stream())
        .map(id -> ((Number) id).longValue()).filter(id -> !onSockets.contains(id)).limit(3)
        .forEach(id -> System.out.println("held on the server, on no socket: " + id + " "
            + call(HttpMethod.GET, "/api/desk/chats/" + id, null, session(supervisor), 200).await().encodePrettily()));
    List<Citizen> all = List.copyOf(byIndex.values());
    long notAssigned = all.stream().filter(c -> c.assigned == 0).count();
    long noFollowUp = all.stream().filter(c -> c.assigned != 0 && c.followUpSeen == 0).count();
    long notClosed = all.stream().filter(c -> c.followUpSeen != 0 && c.closed == 0).count();
    long openOnSockets = agentList.stream().mapToLong(a -> a.open.size()).sum();
    return "\n| at the end of the run (every citizen, warmup included) | value |\n|---|---:|\n"
        + "| agents by status (server) | " + statuses + " |\n"
        + "| open chats held / parked (server) | " + open + " / " + parked + " |\n"
        + "| open chats on the agents' sockets | " + openOnSockets + " |\n"
        + "| queued (server) | " + queue.size() + " |\n"
        + "| agents' live sockets closed during the run | " + closedSockets.get() + " |\n"
        + "| never assigned / assigned, follow-up never seen / follow-up seen, not closed | " + notAssigned + " / "
        + noFollowUp + " / " + notClosed + " |\n";
  }

  void deliver(Citizen c, String wamidSuffix, String text) {
    byte[] bytes = WhatsAppBench.envelope(c.waId(), c.name(), "wamid.DESKBENCH_" + wamidSuffix, text)
        .getBytes(StandardCharsets.UTF_8);
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/webhook")
            .putHeader("Content-Type", "application/json")
            .putHeader(WebhookSignature.HEADER, WebhookSignature.sign(WhatsAppBench.SECRET, bytes)))
        .compose(req -> req.send(Buffer.buffer(bytes)))
        .compose(HttpClientResponse::body)
        .onFailure(e -> error("webhook " + e.getClass().getSimpleName()));
  }

  // ---------------------------------------------------------------- HTTP helpers

  Future<JsonObject> call(HttpMethod method, String uri, Buffer body, Map<String, String> headers, int expected) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(uri);
    headers.forEach(options::putHeader);
    if (body != null && !headers.containsKey("Content-Type")) {
      options.putHeader("Content-Type", "application/json");
    }
    return http.request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() != expected) {
            throw new IllegalStateException(method + " " + uri + ": HTTP " + resp.statusCode() + " " + b);
          }
          String s = b.toString().trim();
          return s.startsWith("{") ? new JsonObject(s)
              : new JsonObject().put("items", s.startsWith("[") ? new JsonArray(s) : new JsonArray());
        }))
        .onFailure(e -> error(e.getMessage()));
  }

  static Buffer json(JsonObject o) {
    return o.toBuffer();
  }

  static Map<String, String> staff() {
    return Map.of("Authorization", "Bearer " + STAFF_TOKEN);
  }

  static Map<String, String> session(Agent agent) {
    return Map.of("Cookie", agent.cookie, "X-CSRF-Token", agent.csrf);
  }

  void error(String what) {
    errors.incrementAndGet();
    String kind = what == null ? "?" : what.length() > 80 ? what.substring(0, 80) : what;
    errorKinds.merge(kind, 1L, Long::sum);
  }

  boolean allClosed() {
    return byIndex.values().stream().allMatch(c -> c.closed != 0);
  }

  // ---------------------------------------------------------------- report

  String report(long t0, long sendEnd, String loadEnd, String loadStart, Instant started, long nodePid) {
    List<Citizen> measured = byIndex.values().stream().filter(c -> c.measured).toList();
    double[] toScreen = latencies(measured, c -> c.assigned == 0 ? -1 : c.assigned - c.handoffSent);
    double[] messageToScreen = latencies(measured, c -> c.followUpSeen == 0 ? -1 : c.followUpSeen - c.followUpSent);
    double[] sendToGraph = latencies(measured, c -> c.replyAtGraph == 0 ? -1 : c.replyAtGraph - c.replySent);
    long assignedInWindow = measured.stream().filter(c -> c.assigned != 0).count();
    long closed = measured.stream().filter(c -> c.closed != 0).count();
    double seconds = (sendEnd - t0) / 1e9;
    StringBuilder s = new StringBuilder();
    s.append("# Desk bench results\n\n");
    s.append("Command: `").append(command).append("`  \n");
    s.append("Run: ").append(started).append(", ").append(agents).append(" agents x capacity ").append(capacity)
        .append(", ").append(rate).append(" handoffs/s, chats held ").append(holdSeconds).append(" s (").append(warmupSeconds).append(" s warmup, ")
        .append(measureSeconds).append(" s measured), real OJK registry loaded; node pid ").append(nodePid)
        .append("; load average ").append(loadStart).append(" -> ").append(loadEnd).append(".\n\n");
    s.append("| measure | n | p50 ms | p99 ms | max ms | target | result |\n|---|---:|---:|---:|---:|---|---|\n");
    row(s, "handoff message -> chat on the agent's screen", toScreen, measured.size());
    row(s, "citizen message -> agent's screen", messageToScreen, measured.size());
    row(s, "agent send -> Graph API", sendToGraph, measured.size());
    s.append("\n| figure | value |\n|---|---:|\n");
    s.append("| assignments per second (measured window) | ")
        .append(WhatsAppBench.f(assignedInWindow / seconds, 1)).append(" |\n");
    s.append("| chats closed / handed off | ").append(closed).append(" / ").append(measured.size()).append(" |\n");
    s.append("| capacity violations seen by agents (open chats > capacity on a socket) | ")
        .append(clientViolations.get()).append(" |\n");
    s.append("| capacity violations reported by the server (GET /api/desk/agents, ").append(serverPolls.get())
        .append(" polls) | ").append(serverViolations.get()).append(" |\n");
    s.append("| most open chats one agent held | ").append(maxOpenSeen.get()).append(" |\n");
    s.append("| client-side errors | ").append(errors.get()).append(' ').append(errorKinds.isEmpty() ? "" : errorKinds)
        .append(" |\n");
    return s.toString();
  }

  static void row(StringBuilder s, String name, double[] sorted, int expected) {
    boolean ok = sorted.length == expected && sorted.length > 0 && WhatsAppBench.pct(sorted, 0.99) <= 200;
    s.append("| ").append(name).append(" | ").append(sorted.length).append(" | ")
        .append(sorted.length == 0 ? "-" : WhatsAppBench.f(WhatsAppBench.pct(sorted, 0.50), 1)).append(" | ")
        .append(sorted.length == 0 ? "-" : WhatsAppBench.f(WhatsAppBench.pct(sorted, 0.99), 1)).append(" | ")
        .append(sorted.length == 0 ? "-" : WhatsAppBench.f(sorted[sorted.length - 1], 1)).append(" | <= 200 | ")
        .append(ok ? "PASS" : "FAIL").append(" |\n");
  }

  static double[] latencies(List<Citizen> cs, java.util.function.ToLongFunction<Citizen> nanos) {
    return cs.stream().mapToLong(nanos).filter(v -> v >= 0).mapToDouble(v -> v / 1e6).sorted().toArray();
  }
}
