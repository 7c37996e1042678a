package io.kontak.app.demo;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A simulated agent on the desk API, as a person in the browser would be: an account of its own
 * (made with the staff token, disabled when the run ends), signed in, available, answering each
 * chat it is given after a human pause, and closing it with a resolution code once the citizen has
 * answered (or after a long silence).
 */
final class DeskAgent implements Runnable {
  private static final Map<String, String[]> LINES = Map.of(
      "id", new String[] {"Halo, saya %s dari layanan konsumen. Saya bantu ya, mohon ditunggu sebentar.",
          "Sudah kami catat dan akan kami tindak lanjuti. Terima kasih sudah menghubungi kami."},
      "en", new String[] {"Hello, this is %s from consumer services. Let me look into it for you.",
          "We have recorded this and will follow up. Thank you for contacting us."},
      "es", new String[] {"Hola, soy %s del servicio al consumidor. Déjame revisarlo.",
          "Lo registramos y le daremos seguimiento. Gracias por contactarnos."});
  private static final List<String> RESOLUTIONS = List.of("answered", "registration_checked", "referred");

  private final String username;
  private final NodeApi node;
  private final TrafficSettings settings;
  private final TrafficStats stats;
  private final RandomGenerator random;
  private final Shift shift;
  private final String password = password();
  /** Per conversation: when to write the first reply, then when to give up waiting for the citizen, then when to close. */
  private final Map<Long, Instant> nextStep = new HashMap<>();
  private final Map<Long, Instant> closeAt = new HashMap<>();
  private final Map<Long, Boolean> greeted = new HashMap<>();
  private List<String> session = List.of();

  /** When agents may leave: once the citizens are done and the queue is empty, or at the end of the run. */
  interface Shift {
    boolean over();

    boolean mustLeave();
  }

  DeskAgent(String username, NodeApi node, TrafficSettings settings, TrafficStats stats, RandomGenerator random,
            Shift shift) {
    this.username = username;
    this.node = node;
    this.settings = settings;
    this.stats = stats;
    this.random = random;
    this.shift = shift;
  }

  /** Creates the account and signs in; fails with the node's answer when it cannot. */
  void join() {
    NodeApi.Answer created = node.staff("POST", "/api/desk/users", new JsonObject().put("username", username)
        .put("password", password).put("role", "agent").put("capacity", 4));
    if (!created.ok()) {
      throw new IllegalStateException("could not create desk account " + username + " (" + created.status() + " "
          + created.object().encode() + "); is the staff token right?");
    }
    HttpResponse<String> signedIn = node.signIn(username, password);
    if (signedIn.statusCode() != 200) {
      throw new IllegalStateException("sign-in of " + username + " answered " + signedIn.statusCode());
    }
    String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kontak_desk="))
        .findFirst().orElseThrow().split(";")[0];
    session = List.of("Cookie", cookie, "X-CSRF-Token", new JsonObject(signedIn.body()).getString("csrf_token"));
    call("PUT", "/api/desk/me/status", new JsonObject().put("status", "available"));
  }

  @Override
  public void run() {
    try {
      while (true) {
        List<JsonObject> chats = call("GET", "/api/desk/chats", null).array().stream()
            .map(JsonObject.class::cast).toList();
        if (chats.isEmpty() && shift.over() || shift.mustLeave()) {
          chats.forEach(this::close);
          return;
        }
        chats.forEach(this::work);
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      stats.failed(username + ": " + e.getMessage());
    } finally {
      leave();
    }
  }

  private void work(JsonObject chat) {
    long id = chat.getLong("conversation");
    Instant due = nextStep.computeIfAbsent(id, c -> Instant.now().plus(settings.pause(5 + random.nextDouble() * 20)));
    if (!greeted.getOrDefault(id, false)) {
      if (Instant.now().isBefore(due)) {
        return;
      }
      write(id, chat, 0);
      greeted.put(id, true);
      nextStep.put(id, Instant.now().plus(settings.pause(180)));
      return;
    }
    // the citizen wrote since the greeting ("thanks"): wrap up a little later; silent for long: close anyway
    if (chat.getValue("waiting_since") != null) {
      closeAt.computeIfAbsent(id, c -> Instant.now().plus(settings.pause(3 + random.nextDouble() * 8)));
    }
    Instant wrapUp = closeAt.get(id);
    if (wrapUp != null && Instant.now().isAfter(wrapUp) || Instant.now().isAfter(due)) {
      close(chat);
    }
  }

  private void close(JsonObject chat) {
    long id = chat.getLong("conversation");
    if (greeted.getOrDefault(id, false)) {
      write(id, chat, 1);
    }
    String resolution = !greeted.getOrDefault(id, false) ? "no_response"
        : "fraud_report".equals(chat.getString("reason")) ? "fraud_report_taken" : Phrases.any(RESOLUTIONS, random);
    NodeApi.Answer closed = call("POST", "/api/desk/chats/" + id + "/close", new JsonObject().put("resolution", resolution));
    if (closed.status() == 422) {
      closed = call("POST", "/api/desk/chats/" + id + "/close", new JsonObject().put("resolution", "other"));
    }
    if (closed.ok()) {
      stats.agentClosed();
    }
    nextStep.remove(id);
    closeAt.remove(id);
    greeted.remove(id);
  }

  private void write(long id, JsonObject chat, int line) {
    String[] lines = LINES.getOrDefault(chat.getString("language"), LINES.get("id"));
    NodeApi.Answer sent = call("POST", "/api/desk/chats/" + id + "/messages",
        new JsonObject().put("text", lines[line].formatted(username)));
    if (sent.ok()) {
      stats.agentWrote();
    }
  }

  /** Signs out and disables the account, so the desk's agent list does not fill up with demo agents. */
  private void leave() {
    if (!session.isEmpty()) {
      call("PUT", "/api/desk/me/status", new JsonObject().put("status", "away"));
      call("DELETE", "/api/desk/session", null);
    }
    node.staff("POST", "/api/desk/users/" + username + "/disable", null);
  }

  private NodeApi.Answer call(String method, String path, JsonObject body) {
    return node.call(method, path, body, session);
  }

  private static String password() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
