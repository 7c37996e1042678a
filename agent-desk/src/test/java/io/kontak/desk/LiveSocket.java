package io.kontak.desk;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A browser's live channel over SockJS's raw WebSocket endpoint (plain JSON frames). */
final class LiveSocket implements AutoCloseable {
  /** Held as long as the socket: Vert.x closes a client (and its sockets) once the GC finds it unreachable. */
  private final WebSocketClient client;
  final WebSocket socket;
  final List<JsonObject> received = new CopyOnWriteArrayList<>();

  private LiveSocket(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.handler(buffer -> received.add(new JsonObject(buffer.toString())));
  }

  static LiveSocket open(DeskTestNode node, String cookie) {
    var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.port())
        .setURI("/eventbus/websocket");
    if (cookie != null) {
      options.addHeader("Cookie", "kontak_desk=" + cookie);
    }
    WebSocketClient client = node.vertx.createWebSocketClient();
    return new LiveSocket(client, client.connect(options).await());
  }

  void register(String address) {
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode()).await();
  }

  void send(String address, JsonObject body) {
    socket.writeTextMessage(new JsonObject().put("type", "send").put("address", address).put("body", body).encode())
        .await();
  }

  /** Bodies received on {@code address} with the given event type. */
  List<JsonObject> events(String address, String type) {
    return received.stream().filter(m -> "rec".equals(m.getString("type")) && address.equals(m.getString("address")))
        .map(m -> m.getJsonObject("body")).filter(b -> b != null && type.equals(b.getString("type"))).toList();
  }

  List<JsonObject> errors() {
    return received.stream().filter(m -> "err".equals(m.getString("type"))).toList();
  }

  @Override
  public void close() {
    socket.close().await();
    client.close().await();
  }
}
