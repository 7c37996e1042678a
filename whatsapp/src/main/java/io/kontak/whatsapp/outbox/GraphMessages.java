package io.kontak.whatsapp.outbox;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.outbox.OutboundMessage.ListMessage;
import io.kontak.whatsapp.outbox.OutboundMessage.MarkRead;
import io.kontak.whatsapp.outbox.OutboundMessage.ReplyButtons;
import io.kontak.whatsapp.outbox.OutboundMessage.Template;
import io.kontak.whatsapp.outbox.OutboundMessage.Text;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The Graph API request body ({@code POST /{phone-number-id}/messages}) of each outbound message,
 * rendered when it is enqueued: the row stores what {@link io.kontak.whatsapp.graph.GraphClient} sends.
 */
final class GraphMessages {
  private GraphMessages() {
  }

  static JsonObject body(CitizenId to, OutboundMessage message) {
    if (message instanceof MarkRead read) {
      JsonObject body = new JsonObject()
          .put("messaging_product", "whatsapp")
          .put("status", "read")
          .put("message_id", read.messageId());
      if (read.typingIndicator()) {
        body.put("typing_indicator", new JsonObject().put("type", "text"));
      }
      return body;
    }
    JsonObject body = new JsonObject().put("messaging_product", "whatsapp").put("recipient_type", "individual");
    // A citizen known only by a business-scoped user id (username, phone withheld) is addressed with "recipient".
    to.waId().ifPresentOrElse(waId -> body.put("to", waId), () -> body.put("recipient", to.userId().orElseThrow()));
    switch (message) {
      case Text t -> {
        body.put("type", "text").put("text", new JsonObject().put("preview_url", t.previewUrl()).put("body", t.body()));
        context(body, t.replyTo());
      }
      case ReplyButtons b -> {
        JsonArray buttons = new JsonArray();
        b.buttons().forEach(button -> buttons.add(new JsonObject().put("type", "reply")
            .put("reply", new JsonObject().put("id", button.id()).put("title", button.title()))));
        JsonObject interactive = new JsonObject().put("type", "button")
            .put("body", new JsonObject().put("text", b.body()))
            .put("action", new JsonObject().put("buttons", buttons));
        decorate(interactive, b.header(), b.footer());
        body.put("type", "interactive").put("interactive", interactive);
        context(body, b.replyTo());
      }
      case ListMessage l -> {
        JsonArray sections = new JsonArray();
        for (OutboundMessage.Section s : l.sections()) {
          JsonArray rows = new JsonArray();
          s.rows().forEach(r -> {
            JsonObject row = new JsonObject().put("id", r.id()).put("title", r.title());
            r.description().ifPresent(d -> row.put("description", d));
            rows.add(row);
          });
          JsonObject section = new JsonObject().put("rows", rows);
          s.title().ifPresent(title -> section.put("title", title));
          sections.add(section);
        }
        JsonObject interactive = new JsonObject().put("type", "list")
            .put("body", new JsonObject().put("text", l.body()))
            .put("action", new JsonObject().put("button", l.buttonLabel()).put("sections", sections));
        decorate(interactive, l.header(), l.footer());
        body.put("type", "interactive").put("interactive", interactive);
        context(body, l.replyTo());
      }
      case Template t -> {
        JsonObject template = new JsonObject().put("name", t.name())
            .put("language", new JsonObject().put("code", t.languageCode()));
        if (!t.bodyParameters().isEmpty()) {
          JsonArray parameters = new JsonArray();
          t.bodyParameters().forEach(p -> parameters.add(new JsonObject().put("type", "text").put("text", p)));
          template.put("components", new JsonArray().add(new JsonObject().put("type", "body").put("parameters", parameters)));
        }
        body.put("type", "template").put("template", template);
      }
      case MarkRead r -> throw new IllegalStateException("handled above");
    }
    return body;
  }

  private static void decorate(JsonObject interactive, Optional<String> header, Optional<String> footer) {
    header.ifPresent(h -> interactive.put("header", new JsonObject().put("type", "text").put("text", h)));
    footer.ifPresent(f -> interactive.put("footer", new JsonObject().put("text", f)));
  }

  private static void context(JsonObject body, Optional<String> replyTo) {
    replyTo.ifPresent(id -> body.put("context", new JsonObject().put("message_id", id)));
  }
}
