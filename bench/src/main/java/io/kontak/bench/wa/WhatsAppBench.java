package io.kontak.bench.wa;

import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.webhook.WebhookSignature;
import io.kontak.core.runtime.KontakVertx;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * WhatsApp webhook load generator (bench/README.md, "WhatsApp bench"). Open loop: a 1 ms
 * periodic timer sends every message whose scheduled time (start + i/rate) has passed, whatever
 * the answers so far; latencies are measured from the scheduled time (no coordinated omission).
 * Each message is a signed Cloud API envelope with one text from a unique citizen, so the node
 * sends exactly one reply, which this process's {@link FakeGraphApi} receives (end-to-end =
 * scheduled send → reply received). Starts ONE Kontak node ({@code ./kontak run}, the launcher) as a
 * separate process with a fresh data dir, then a bare Vert.x endpoint ({@link BareWebhookServer})
 * as the ceiling, at the same rates.
 */
public final class WhatsAppBench {
  static final String SECRET = "bench-app-secret";
  static final String VERIFY = "bench-verify";
  static final String TOKEN = "bench-access-token";
  static final String PHONE_NUMBER_ID = "200000000000002";
  static final String DISPLAY_PHONE_NUMBER = "15550001111";
  static final String WABA_ID = "100000000000001";
  static final long NS = 1_000_000_000L;

  static final String[] TEXTS = {
      "apakah kilaumodal terdaftar?",
      "is garudaprofit-robot.net legit",
      "halo",
      "selamat pagi",
      "bagaimana cara melapor pinjol ilegal?",
      "how do I file a complaint?",
      "apakah PT Kilau Modal Nusantara resmi?",
      "hi",
      "is kilaumodal registered with OJK?",
      "hola, ¿garudaprofit-robot.net es legal?",
      "apa itu investasi bodong?",
      "cek garudaprofit-robot.net",
  };

  /**
   * With a real registry ({@code --registry}), the registry questions of {@link #TEXTS} (same slots,
   * languages and phrasing) ask about names drawn from it; null slots keep their text.
   */
  static final String[] REGISTRY_TEMPLATES = {
      "apakah %s terdaftar?", "is %s legit", null, null, null, null, "apakah %s resmi?", null,
      "is %s registered with OJK?", "hola, ¿%s es legal?", null, "cek %s",
  };
  /** Every 41st institution of the sample: about 200 names across sectors and statuses. */
  static final int NAME_STEP = 41;

  // ---- configuration
  int[] rates = {500, 1000, 2000};
  // Long enough for the JIT to settle at a rate near the measured ones: the node is a long-running
  // service. With one C2 compiler thread on this 2-core box the compile queue stayed backlogged for
  // the first ~100 s at 1,000 msg/s (C2 at 25-30% of a core); after 150 s it is at about 1%.
  int warmupSeconds = 150;
  int warmupRate = 1000;
  int measureSeconds = 15;
  int drainSeconds = 15;
  int settleSeconds = 120;
  Path launcher = Path.of("kontak");
  String nodeCommandLine = "?";
  Path out = Path.of("bench/RESULTS-whatsapp.md");
  String command = "bench/run-whatsapp-bench.sh";
  String nodeJavaOpts = "";
  boolean skipCeiling = false;
  /** The registry to load into the node instead of the demo one (real names in the questions). */
  Path registry;
  String[] texts = TEXTS;
  String registryNote = "demo registry (40 rows)";

  Vertx vertx;
  FakeGraphApi fake;
  volatile Phase current;
  final Phase[] byIndex = new Phase[10];
  final AtomicLong strayReplies = new AtomicLong();

  /** One rate against one target. Message i of phase k goes from wa_id 62812 k iiiiiii. */
  static final class Phase {
    final String target;
    final int index;
    final int rate;
    final int seconds;
    final int n;
    final boolean expectReplies;
    long startNanos;
    final AtomicLongArray ackDone;   // nanos the 200 arrived (0 = not yet)
    final AtomicLongArray replyAt;   // nanos the reply reached the fake Graph API (0 = not yet)
    final AtomicLong sent = new AtomicLong();
    final AtomicLong ackErrors = new AtomicLong();
    final AtomicLong non200 = new AtomicLong();
    final AtomicLong duplicateReplies = new AtomicLong();
    final Map<String, Long> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
    long lastSendNanos;
    long repliesAtDrain;
    long endNanos;
    // observations
    Sample cpu0;
    Sample cpu1;
    long rssPeakKb;

