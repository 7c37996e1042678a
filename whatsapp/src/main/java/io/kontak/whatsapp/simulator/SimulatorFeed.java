package io.kontak.whatsapp.simulator;

import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Each simulated citizen's chat as events, oldest first, with live subscribers. An event is
 * {@code {"seq", "kind", "wamid", "at", ...}}:
 * <ul>
 *   <li>{@code in}: the citizen's message as delivered to the webhook ({@code message});</li>
 *   <li>{@code failed}: the webhook did not take that message ({@code error});</li>
 *   <li>{@code out}: what the bot sent, the Graph API request body less its envelope ({@code message});</li>
 *   <li>{@code read}: the bot marked the citizen's message {@code wamid} read ({@code typing} when it
 *       also showed the typing indicator).</li>
 * </ul>
 * {@code seq} grows across all citizens, so a reconnecting page asks for what came after the last
 * one it saw. Bounded: the latest {@value #EVENTS_PER_CITIZEN} events of the latest
 * {@value #CITIZENS} citizens. Thread-safe: the fake Graph API and every HTTP event loop use it.
 */
final class SimulatorFeed {
  static final int EVENTS_PER_CITIZEN = 500;
  static final int CITIZENS = 10_000;

  /** A live reader: {@code replay} is what it missed, then {@code cancel()} stops the live events. */
  record Subscription(List<JsonObject> replay, Runnable cancel) {
  }

  /** Starts at the clock so a page reconnecting to a restarted node is not told "nothing new". */
  private long seq = System.currentTimeMillis();
  private final Map<String, Deque<JsonObject>> chats = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<JsonObject>> eldest) {
      return size() > CITIZENS;
    }
  };
  private final Map<String, String> citizenOfWamid = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CITIZENS * 10;
    }
  };
  private final Map<String, List<Consumer<JsonObject>>> subscribers = new HashMap<>();

  /** The citizen sent {@code message} (about to be delivered to the webhook). */
  synchronized void citizenSent(String waId, String wamid, JsonObject message, Instant at) {
    citizenOfWamid.put(wamid, waId);
    add(waId, event("in", wamid, at).put("message", message));
  }

  /** The webhook refused or never got the citizen's message {@code wamid}. */
  synchronized void citizenMessageFailed(String waId, String wamid, String error) {
    add(waId, event("failed", wamid, Instant.now()).put("error", error));
  }

  /** A request the bot made to the built-in Graph API; only accepted ones reach the citizen. */
  synchronized void graphRequest(FakeGraphApi.Request request) {
    JsonObject body = request.body();
    if (!request.accepted() || body == null) {
      return;
    }
    if ("read".equals(body.getString("status"))) {
      String wamid = body.getString("message_id");
      String waId = citizenOfWamid.get(wamid);
      if (waId != null) {
        add(waId, event("read", wamid, request.receivedAt()).put("typing", body.containsKey("typing_indicator")));
      }
      return;
    }
    String to = request.to();
    if (to == null) {
      return;
    }
    JsonObject message = body.copy();
    message.remove("messaging_product");
    message.remove("recipient_type");
    message.remove("to");
    add(to.replaceAll("[^0-9]", ""), event("out", request.wamid().orElse(null), request.receivedAt())
        .put("message", message));
  }

  /** The citizen's events with {@code seq > after}, oldest first. */
  synchronized List<JsonObject> history(String waId, long after) {
    Deque<JsonObject> chat = chats.get(waId);
    List<JsonObject> out = new ArrayList<>();
    if (chat != null) {
      chat.stream().filter(e -> e.getLong("seq") > after).map(JsonObject::copy).forEach(out::add);
    }
    return out;
  }

  /**
   * Atomically: what the citizen's chat holds after {@code after}, and every later event passed
   * to {@code listener} (called under this feed's lock: it must only hand the event on).
   */
  synchronized Subscription subscribe(String waId, long after, Consumer<JsonObject> listener) {
    List<Consumer<JsonObject>> list = subscribers.computeIfAbsent(waId, k -> new CopyOnWriteArrayList<>());
    list.add(listener);
    return new Subscription(history(waId, after), () -> unsubscribe(waId, listener));
  }

  synchronized int subscriberCount() {
    return subscribers.values().stream().mapToInt(List::size).sum();
  }

  private synchronized void unsubscribe(String waId, Consumer<JsonObject> listener) {
    List<Consumer<JsonObject>> list = subscribers.get(waId);
    if (list != null && list.remove(listener) && list.isEmpty()) {
      subscribers.remove(waId);
    }
  }

  private JsonObject event(String kind, String wamid, Instant at) {
    return new JsonObject().put("seq", ++seq).put("kind", kind).put("wamid", wamid).put("at", at.toEpochMilli());
  }

  private void add(String waId, JsonObject event) {
    Deque<JsonObject> chat = chats.computeIfAbsent(waId, k -> new ArrayDeque<>());
    chat.addLast(event);
    if (chat.size() > EVENTS_PER_CITIZEN) {
      chat.removeFirst();
    }
    List<Consumer<JsonObject>> list = subscribers.get(waId);
    if (list != null) {
      list.forEach(listener -> listener.accept(event.copy()));
    }
  }
}
