package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accounts, sessions, CSRF and sign-in throttling through the HTTP surface. */
class DeskAccountsTest {

  @Test
  void accountsAreCreatedByStaffOrSupervisorsOnly() {
    try (var node = new DeskTestNode(Map.of())) {
      JsonObject ana = new JsonObject().put("username", "ana").put("password", DeskTestNode.PASSWORD)
          .put("role", "agent");
      Response created = node.staff("POST", "/api/desk/users", ana);
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.json().getInteger("capacity")).isEqualTo(4);
      assertThat(created.json().getString("status")).isEqualTo("away");
      assertThat(created.body()).doesNotContain(DeskTestNode.PASSWORD).doesNotContain("argon2");
      assertThat(node.staff("POST", "/api/desk/users", ana).status()).isEqualTo(409);
      assertThat(node.staff("POST", "/api/desk/users", ana.copy().put("username", "weak").put("password", "short"))
          .status()).isEqualTo(422);
      assertThat(node.staff("POST", "/api/desk/users", ana.copy().put("username", "weak2")
          .put("password", "password123")).status()).isEqualTo(422);
      assertThat(node.staff("POST", "/api/desk/users", ana.copy().put("username", "x").put("role", "boss"))
          .status()).isEqualTo(422);
      assertThat(node.anonymous("POST", "/api/desk/users", ana.copy().put("username", "anon")).status())
          .isEqualTo(401);

      Browser agent = node.signIn("ana");
      assertThat(agent.post("/api/desk/users", ana.copy().put("username", "bob")).status()).isEqualTo(403);

      node.createAccount("sue", "supervisor", 4);
      Browser sue = node.signIn("sue");
      JsonObject bob = ana.copy().put("username", "bob").put("capacity", 2);
      assertThat(sue.withoutCsrf("POST", "/api/desk/users", bob).status()).isEqualTo(403);
      Response byBoss = sue.post("/api/desk/users", bob);
      assertThat(byBoss.status()).isEqualTo(201);
      assertThat(byBoss.json().getInteger("capacity")).isEqualTo(2);
      assertThat(sue.get("/api/desk/users").array().stream().map(o -> ((JsonObject) o).getString("username")))
          .containsExactly("ana", "bob", "sue");
      assertThat(agent.get("/api/desk/users").status()).isEqualTo(403);
    }
  }

  @Test
  void signInSetsAStrictHttpOnlyCookieAndANewSessionEachTime() {
    try (var node = new DeskTestNode(Map.of())) {
      node.createAccount("ana", "agent", 4);
      assertThat(node.anonymous("POST", "/api/desk/session",
          new JsonObject().put("username", "ana").put("password", "wrong password!")).status()).isEqualTo(401);
      assertThat(node.anonymous("POST", "/api/desk/session",
          new JsonObject().put("username", "nobody").put("password", "wrong password!")).status()).isEqualTo(401);

      Response first = node.anonymous("POST", "/api/desk/session",
          new JsonObject().put("username", "ana").put("password", DeskTestNode.PASSWORD));
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.json().getString("username")).isEqualTo("ana");
      assertThat(first.json().getString("role")).isEqualTo("agent");
      assertThat(first.json().getString("csrf_token")).hasSizeGreaterThan(20);
      assertThat(first.setCookie()).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/")
          .doesNotContain("Secure");

      Browser one = new Browser(node, "ana", first.cookie(), first.json().getString("csrf_token"));
      Browser two = node.signIn("ana");
      assertThat(two.cookie()).isNotEqualTo(one.cookie());
      assertThat(one.get("/api/desk/me").json().getString("role")).isEqualTo("agent");

      // a state-changing request needs the CSRF token of its own session
      assertThat(one.withoutCsrf("PUT", "/api/desk/me/status", new JsonObject().put("status", "available")).status())
          .isEqualTo(403);
      assertThat(new Browser(node, "ana", one.cookie(), two.csrf())
          .put("/api/desk/me/status", new JsonObject().put("status", "available")).status()).isEqualTo(403);
      assertThat(one.put("/api/desk/me/status", new JsonObject().put("status", "busy")).status()).isEqualTo(422);
      assertThat(one.put("/api/desk/me/status", new JsonObject().put("status", "available")).status())
          .isEqualTo(200);
      assertThat(one.get("/api/desk/me").json().getString("status")).isEqualTo("available");

      assertThat(one.delete("/api/desk/session").status()).isEqualTo(204);
      assertThat(one.get("/api/desk/me").status()).isEqualTo(401);
      assertThat(two.get("/api/desk/me").status()).isEqualTo(200);
    }
  }

  @Test
  void secureCookieWhenConfigured() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_SECURE_COOKIE", "true"))) {
      node.createAccount("ana", "agent", 4);
      Response r = node.anonymous("POST", "/api/desk/session",
          new JsonObject().put("username", "ana").put("password", DeskTestNode.PASSWORD));
      assertThat(r.setCookie()).contains("Secure");
    }
  }

  @Test
  void repeatedFailuresSlowDownThenRefuseWithRetryAfter() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_LOGIN_SLOW_AFTER", "2",
        "KONTAK_DESK_LOGIN_MAX_FAILURES", "4", "KONTAK_DESK_LOGIN_MAX_FAILURES_PER_ADDRESS", "100"))) {
      node.createAccount("ana", "agent", 4);
      JsonObject wrong = new JsonObject().put("username", "ana").put("password", "not the password");
      for (int i = 0; i < 4; i++) {
        assertThat(node.anonymous("POST", "/api/desk/session", wrong).status()).isEqualTo(401);
      }
      long started = System.nanoTime();
      Response refused = node.anonymous("POST", "/api/desk/session",
          new JsonObject().put("username", "ana").put("password", DeskTestNode.PASSWORD));
      assertThat(refused.status()).isEqualTo(429);
      assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 900L);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
      // another account is not locked by ana's failures
      node.createAccount("bob", "agent", 4);
      assertThat(node.signIn("bob").username()).isEqualTo("bob");
    }
  }

  @Test
  void failuresFromOneAddressAreLimitedAcrossAccounts() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_LOGIN_SLOW_AFTER", "10",
        "KONTAK_DESK_LOGIN_MAX_FAILURES", "10", "KONTAK_DESK_LOGIN_MAX_FAILURES_PER_ADDRESS", "3"))) {
      for (String name : new String[] {"a1", "a2", "a3"}) {
        assertThat(node.anonymous("POST", "/api/desk/session",
            new JsonObject().put("username", name).put("password", "not the password")).status()).isEqualTo(401);
      }
      Response refused = node.anonymous("POST", "/api/desk/session",
          new JsonObject().put("username", "a4").put("password", "not the password"));
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isPresent();
    }
  }

  @Test
  void aSessionSurvivesARestartOfTheNode() {
    var db = io.kontak.core.testing.TestServices.freshDatabase();
    String prefix = io.kontak.core.testing.TestServices.freshRedisPrefix();
    Browser before;
    try (var node = new DeskTestNode(db, prefix, Map.of())) {
      node.createAccount("ana", "agent", 4);
      before = node.signIn("ana");
    }
    try (var restarted = new DeskTestNode(db, prefix, Map.of())) {
      Browser same = new Browser(restarted, "ana", before.cookie(), before.csrf());
      assertThat(same.get("/api/desk/me").json().getString("username")).isEqualTo("ana");
      assertThat(same.put("/api/desk/me/status", new JsonObject().put("status", "available")).status())
          .isEqualTo(200);
    }
  }

  @Test
  void idleSessionsEnd() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_SESSION_IDLE_SECONDS", "1"))) {
      node.createAccount("ana", "agent", 4);
      Browser ana = node.signIn("ana");
      assertThat(ana.get("/api/desk/me").status()).isEqualTo(200);
      // each poll would renew the session: the first comes after the idle time
      await().pollDelay(Duration.ofMillis(1_500)).pollInterval(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
          .until(() -> ana.get("/api/desk/me").status() == 401);
    }
  }

  @Test
  void disablingAnAccountEndsItsSessionsAndRequeuesItsChats() {
    try (var node = new DeskTestNode(Map.of())) {
      Browser ana = node.availableAgent("ana", 4);
      long chat = node.handoff("tolong bantu saya", 0);
      await().atMost(Duration.ofSeconds(5)).until(() -> "ana".equals(node.holderOf(chat)));

      Response disabled = node.staff("POST", "/api/desk/users/ana/disable", null);
      assertThat(disabled.status()).isEqualTo(200);
      assertThat(ana.get("/api/desk/me").status()).isEqualTo(401);
      assertThat(node.statusOf(chat)).isEqualTo("queued");
      assertThat(node.anonymous("POST", "/api/desk/session",
          new JsonObject().put("username", "ana").put("password", DeskTestNode.PASSWORD)).status()).isEqualTo(401);
      assertThat(node.sql("SELECT count(*) AS n FROM desk_event WHERE conversation_id = $1 AND kind = 'requeued' "
          + "AND reason = 'disabled'", chat).iterator().next().getLong("n")).isEqualTo(1);
      assertThat(node.staff("POST", "/api/desk/users/nobody/disable", null).status()).isEqualTo(404);
    }
  }

  @Test
  void theDemoRunGetsASupervisorAndTwoAgentsOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
    try (var node = new DeskTestNode(Map.of())) {
      var lines = node.desk.demoAccounts(node.vertx, data).await();
      assertThat(lines).hasSize(3);
      assertThat(lines.get(0)).startsWith("demo-supervisor supervisor ");
      String[] agent = lines.get(1).split(" ");
      Response signedIn = node.anonymous("POST", "/api/desk/session",
          new JsonObject().put("username", agent[0]).put("password", agent[2]));
      assertThat(signedIn.status()).isEqualTo(200);
      assertThat(signedIn.json().getString("role")).isEqualTo("agent");
      assertThat(node.desk.demoAccounts(node.vertx, data).await()).isEqualTo(lines);
      assertThat(data.resolve("desk-demo-accounts.txt")).exists();
    }
  }
}