    Phase(String target, int index, int rate, int seconds, boolean expectReplies) {
      this.target = target;
      this.index = index;
      this.rate = rate;
      this.seconds = seconds;
      this.n = rate * seconds;
      this.expectReplies = expectReplies;
      this.ackDone = new AtomicLongArray(n);
      this.replyAt = new AtomicLongArray(n);
    }

    long scheduled(int i) {
      return startNanos + (long) i * NS / rate;
    }

    String waId(int i) {
      return "62812" + index + String.format(Locale.ROOT, "%07d", i);
    }
  }

  public static void main(String[] args) throws Exception {
    WhatsAppBench b = new WhatsAppBench();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rates" -> b.rates = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--warmup" -> b.warmupSeconds = Integer.parseInt(args[++i]);
        case "--warmup-rate" -> b.warmupRate = Integer.parseInt(args[++i]);
        case "--measure" -> b.measureSeconds = Integer.parseInt(args[++i]);
        case "--drain" -> b.drainSeconds = Integer.parseInt(args[++i]);
        case "--settle" -> b.settleSeconds = Integer.parseInt(args[++i]);
        case "--launcher" -> b.launcher = Path.of(args[++i]);
        case "--out" -> b.out = Path.of(args[++i]);
        case "--command" -> b.command = args[++i];
        case "--node-java-opts" -> b.nodeJavaOpts = args[++i];
        case "--no-ceiling" -> b.skipCeiling = true;
        case "--registry" -> b.registry = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Files.deleteIfExists(TIMELINE);
    int code = b.run();
    System.exit(code);
  }

