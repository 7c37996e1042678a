package io.kontak.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.app.KontakNode;
import io.kontak.app.NodeRole;
import io.kontak.app.TestHttp;
import io.kontak.core.bus.Addresses;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.testing.TestServices;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.webhook.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole Kontak node on a random port with its own database, sending to a {@link FakeGraphApi}
 * that plays Meta; plus a signing HTTP client, staff and desk API calls, SQL reads and waits, and
 * the events the node published.
 */
public final class WhatsAppTestNode implements AutoCloseable {
  public static final String APP_SECRET = "test_app_secret";
  public static final String VERIFY_TOKEN = "test-verify-token";
  public static final String ACCESS_TOKEN = "test-access-token";
  public static final String PHONE_NUMBER_ID = "200000000000002";
  public static final String STAFF_TOKEN = "test-staff-token";
  private static final Duration WAIT = Duration.ofSeconds(20);

  public final PostgresUrl database;
  public final FakeGraphApi graph;
  public final Vertx vertx;
  public final KontakNode node;
  public final Pool sql;
  public final String redisPrefix;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, List<JsonObject>> events = new HashMap<>();
  private final AtomicInteger wamids = new AtomicInteger();
  /** Meta's side when the node started it ({@link #withFakeMeta}), closed with the node. */
  private Vertx ownMetaSide;

  /** A node on a fresh database. */
  public static WhatsAppTestNode start(FakeGraphApi graph, Map<String, String> overrides) {
    return new WhatsAppTestNode(TestServices.freshDatabase(), graph, overrides);
  }

  /** A node on a fresh database with a fake Graph API of its own, closed with the node. */
  public static WhatsAppTestNode withFakeMeta(Map<String, String> overrides) {
    Vertx metaSide = Vertx.vertx();
    try {
      WhatsAppTestNode node = start(FakeGraphApi.start(metaSide, ACCESS_TOKEN).await(), overrides);
      node.ownMetaSide = metaSide;
      return node;
    } catch (RuntimeException e) {
      metaSide.close().await();
      throw e;
    }
  }

  /**
   * A node on a fresh database without the conversation engine, for tests that play its part on
   * the tables; Meta's side is a fake Graph API on {@code metaSide} (the caller closes it).
   */
  public static WhatsAppTestNode withoutEngine(Vertx metaSide) {
    return start(FakeGraphApi.start(metaSide, ACCESS_TOKEN).await(), Map.of("KONTAK_CONVERSATION_ENGINE", "false"));
  }

  public WhatsAppTestNode(PostgresUrl database, FakeGraphApi graph, Map<String, String> overrides) {
    this(Vertx.vertx(), NodeRole.ALL, database, TestServices.freshRedisPrefix(), graph, overrides);
  }

  /**
   * A node in {@code role} on {@code vertx} (clustered, for a deployment of several nodes: they share
   * {@code database} and {@code redisPrefix}); closed with the node, like the Vert.x instance.
   */
  public WhatsAppTestNode(Vertx vertx, NodeRole role, PostgresUrl database, String redisPrefix, FakeGraphApi graph,
                          Map<String, String> overrides) {
    this.vertx = vertx;
    this.database = database;
    this.redisPrefix = redisPrefix;
    this.graph = graph;
    Map<String, String> env = new HashMap<>(Map.of(
        "KONTAK_HTTP_PORT", "0",
        "KONTAK_PG_URL", database.url(),
        "KONTAK_REDIS_URL", TestServices.endpoints().redisUrl(),
        "KONTAK_REDIS_PREFIX", redisPrefix,
        "KONTAK_ADMIN_TOKEN", STAFF_TOKEN,
        "KONTAK_DEMO_REGISTRY", "false"));
    env.putAll(Map.of(
        "WHATSAPP_APP_SECRET", APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN", VERIFY_TOKEN,
        "WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID", PHONE_NUMBER_ID,
        "WHATSAPP_GRAPH_URL", graph.baseUrl(),
        "KONTAK_GRAPH_RETRY_BASE_MS", "20",
        "KONTAK_GRAPH_RETRY_MAX_MS", "200",
        "KONTAK_OUTBOX_POLL_MS", "100"));
    env.putAll(overrides);
    for (String address : List.of(Addresses.INBOUND_STORED, Addresses.OUTBOX_FAILED, Addresses.DESK_INBOUND,
        Addresses.HANDOFF_QUEUED)) {
      List<JsonObject> received = new CopyOnWriteArrayList<>();
      events.put(address, received);
      vertx.eventBus().<JsonObject>consumer(address, m -> received.add(m.body())).completion().await();
    }
    node = KontakNode.start(vertx, KontakConfig.from(env), role).await();
    sql = Database.pool(vertx, database, 4);
  }

