package io.kontak.desk.live;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The desk's live channel: event-bus addresses the browsers listen on through the SockJS bridge,
 * and the messages sent there (JSON objects with a {@code type}). An agent listens on
 * {@code kontak.desk.agent.<username>} only; supervisors also on {@code kontak.desk.supervisor}.
 */
public final class LiveEvents {
  public static final String AGENT_PREFIX = "kontak.desk.agent.";
  public static final String SUPERVISORS = "kontak.desk.supervisor";
  /** Internal, every node: queue or agents changed, send fresh snapshots to this node's sockets. */
  static final String CHANGED = "kontak.desk.internal.changed";
  /** Internal, every node: sessions ended (logout, disabled account); body {@code {"sessions": [key...]}}. */
  static final String SESSIONS_ENDED = "kontak.desk.internal.sessions-ended";
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final EventBus bus;

  public LiveEvents(EventBus bus) {
    this.bus = bus;
  }

  public static String agentAddress(String username) {
    return AGENT_PREFIX + username;
  }

  public void toAgent(String username, JsonObject event) {
    bus.publish(agentAddress(username), event);
  }

  public void toSupervisors(JsonObject event) {
    bus.publish(SUPERVISORS, event);
  }

  /** To this node's sockets only (each node sends snapshots to its own). */
  void toLocalAgent(String username, JsonObject event) {
    bus.publish(agentAddress(username), event, LOCAL);
  }

  void toLocalSupervisors(JsonObject event) {
    bus.publish(SUPERVISORS, event, LOCAL);
  }

  /** Tells every node that the queue or the agents changed. */
  public void changed() {
    bus.publish(CHANGED, null);
  }

  public void sessionsEnded(JsonArray keys) {
    bus.publish(SESSIONS_ENDED, new JsonObject().put("sessions", keys));
  }

  public static JsonObject chatAssigned(long conversation, JsonObject chat) {
    return new JsonObject().put("type", "chat.assigned").put("conversation", conversation).put("chat", chat);
  }

  public static JsonObject chatRemoved(long conversation, String reason) {
    return new JsonObject().put("type", "chat.removed").put("conversation", conversation).put("reason", reason);
  }

  public static JsonObject chatMessage(long conversation, JsonObject message) {
    return new JsonObject().put("type", "chat.message").put("conversation", conversation).put("message", message);
  }

  public static JsonObject chatStatus(long conversation, String messageId, String status, String error) {
    return new JsonObject().put("type", "chat.status").put("conversation", conversation)
        .put("message_id", messageId).put("status", status).put("error", error);
  }

  public static JsonObject queue(JsonObject stats) {
    return stats.copy().put("type", "queue");
  }

  public static JsonObject agentStatus(String status) {
    return new JsonObject().put("type", "agent.status").put("status", status);
  }

  public static JsonObject agents(JsonArray agents) {
    return new JsonObject().put("type", "agents").put("agents", agents);
  }

  public static JsonObject alert(String kind, Long conversation, String text) {
    return new JsonObject().put("type", "alert").put("kind", kind).put("conversation", conversation)
        .put("text", text);
  }
}
