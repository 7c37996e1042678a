package io.kontak.desk;

import io.kontak.core.bus.Addresses;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.http.Mount;
import io.kontak.core.redis.RedisUrl;
import io.kontak.core.testing.TestServices;
import io.kontak.whatsapp.WhatsAppChannel;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.outbox.Outbox;
import io.kontak.whatsapp.survey.SurveyTexts;
import io.kontak.whatsapp.survey.Surveys;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The desk on a random port with its own database and Redis prefix, mounted as the node mounts
 * it, with a staff client and signed-in "browsers". Timers run only when a test asks.
 */
final class DeskTestNode implements AutoCloseable {
  static final String TOKEN = "test-staff-token";
  static final String PASSWORD = "correct horse battery";
  private static final AtomicLong PHONES = new AtomicLong(6281300000000L);

  final Vertx vertx;
  final PostgresUrl db;
  final String redisPrefix;
  final KontakConfig config;
  final Pool pool;
  final Redis redis;
  final Desk desk;
  /** The sending channel (outbox sender and the built-in fake Graph API), or null: replies stay in the outbox. */
  final WhatsAppChannel channel;
  final HttpServer server;
  final HttpClient http = HttpClient.newHttpClient();

  DeskTestNode(Map<String, String> overrides) {
    this(TestServices.freshDatabase(), TestServices.freshRedisPrefix(), overrides);
  }

  DeskTestNode(PostgresUrl db, String redisPrefix, Map<String, String> overrides) {
    this(db, redisPrefix, overrides, false);
  }

  /** A desk whose outbox is sent, as on a node, to the channel's built-in fake Graph API ({@link #graph()}). */
  static DeskTestNode sending(Map<String, String> overrides) {
    return new DeskTestNode(TestServices.freshDatabase(), TestServices.freshRedisPrefix(), overrides, true);
  }

  private DeskTestNode(PostgresUrl db, String redisPrefix, Map<String, String> overrides, boolean sending) {
    this.db = db;
    this.redisPrefix = redisPrefix;
    Map<String, String> env = new HashMap<>(Map.of(
        "KONTAK_HTTP_PORT", "0",
        "KONTAK_PG_URL", db.url(),
        "KONTAK_REDIS_URL", TestServices.endpoints().redisUrl(),
        "KONTAK_REDIS_PREFIX", redisPrefix,
        "KONTAK_ADMIN_TOKEN", TOKEN,
        "KONTAK_DESK_TIMER_MS", "3600000",
        "KONTAK_DESK_QUEUE_NOTICES", "false"));
    env.putAll(overrides);
    config = KontakConfig.from(env);
    vertx = Vertx.vertx();
    pool = Database.pool(vertx, db, 8);
    redis = RedisUrl.client(vertx, TestServices.endpoints().redisUrl());
    channel = sending ? WhatsAppChannel.start(vertx, config, db, pool, RedisUrl.api(redis)).await() : null;
    Outbox outbox = channel != null ? channel.outbox() : new Outbox(vertx, "100000000000001");
    var surveys = new Surveys(outbox, config.reports().survey(), SurveyTexts.load("id"), config.branding());
    desk = Desk.start(vertx, config, pool, RedisUrl.api(redis), outbox, surveys).await();
    Router router = Router.router(vertx);
    for (Mount m : desk.mounts()) {
      router.route(m.pattern()).subRouter(m.routes().apply(vertx));
    }
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
  }

  /** What Meta received (only for a {@link #sending} node). */
  FakeGraphApi graph() {
    return channel.builtInGraph().orElseThrow();
  }

  int port() {
    return server.actualPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** A request with the staff token. */
  Response staff(String method, String path, Object body) {
    var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN);
    return Response.send(http, withBody(request, method, body));
  }

  Response anonymous(String method, String path, Object body) {
    return Response.send(http, withBody(HttpRequest.newBuilder(uri(path)), method, body));
  }