  int run() throws Exception {
    String loadStart = loadavg();
    Instant started = Instant.now();
    vertx = KontakVertx.create();
    // Keeps no requests: the listener records each reply's arrival, and what the fake would keep
    // (parsed bodies) made this JVM's collector pause for 100-200 ms, measured as the node's latency.
    fake = FakeGraphApi.start(vertx, TOKEN, 0).await();
    fake.onRequest(this::onGraphRequest);
    List<Phase> results = new ArrayList<>();
    String nodeNotes;

    // ---- the Kontak node
    int port = freePort();
    // World-traversable: the embedded Postgres runs as nobody when this is root (README).
    Path dataDir = Files.createTempDirectory("kontak-wa-bench-",
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
    Path log = Path.of("bench/target/wa-bench-node.log");
    Files.createDirectories(log.getParent());
    // The launcher execs java with its JVM options (KONTAK_JAVA_OPTS), so the pid is the node's own.
    List<String> cmd = List.of(launcher.toAbsolutePath().toString(), "run");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    if (!nodeJavaOpts.isBlank()) {
      env.put("KONTAK_JAVA_OPTS", nodeJavaOpts.trim());
    }
    env.put("KONTAK_DATA_DIR", dataDir.toString());
    env.put("KONTAK_HTTP_PORT", Integer.toString(port));
    env.put("WHATSAPP_APP_SECRET", SECRET);
    env.put("WHATSAPP_VERIFY_TOKEN", VERIFY);
    env.put("WHATSAPP_ACCESS_TOKEN", TOKEN);
    env.put("WHATSAPP_PHONE_NUMBER_ID", PHONE_NUMBER_ID);
    env.put("WHATSAPP_GRAPH_URL", fake.baseUrl());
    env.put("KONTAK_GRAPH_SEND_RATE", "100000");
    env.put("KONTAK_GRAPH_MAX_IN_FLIGHT", "512");
    env.put("KONTAK_SENDER_RATE_PER_MINUTE", "1000");
    env.put("KONTAK_SIMULATOR", "false");
    env.put("KONTAK_DEMO_REGISTRY", "true");
    env.put("KONTAK_ADMIN_TOKEN", RegistryFile.STAFF_TOKEN);
    env.remove("KONTAK_PG_URL");
    env.remove("KONTAK_REDIS_URL");
    System.out.printf("starting node: %s (port %d, data %s, log %s)%n", String.join(" ", cmd), port, dataDir, log);
    long t0 = System.nanoTime();
    Process node = pb.start();
    try {
      waitHealthy(node, port, 240);
      double healthyAfter = (System.nanoTime() - t0) / 1e9;
      System.out.printf("node healthy after %.1f s (pid %d)%n", healthyAfter, node.pid());
      nodeCommandLine = Files.readString(Path.of("/proc/" + node.pid() + "/cmdline")).replace('\0', ' ').trim();
      HttpClient client = client(port);
      if (registry != null) {
        loadRegistry(client);
      }
      Phase warm = new Phase("kontak", 0, warmupRate, warmupSeconds, true);
      runPhase(client, warm, node.pid());
      System.out.printf("warmup: %d sent, %d replies%n", warm.sent.get(), count(warm.replyAt));
      System.out.flush();
      int k = 1;
      for (int rate : rates) {
        Phase p = new Phase("kontak", k++, rate, measureSeconds, true);
        runPhase(client, p, node.pid());
        results.add(p);
        System.out.println(row(p));
      }
      client.close().await();
      nodeNotes = "node pid " + node.pid() + ", healthy after " + String.format(Locale.ROOT, "%.1f", healthyAfter) + " s";
    } finally {
      stop(node);
      deleteTree(dataDir);
    }

    // ---- the ceiling: bare Vert.x endpoint, separate process
    if (!skipCeiling) {
      int bport = freePort();
      String cp = Path.of(WhatsAppBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      Process bare = new ProcessBuilder(javaBin(), "--enable-native-access=ALL-UNNAMED", "-cp", cp,
          BareWebhookServer.class.getName(), Integer.toString(bport))
          .redirectErrorStream(true).redirectOutput(Path.of("bench/target/wa-bench-bare.log").toFile()).start();
      try {
        waitListening(bare, bport, 60);
        HttpClient client = client(bport);
        runPhase(client, new Phase("bare", 5, warmupRate, Math.min(3, warmupSeconds), false), bare.pid());
        int k = 6;
        for (int rate : rates) {
          Phase p = new Phase("bare Vert.x", k++, rate, measureSeconds, false);
          runPhase(client, p, bare.pid());
          results.add(p);
          System.out.println(row(p));
        }
        client.close().await();
      } finally {
        stop(bare);
      }
    }
    String loadEnd = loadavg();
    fake.close().await();
    vertx.close().await();

    String report = report(results, loadStart, loadEnd, started, nodeNotes);
    System.out.println();
    System.out.println(report);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.println("written to " + out);
    return 0;
  }

  /** Replaces the node's demo registry with the file's rows and asks about their names. */
  void loadRegistry(HttpClient client) throws Exception {
    RegistryFile file = RegistryFile.read(registry);
    int rows = file.importInto(client).await();
    List<String> names = file.names(NAME_STEP);
    List<String> questions = new ArrayList<>();
    for (String name : names) {
      for (int slot = 0; slot < TEXTS.length; slot++) {
        String template = REGISTRY_TEMPLATES[slot];
        questions.add(template == null ? TEXTS[slot] : String.format(Locale.ROOT, template, name));
      }
    }
    texts = questions.toArray(String[]::new);
    registryNote = String.format(Locale.ROOT, "%s loaded (%,d rows; questions name %d of them)",
        registry.getFileName(), rows, names.size());
    System.out.println("registry: " + registryNote);
  }

  // ---------------------------------------------------------------- load

  HttpClient client(int port) {
    return vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
            .setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(-1));
  }

  void runPhase(HttpClient client, Phase p, long targetPid) throws InterruptedException {
    byIndex[p.index] = p;
    current = p;
    p.cpu0 = Sample.take(targetPid);
    p.startNanos = System.nanoTime() + 20_000_000L;
    long timer = vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      if (now < p.startNanos) {
        return;
      }
      long due = Math.min(p.n, (now - p.startNanos) * p.rate / NS + 1);
      while (p.sent.get() < due) {
        int i = (int) p.sent.getAndIncrement();
        send(client, p, i);
      }
    });
    long sendEnd = p.startNanos + (long) p.seconds * NS;
    while (p.sent.get() < p.n && System.nanoTime() < sendEnd + 5 * NS) {
      Thread.sleep(50);
    }
    vertx.cancelTimer(timer);
    p.lastSendNanos = System.nanoTime();
    p.cpu1 = Sample.take(targetPid); // CPU over the send window
    p.rssPeakKb = Sample.vmHwmKb(targetPid);
    // drain: wait (bounded) for outstanding acks and replies
    long drainEnd = System.nanoTime() + (long) drainSeconds * NS;
    while (System.nanoTime() < drainEnd) {
      long acks = count(p.ackDone) + p.ackErrors.get();
      long replies = p.expectReplies ? count(p.replyAt) : p.n;
      if (acks >= p.sent.get() && replies >= p.sent.get()) {
        break;
      }
      Thread.sleep(100);
    }
    p.repliesAtDrain = p.expectReplies ? count(p.replyAt) : 0;
    // settle (not measured): let a backlog clear before the next rate, bounded
    long settleEnd = System.nanoTime() + (long) settleSeconds * NS;
    while (p.expectReplies && count(p.replyAt) < p.sent.get() && System.nanoTime() < settleEnd) {
      Thread.sleep(200);
    }
    p.endNanos = System.nanoTime();
    p.rssPeakKb = Math.max(p.rssPeakKb, Sample.vmHwmKb(targetPid));
    appendTimeline(p);
  }

  void send(HttpClient client, Phase p, int i) {
    String waId = p.waId(i);
    String wamid = "wamid.BENCH" + p.index + "_" + i;
    String text = texts[i % texts.length];
    byte[] bytes = envelope(waId, "Warga " + i, wamid, text).getBytes(StandardCharsets.UTF_8);
    String sig = WebhookSignature.sign(SECRET, bytes);
    RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setURI("/webhook")
        .putHeader("Content-Type", "application/json").putHeader(WebhookSignature.HEADER, sig)
        .setIdleTimeout(10_000);
    client.request(ro)
        .compose(req -> req.send(Buffer.buffer(bytes)))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(ar -> {
          long now = System.nanoTime();
          if (ar.failed()) {
            p.ackErrors.incrementAndGet();
            p.errorKinds.merge(ar.cause().getClass().getSimpleName(), 1L, Long::sum);
          } else if (ar.result() != 200) {
            p.non200.incrementAndGet();
            p.errorKinds.merge("HTTP " + ar.result(), 1L, Long::sum);
          } else {
            p.ackDone.set(i, now);
          }
        });
  }

  void onGraphRequest(FakeGraphApi.Request r) {
    if (r.body() == null || "read".equals(r.body().getString("status"))) {
      return;
    }
    String to = r.to();
    if (to == null) {
      return;
    }
    String digits = to.replaceAll("[^0-9]", "");
    if (digits.length() != 13 || !digits.startsWith("62812")) {
      strayReplies.incrementAndGet();
      return;
    }
    Phase p = byIndex[digits.charAt(5) - '0'];
    int i = Integer.parseInt(digits.substring(6));
    if (p == null || i >= p.n) {
      strayReplies.incrementAndGet();
      return;
    }
    if (!p.replyAt.compareAndSet(i, 0, r.nanos())) {
      p.duplicateReplies.incrementAndGet();
    }
  }

  // ---------------------------------------------------------------- results

  /** A Cloud API delivery of one text message from {@code waId} (texts without quotes or backslashes). */
  /** A delivery of one text from {@code waId}, as Meta would post it to the node's webhook. */
  static String envelope(String waId, String name, String wamid, String text) {
    return CloudApiDelivery.to(WABA_ID, DISPLAY_PHONE_NUMBER, PHONE_NUMBER_ID).contact(waId, name)
        .message(CloudApiDelivery.text(waId, wamid, System.currentTimeMillis() / 1000, text)).encode();
  }

  static long count(AtomicLongArray a) {
    long c = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.get(i) != 0) {
        c++;
      }
    }
    return c;
  }

  /**
   * Per second of the send window: ack and end-to-end p50/p99/max, appended to
   * bench/target/wa-bench-timeline.txt. An aggregate p99 cannot tell a steady queue from a few stalls.
   */
  void appendTimeline(Phase p) {
    StringBuilder sb = new StringBuilder();
    Instant start = Instant.now().minusNanos(System.nanoTime() - p.startNanos);
    sb.append(String.format(Locale.ROOT, "# %s %d msg/s from %s: second, ack p50/p99/max ms, e2e p50/p99/max ms%n",
        p.target, p.rate, start));
    for (int sec = 0; sec < p.seconds; sec++) {
      long from = (long) sec * p.rate;
      long to = Math.min(p.n, from + p.rate);
      double[] ack = latencies(p, p.ackDone, from, to);
      sb.append(String.format(Locale.ROOT, "%3d  ack %7.1f %7.1f %7.1f", sec, pct(ack, 0.5), pct(ack, 0.99), pct(ack, 1.0)));
      if (p.expectReplies) {
        double[] e2e = latencies(p, p.replyAt, from, to);
        sb.append(String.format(Locale.ROOT, "   e2e %7.1f %7.1f %7.1f", pct(e2e, 0.5), pct(e2e, 0.99), pct(e2e, 1.0)));
      }
      sb.append('\n');
    }
    try {
      Files.writeString(TIMELINE, sb, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("could not write " + TIMELINE + ": " + e);
    }
  }

  static final Path TIMELINE = Path.of("bench/target/wa-bench-timeline.txt");

  /** Latencies (ms) from scheduled send to the recorded time, for messages with a recorded time. */
  static double[] latencies(Phase p, AtomicLongArray at, long fromIdx, long toIdx) {
    double[] v = new double[p.n];
    int k = 0;
    for (int i = (int) fromIdx; i < toIdx && i < p.n; i++) {
      long t = at.get(i);
      if (t != 0) {
        v[k++] = (t - p.scheduled(i)) / 1e6;
      }
    }
    v = Arrays.copyOf(v, k);
    Arrays.sort(v);
    return v;
  }

  static double pct(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1 < 0 ? 0 : (int) Math.ceil(q * sorted.length) - 1)];
  }

  /** Events whose time falls inside the send window, per second of it. */
  static double ratePerSecond(Phase p, AtomicLongArray at) {
    long end = p.startNanos + (long) p.seconds * NS;
    long c = 0;
    for (int i = 0; i < p.n; i++) {
      long t = at.get(i);
      if (t != 0 && t <= end) {
        c++;
      }
    }
    return c / (double) p.seconds;
  }

  static final class Stats {
    double sentPerS, ackPerS, e2ePerS, ackP50, ackP99, e2eP50, e2eP99, e2eP99Last3s, drainS;
    long errors, missing, missingEnd, dup;
    boolean sustainable;
    String why = "";
  }

  static Stats stats(Phase p) {
    Stats s = new Stats();
    s.sentPerS = p.sent.get() / (double) p.seconds;
    s.ackPerS = ratePerSecond(p, p.ackDone);
    double[] ack = latencies(p, p.ackDone, 0, p.n);
    s.ackP50 = pct(ack, 0.50);
    s.ackP99 = pct(ack, 0.99);
    s.errors = p.ackErrors.get() + p.non200.get() + (p.sent.get() - count(p.ackDone) - p.ackErrors.get() - p.non200.get());
    if (p.expectReplies) {
      s.e2ePerS = ratePerSecond(p, p.replyAt);
      double[] e2e = latencies(p, p.replyAt, 0, p.n);
      s.e2eP50 = pct(e2e, 0.50);
      s.e2eP99 = pct(e2e, 0.99);
      s.e2eP99Last3s = pct(latencies(p, p.replyAt, Math.max(0, p.n - 3L * p.rate), p.n), 0.99);
      s.missing = p.sent.get() - p.repliesAtDrain;
      s.missingEnd = p.sent.get() - count(p.replyAt);
      s.dup = p.duplicateReplies.get();
      long last = 0;
      for (int i = 0; i < p.n; i++) {
        last = Math.max(last, p.replyAt.get(i));
      }
      long sendEnd = p.startNanos + (long) p.seconds * NS;
      s.drainS = Math.max(0, (last - sendEnd) / 1e9);
      List<String> why = new ArrayList<>();
      if (s.sentPerS < 0.98 * p.rate) why.add("generator fell behind");
      if (s.errors > 0) why.add(s.errors + " ack errors");
      if (s.missing > 0) why.add(s.missing + " replies missing after the drain");
      if (s.e2ePerS < 0.95 * p.rate) why.add("e2e " + Math.round(s.e2ePerS) + "/s < 95% of rate");
      if (!(s.e2eP99 <= 1000)) why.add("p99 e2e > 1 s");
      s.sustainable = why.isEmpty();
      s.why = String.join("; ", why);
    } else {
      s.e2ePerS = Double.NaN;
      s.e2eP50 = s.e2eP99 = s.e2eP99Last3s = s.drainS = Double.NaN;
      List<String> why = new ArrayList<>();
      if (s.sentPerS < 0.98 * p.rate) why.add("generator fell behind");
      if (s.errors > 0) why.add(s.errors + " ack errors");
      if (s.ackPerS < 0.95 * p.rate) why.add("acks < 95% of rate");
      s.sustainable = why.isEmpty();
      s.why = String.join("; ", why);
    }
    return s;
  }

  static String f(double v, int decimals) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  String row(Phase p) {
    Stats s = stats(p);
    Sample.Cpu c = Sample.cpu(p.cpu0, p.cpu1);
    return String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |",
        p.target, p.rate, f(s.sentPerS, 0), f(s.ackPerS, 0), f(s.e2ePerS, 0), f(s.ackP50, 1), f(s.ackP99, 1),
        f(s.e2eP50, 1), f(s.e2eP99, 1), f(s.e2eP99Last3s, 1), s.errors,
        p.expectReplies ? s.missing + (s.missingEnd > 0 ? " (" + s.missingEnd + " never)" : "") : "–", f(s.drainS, 1),
        f(c.target(), 0) + "%" + (p.expectReplies ? " / pg " + f(c.postgres(), 0) + "% / redis " + f(c.redis(), 0) + "%" : ""),
        f(c.generator(), 0) + "%", f(c.machine(), 0) + "%",
        (p.rssPeakKb / 1024) + " MB",
        s.sustainable ? "yes" : "**no** (" + s.why + ")");
  }

  String report(List<Phase> results, String loadStart, String loadEnd, Instant started, String nodeNotes) {
    StringBuilder sb = new StringBuilder();
    sb.append("# WhatsApp webhook bench: one Kontak node vs a bare Vert.x endpoint\n\n");
    sb.append("Run ").append(started).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores (").append(cpuModel()).append("), ").append(memTotal()).append(" RAM; ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append(".\n");
    sb.append("Load average (1/5/15 min) at start: ").append(loadStart).append("; at end: ").append(loadEnd).append(".\n\n");
    sb.append("Reproduce:\n\n```\n").append(command).append("\n```\n\n");
    sb.append("Open-loop generator (Vert.x HttpClient, 1 ms scheduler, latency from each message's scheduled send time), ")
        .append(warmupSeconds).append(" s warmup at ").append(warmupRate).append(" msg/s, then ").append(measureSeconds)
        .append(" s per rate and up to ").append(drainSeconds).append(" s drain. Node: `./kontak run`, which ran `").append(nodeCommandLine).append("`, separate process, ")
        .append("fresh KONTAK_DATA_DIR, embedded Postgres + Redis, ").append(registryNote).append(", KONTAK_GRAPH_SEND_RATE=100000, ")
        .append("KONTAK_GRAPH_MAX_IN_FLIGHT=512, KONTAK_SENDER_RATE_PER_MINUTE=1000; replies go to the generator's FakeGraphApi ")
        .append("(mark-reads ignored). One unique citizen wa_id and wamid per message; texts cycle through registry questions, ")
        .append("greetings and FAQ questions (id/en/es). Generator, node, Postgres and Redis share the same cores.\n\n");
    sb.append("| target | rate msg/s | sent/s | ack/s | e2e/s | ack p50 ms | ack p99 ms | e2e p50 ms | e2e p99 ms | e2e p99 last 3 s | ack errors | replies missing | drain s | target CPU (of ")
        .append(Runtime.getRuntime().availableProcessors() * 100).append("%) | generator CPU | machine CPU | peak RSS (VmHWM) | sustainable |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|\n");
    for (Phase p : results) {
      sb.append(row(p)).append('\n');
    }
    sb.append("\nack/s, e2e/s: 200s and replies that arrived inside the send window, per second. drain: last reply after the end of sending. ")
        .append("Sustainable: sent ≥ 98% of rate, no ack errors, every reply arrived (drain ≤ ").append(drainSeconds)
        .append(" s; replies missing = not arrived by then, \"never\" = not even after ").append(settleSeconds)
        .append(" s more, which the next rate waits for), e2e/s ≥ 95% of rate and p99 e2e ≤ 1 s. CPU: utime+stime over the send window from /proc (node java; ")
        .append("its Postgres and Redis child processes summed, with the exited ones such as autovacuum workers; this generator process; ")
        .append("machine: every process, from /proc/stat, so what is left of the cores is idle). RSS: VmHWM of the node's java process ")
        .append("(not its Postgres/Redis children).\n\n");

    // targets
    List<Phase> kontak = results.stream().filter(p -> p.expectReplies).toList();
    int best = 0;
    for (Phase p : kontak) {
      if (stats(p).sustainable) {
        best = Math.max(best, p.rate);
      }
    }
    Phase at1000 = kontak.stream().filter(p -> p.rate == 1000).findFirst().orElse(null);
    long rss = kontak.stream().mapToLong(p -> p.rssPeakKb).max().orElse(0) / 1024;
    sb.append("| target | measured | result |\n|---|---|---|\n");
    sb.append("| ≥ 2,000 msg/s sustained end-to-end | highest sustainable rate tested: ")
        .append(best == 0 ? "none" : String.format(Locale.ROOT, "%,d msg/s", best)).append(" | ")
        .append(best >= 2000 ? "PASS" : "FAIL").append(" |\n");
    if (at1000 != null) {
      Stats s = stats(at1000);
      sb.append("| at 1,000 msg/s p99 ack ≤ 25 ms | ").append(f(s.ackP99, 1)).append(" ms | ").append(s.ackP99 <= 25 && s.errors == 0 ? "PASS" : "FAIL").append(" |\n");
      sb.append("| at 1,000 msg/s p99 e2e ≤ 150 ms | ").append(f(s.e2eP99, 1)).append(" ms | ").append(s.e2eP99 <= 150 && s.missing == 0 ? "PASS" : "FAIL").append(" |\n");
    } else {
      sb.append("| at 1,000 msg/s p99 ack ≤ 25 ms / p99 e2e ≤ 150 ms | not measured | – |\n");
    }
    sb.append("| node RSS ≤ 768 MB | ").append(rss).append(" MB | ").append(rss <= 768 ? "PASS" : "FAIL").append(" |\n\n");
    sb.append(nodeNotes).append("; stray replies (to no bench citizen): ").append(strayReplies.get()).append(".\n");
    for (Phase p : results) {
      if (!p.errorKinds.isEmpty()) {
        sb.append("Errors ").append(p.target).append(" @ ").append(p.rate).append(": ").append(new HashMap<>(p.errorKinds)).append('\n');
      }
      if (p.duplicateReplies.get() > 0) {
        sb.append("Duplicate replies ").append(p.target).append(" @ ").append(p.rate).append(": ").append(p.duplicateReplies.get()).append('\n');
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- processes

  static String javaBin() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void waitHealthy(Process p, int port, int seconds) throws Exception {
    var http = java.net.http.HttpClient.newBuilder().followRedirects(Redirect.NEVER).connectTimeout(Duration.ofSeconds(1)).build();
    long end = System.nanoTime() + seconds * NS;
    while (System.nanoTime() < end) {
      if (!p.isAlive()) {
        throw new IllegalStateException("node exited with " + p.exitValue() + " (see bench/target/wa-bench-node.log)");
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException ignored) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("node not healthy after " + seconds + " s");
  }

  static void waitListening(Process p, int port, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * NS;
    while (System.nanoTime() < end) {
      if (!p.isAlive()) {
        throw new IllegalStateException("bare server exited with " + p.exitValue());
      }
      try (var s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException ignored) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("bare server not listening after " + seconds + " s");
  }

  static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      System.err.println("process " + p.pid() + " ignored SIGTERM for 60 s; killing");
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }

  static String loadavg() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> (Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024) + " GB").orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * CPU ticks of the target process, its postgres/redis descendants and this process, and of the
   * whole machine. Postgres counts its exited children too (autovacuum workers live for seconds):
   * their time is in the postmaster's cutime/cstime once it has reaped them.
   */
  record Sample(long nanos, long target, long postgres, long redis, long generator, long machineBusy,
                long machineTotal) {
    static Sample take(long pid) {
      long pg = 0;
      long redis = 0;
      var h = ProcessHandle.of(pid);
      if (h.isPresent()) {
        for (ProcessHandle d : h.get().descendants().toList()) {
          String name = comm(d.pid());
          if (name.startsWith("postgres")) {
            pg += ticks(d.pid());
            boolean postmaster = d.parent().map(parent -> !comm(parent.pid()).startsWith("postgres")).orElse(false);
            if (postmaster) {
              pg += reapedChildTicks(d.pid());
            }
          } else if (name.startsWith("redis")) {
            redis += ticks(d.pid());
          }
        }
      }
      long[] machine = machineTicks();
      return new Sample(System.nanoTime(), ticks(pid), pg, redis, ticks(ProcessHandle.current().pid()), machine[0],
          machine[1]);
    }

    /** Busy and total ticks of all cores, from the first line of /proc/stat. */
    static long[] machineTicks() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle, iowait
        long total = 0;
        for (int i = 1; i <= 8; i++) { // user … steal (guest time is already in user)
          total += Long.parseLong(f[i]);
        }
        return new long[] {total - idle, total};
      } catch (IOException | RuntimeException e) {
        return new long[] {0, 0};
      }
    }

    static String comm(long pid) {
      try {
        return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
      } catch (IOException e) {
        return "";
      }
    }

    static long ticks(long pid) {
      return statSum(pid, 11); // utime, stime (fields 14, 15 of /proc/pid/stat)
    }

    static long reapedChildTicks(long pid) {
      return statSum(pid, 13); // cutime, cstime (fields 16, 17)
    }

    /** The sum of two adjacent tick fields of /proc/pid/stat, counted after the command name; 0 if gone. */
    private static long statSum(long pid, int first) {
      try {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[first]) + Long.parseLong(f[first + 1]);
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    static long vmHwmKb(long pid) {
      try {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM"))
            .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
      } catch (IOException e) {
        return 0;
      }
    }

    /** Shares of one core in percent; {@code machine} is every process's, idle is what is left of cores × 100%. */
    record Cpu(double target, double postgres, double redis, double generator, double machine) {
    }

    static Cpu cpu(Sample a, Sample b) {
      if (a == null || b == null) {
        return new Cpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      double secs = (b.nanos - a.nanos) / 1e9;
      double hz = 100.0; // USER_HZ
      return new Cpu((b.target - a.target) / hz / secs * 100, Math.max(0, b.postgres - a.postgres) / hz / secs * 100,
          Math.max(0, b.redis - a.redis) / hz / secs * 100, (b.generator - a.generator) / hz / secs * 100,
          b.machineTotal == a.machineTotal ? Double.NaN
              : (double) (b.machineBusy - a.machineBusy) / (b.machineTotal - a.machineTotal)
                  * Runtime.getRuntime().availableProcessors() * 100);
    }
  }
}
