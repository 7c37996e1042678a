package io.kontak.desk.http;

import io.kontak.core.http.HttpProblem;
import io.kontak.desk.chat.ChatService;
import io.kontak.desk.routing.RoutingProblem;
import io.kontak.desk.session.Caller;
import io.kontak.whatsapp.media.StoredMedia;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/desk/media/{wamid}}: a citizen's file to whoever may read the chat it is in (its
 * agent, supervisors), 404 to anyone else exactly as for an unknown id, so ids cannot be probed.
 * Not fetched yet or never fetched is also 404, with the reason ({@code pending}, {@code failed}).
 */
public final class MediaRoute {
  /** A file never changes under its wamid; private: only this browser keeps it. */
  private static final String CACHE = "private, max-age=86400";
  /** Opened on its own (a new tab), the file is still no page: nothing in it may run or load. */
  private static final String FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private final ChatService chats;

  public MediaRoute(ChatService chats) {
    this.chats = chats;
  }

  public Future<Void> serve(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    String wamid = ctx.pathParam("wamid");
    return chats.conversationOf(wamid)
        .compose(conversation -> conversation.map(id -> chats.access(caller, id))
            .orElseGet(() -> Future.failedFuture(RoutingProblem.notFound())))
        .compose(readable -> chats.media(wamid))
        .compose(media -> switch (media) {
          case StoredMedia.Ready ready -> send(ctx, wamid, ready);
          default -> Future.failedFuture(unavailable(media));
        });
  }

  private static Future<Void> send(RoutingContext ctx, String wamid, StoredMedia.Ready file) {
    String type = MediaHeaders.contentType(file.mimeType());
    boolean inline = MediaHeaders.inline(file.kind(), type);
    return ctx.response()
        .putHeader("Content-Type", type)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Disposition",
            MediaHeaders.disposition(inline, MediaHeaders.safeName(file.filename(), file.kind(), wamid)))
        .putHeader("Content-Security-Policy", FILE_CSP)
        .putHeader("Cross-Origin-Resource-Policy", "same-origin")
        .putHeader("Cache-Control", CACHE)
        .end(file.bytes());
  }

  /** A 404 whose body says why the file is not there: {@code pending}, {@code failed} (with the failure) or {@code missing}. */
  private static HttpProblem unavailable(StoredMedia media) {
    JsonObject body = new JsonObject().put("error", "media not available").put("reason", media.state());
    if (media instanceof StoredMedia.Failed failed) {
      body.put("failure", failed.reason());
    }
    return new HttpProblem(404, body);
  }
}