  static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, Object body) {
    if (body == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return request.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  void createAccount(String username, String role, int capacity) {
    Response r = staff("POST", "/api/desk/users", new JsonObject().put("username", username).put("password", PASSWORD)
        .put("role", role).put("capacity", capacity));
    if (r.status() != 201) {
      throw new AssertionError("cannot create " + username + ": " + r);
    }
  }

  Browser signIn(String username) {
    Response r = anonymous("POST", "/api/desk/session", new JsonObject().put("username", username)
        .put("password", PASSWORD));
    if (r.status() != 200) {
      throw new AssertionError("cannot sign in " + username + ": " + r);
    }
    return new Browser(this, username, r.cookie(), r.json().getString("csrf_token"));
  }

  /** An agent account, signed in and available. */
  Browser availableAgent(String username, int capacity) {
    createAccount(username, "agent", capacity);
    Browser b = signIn(username);
    b.status("available");
    return b;
  }

  /** A citizen who asked for a person: their message stored, the conversation queued, the handoff announced. */
  long handoff(String text, int priority) {
    return handoff(text, priority, "id");
  }

  /** A handoff from a citizen writing in {@code language}. */
  long handoff(String text, int priority, String language) {
    String waId = Long.toString(PHONES.incrementAndGet());
    String citizen = "wa:" + waId;
    inbound(citizen, text, "Citizen " + waId);
    long id = sql("""
        INSERT INTO conversation (citizen, status, language, intents, handoff_reason, priority, queued_at)
        VALUES ($1, 'queued', $3, '["human_agent"]', 'asked', $2, clock_timestamp()) RETURNING id""",
        citizen, priority, language).iterator().next().getLong("id");
    vertx.eventBus().publish(Addresses.HANDOFF_QUEUED, new JsonObject().put("conversation", id).put("citizen", citizen));
    return id;
  }

  String citizenOf(long conversation) {
    return sql("SELECT citizen FROM conversation WHERE id = $1", conversation).iterator().next().getString("citizen");
  }

  /** A citizen's message as the webhook stores it; returns its wamid. */
  String inbound(String citizen, String text, String name) {
    String wamid = "wamid.T" + UUID.randomUUID().toString().replace("-", "");
    JsonObject payload = new JsonObject().put("kind", "text").put("wamid", wamid).put("citizen", citizen)
        .put("phone_number_id", "100000000000001").put("timestamp", Instant.now().getEpochSecond())
        .put("profile_name", name).put("body", text);
    sql("""
        INSERT INTO wa_inbound (wamid, citizen, wa_id, phone_number_id, kind, payload, raw, sent_at, received_at, processed_at)
        VALUES ($1, $2, $3, '100000000000001', 'text', $4::text::jsonb, '{}'::jsonb, now(), clock_timestamp(), now())""",
        wamid, citizen, citizen.substring(3), payload.encode());
    return wamid;
  }

  /** A citizen writes in a conversation the desk has, as the engine announces it. */
  String citizenWrites(long conversation, String text) {
    String wamid = inbound(citizenOf(conversation), text, null);
    vertx.eventBus().publish(Addresses.DESK_INBOUND, new JsonObject().put("conversation", conversation)
        .put("wamid", wamid));
    return wamid;
  }

  RowSet<Row> sql(String statement, Object... params) {
    return pool.preparedQuery(statement).execute(Tuple.from(params)).await();
  }

  String statusOf(long conversation) {
    return sql("SELECT status FROM conversation WHERE id = $1", conversation).iterator().next().getString("status");
  }

  /** The username holding the conversation, or null. */
  String holderOf(long conversation) {
    var rows = sql("""
        SELECT a.username FROM conversation c LEFT JOIN desk_account a ON a.id = c.desk_agent
         WHERE c.id = $1 AND c.status = 'with_agent' AND c.desk_parked_at IS NULL""", conversation);
    return rows.size() == 0 ? null : rows.iterator().next().getString("username");
  }

  JsonArray queue() {
    return staff("GET", "/api/desk/queue", null).array();
  }

  @Override
  public void close() {
    desk.close().await();
    server.close().await();
    if (channel != null) {
      channel.close().await();
    }
    pool.close().await();
    redis.close();
    vertx.close().await();
  }
}
