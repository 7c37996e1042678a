package io.kontak.desk.live;

import io.kontak.desk.chat.ChatService;
import io.kontak.desk.routing.Changes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Tells the browsers what a committed routing transaction changed. */
public final class ChangePublisher {
  private final LiveEvents events;
  private final ChatService chats;

  public ChangePublisher(LiveEvents events, ChatService chats) {
    this.events = events;
    this.chats = chats;
  }

  /** Completes once every event is on the bus; the changes themselves are already committed. */
  public Future<Changes> publish(Changes changes) {
    if (changes.isEmpty()) {
      // Nobody was assigned, yet the queue may have changed (a handoff with no free agent): refresh the counts.
      events.changed();
      return Future.succeededFuture(changes);
    }
    // removals first: a chat transferred between two tabs of one supervisor must end up shown
    changes.removed().forEach(r -> events.toAgent(r.agent(),
        LiveEvents.chatRemoved(r.conversation(), r.reason())));
    changes.statuses().forEach(s -> events.toAgent(s.agent(), LiveEvents.agentStatus(s.status())));
    changes.alerts().forEach(a -> {
      JsonObject alert = LiveEvents.alert(a.kind(), a.conversation(), a.text());
      events.toSupervisors(alert);
      if (a.agent() != null) {
        events.toAgent(a.agent(), alert);
      }
    });
    List<Future<?>> items = new ArrayList<>();
    for (Changes.Assigned a : changes.assigned()) {
      items.add(chats.item(a.conversation()).onSuccess(item -> item.ifPresent(chat ->
          events.toAgent(a.agent(), LiveEvents.chatAssigned(a.conversation(), chat)))));
    }
    events.changed();
    return Future.join(items).map(changes);
  }
}