  /** Messages announced as stored, outbox failures, handoffs or citizen messages announced for the desk. */
  public List<JsonObject> events(String address) {
    return events.get(address);
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  /** A message id Meta could have given a message from {@code waId}, never the same twice on this node. */
  public String nextWamid(String waId) {
    return "wamid.T" + wamids.incrementAndGet() + "_" + waId;
  }

  /** POSTs {@code body} to /webhook signed with the app secret, as Meta does. */
  public HttpResponse<String> deliver(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return post(bytes, WebhookSignature.sign(APP_SECRET, bytes));
  }

  /** Like {@link #deliver} without waiting for the answer: for many deliveries at once, each on its own connection. */
  public CompletableFuture<HttpResponse<String>> deliverAsync(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(uri("/webhook"))
        .version(HttpClient.Version.HTTP_1_1)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header(WebhookSignature.HEADER, WebhookSignature.sign(APP_SECRET, bytes))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(byte[] body, String signature) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhook"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header(WebhookSignature.HEADER, signature);
    }
    return send(request);
  }

  /** A call to the node's API with the staff token; {@code body} null for none. */
  public HttpResponse<String> staff(String method, String path, JsonObject body) {
    return send(request(method, path, body).header("Authorization", "Bearer " + STAFF_TOKEN));
  }

  /** Signs {@code username} in to the desk, failing the test when refused. */
  public DeskSession signIn(String username, String password) {
    HttpResponse<String> r = send(request("POST", "/api/desk/session",
        new JsonObject().put("username", username).put("password", password)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kontak_desk="))
        .findFirst().orElseThrow().split(";")[0];
    return new DeskSession(this, cookie, new JsonObject(r.body()).getString("csrf_token"));
  }

  /** A new agent account (capacity 4), signed in and available; the test fails if any step is refused. */
  public DeskSession availableAgent(String username, String password) {
    HttpResponse<String> created = staff("POST", "/api/desk/users", new JsonObject().put("username", username)
        .put("password", password).put("role", "agent").put("capacity", 4));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    DeskSession agent = signIn(username, password);
    agent.status("available");
    return agent;
  }

  /** A signed-in desk user: calls carry the session cookie and the CSRF token. */
  public record DeskSession(WhatsAppTestNode node, String cookie, String csrf) {
    public HttpResponse<String> call(String method, String path, JsonObject body) {
      return node.send(node.request(method, path, body).header("Cookie", cookie).header("X-CSRF-Token", csrf));
    }

    /** Sets the agent's own status, failing the test when refused. */
    public void status(String status) {
      HttpResponse<String> r = call("PUT", "/api/desk/me/status", new JsonObject().put("status", status));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  private HttpRequest.Builder request(String method, String path, JsonObject body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    return body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
  }

  /** Waits until the citizen's open conversation has had {@code answers} replies from the bot. */
  public void awaitBotAnswers(String waId, int answers) {
    await().atMost(WAIT).until(() -> count(
        "SELECT count(*) FROM conversation WHERE citizen = $1 AND status <> 'closed' AND bot_answers >= $2",
        "wa:" + waId, answers) == 1);
  }

  /** Waits until the citizen has a conversation in {@code status}; its id. */
  public long awaitStatus(String waId, String status) {
    await().atMost(WAIT).until(() -> count(
        "SELECT count(*) FROM conversation WHERE citizen = $1 AND status = $2", "wa:" + waId, status) == 1);
    return rows("SELECT id FROM conversation WHERE citizen = $1 AND status = $2", "wa:" + waId, status)
        .getFirst().getLong(0);
  }

  public List<Row> rows(String query, Object... params) {
    List<Row> out = new ArrayList<>();
    sql.preparedQuery(query).execute(Tuple.from(params)).await().forEach(out::add);
    return out;
  }

  public long count(String query, Object... params) {
    return rows(query, params).getFirst().getLong(0);
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + node.httpPort() + pathAndQuery);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return TestHttp.send(http, request);
  }

  @Override
  public void close() {
    sql.close().await();
    node.close().await();
    vertx.close().await();
    if (ownMetaSide != null) {
      ownMetaSide.close().await();
    }
  }
}
