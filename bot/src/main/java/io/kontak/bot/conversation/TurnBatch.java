package io.kontak.bot.conversation;

import io.kontak.bot.conversation.SenderRateLimit.Admission;
import io.kontak.bot.reply.Messages;
import io.kontak.core.conversation.CitizenId;
import io.kontak.core.conversation.FollowUps;
import io.kontak.whatsapp.inbound.InboundQueue;
import io.kontak.whatsapp.message.InboundMessage;
import io.kontak.whatsapp.outbox.Outbox;
import io.kontak.whatsapp.survey.PendingSurvey;
import io.kontak.whatsapp.survey.Surveys;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers the waiting messages of several citizens in one transaction, in four round trips to
 * Postgres whatever the number of messages: lock the citizens and read their messages and
 * conversations (statements pipelined), answer in memory, write every effect (pipelined), commit.
 * A crash before the commit leaves the messages unprocessed and nothing sent; after it, all of it
 * is done: each message is answered exactly once.
 */
final class TurnBatch {
  /**
   * @param unfinished citizens with messages left for another batch (a conversation closed
   *                   mid-batch, or the message limit was reached)
   */
  record Result(Set<CitizenId> unfinished, int messages) {
  }

  private final Pool pool;
  private final Outbox outbox;
  private final Dialog dialog;
  private final Messages messages;
  private final SenderRateLimit rateLimit;
  private final ConversationStore store;
  private final ConversationCache cache;
  private final EventBus bus;
  private final String defaultLanguage;
  private final int messageLimit;
  private final ReplyWindow window;
  private final Surveys surveys;
  private final FollowUps followUps;

  TurnBatch(Pool pool, Outbox outbox, Dialog dialog, Messages messages, SenderRateLimit rateLimit,
            ConversationStore store, ConversationCache cache, EventBus bus, String defaultLanguage, int messageLimit,
            ReplyWindow window, Surveys surveys, FollowUps followUps) {
    this.pool = pool;
    this.outbox = outbox;
    this.dialog = dialog;
    this.messages = messages;
    this.rateLimit = rateLimit;
    this.store = store;
    this.cache = cache;
    this.bus = bus;
    this.defaultLanguage = defaultLanguage;
    this.messageLimit = messageLimit;
    this.window = window;
    this.surveys = surveys;
    this.followUps = followUps;
  }

  /**
   * What was read under the locks; {@code surveys}: unanswered surveys of citizens whose messages may
   * answer one; {@code followUps}: citizens whose new conversation goes straight back to the desk,
   * with the agent's chat it follows.
   */
  private record Waiting(List<InboundQueue.Stored> messages, Map<CitizenId, OpenConversation> conversations,
                         Map<CitizenId, List<PendingSurvey>> surveys, Map<CitizenId, FollowUps.Earlier> followUps) {
    Map<CitizenId, List<InboundQueue.Stored>> byCitizen() {
      return messages.stream().collect(Collectors.groupingBy(s -> s.message().citizen(), LinkedHashMap::new,
          Collectors.toList()));
    }
  }

  Future<Result> run(List<CitizenId> citizens) {
    return cache.get(citizens)
        .compose(cached -> attempt(citizens, cached))
        .recover(e -> e instanceof ConversationStore.StaleConversations stale
            // the cached copies were out of date: forget them and read everything from Postgres
            ? cache.forget(stale.citizens).otherwiseEmpty().compose(forgotten -> attempt(citizens, Map.of()))
            : Future.failedFuture(e));
  }

  private Future<Result> attempt(List<CitizenId> citizens, Map<CitizenId, OpenConversation> cached) {
    var writes = new BatchWrites(store, followUps);
    return pool.withTransaction(conn -> read(conn, citizens, cached)
            .compose(waiting -> answer(waiting, writes)
                .compose(turns -> writes.write(conn, outbox).map(written -> result(citizens, waiting, turns)))))
        .onSuccess(result -> writes.committed(bus, outbox, cache));
  }

  /**
   * Locks the citizens, reads their messages and whichever conversations the cache did not have; a
   * citizen without an open conversation gets a new one, written with the batch: the desk's again
   * when it follows up an agent's chat (asked alongside, for the citizens the cache did not have).
   */
  private Future<Waiting> read(SqlConnection conn, List<CitizenId> citizens, Map<CitizenId, OpenConversation> cached) {
    List<CitizenId> uncached = citizens.stream().filter(c -> !cached.containsKey(c)).toList();
    Future<Void> locked = store.lock(conn, citizens);
    Future<List<InboundQueue.Stored>> waiting = InboundQueue.unprocessed(conn, citizens, messageLimit);
    Future<Map<CitizenId, OpenConversation>> read = uncached.isEmpty() ? Future.succeededFuture(Map.of())
        : store.open(conn, uncached);
    Future<Map<CitizenId, FollowUps.Earlier>> earlier = followUps.recent(conn, uncached);
    return Future.all(locked, waiting, read, earlier).compose(all -> {
      Map<CitizenId, OpenConversation> conversations = new HashMap<>(cached);
      conversations.putAll(read.result());
      Map<CitizenId, FollowUps.Earlier> following = new HashMap<>();
      waiting.result().forEach(stored -> conversations.computeIfAbsent(stored.message().citizen(), citizen -> {
        FollowUps.Earlier previous = earlier.result().get(citizen);
        if (previous == null) {
          return OpenConversation.fresh(defaultLanguage);
        }
        following.put(citizen, previous);
        return OpenConversation.fresh(previous.language());
      }));
      // one more round trip only in the rare batch with a survey tap or a bare number in it
      Set<CitizenId> mayAnswer = waiting.result().stream().map(InboundQueue.Stored::message)
          .filter(Surveys::mayAnswer).map(InboundMessage::citizen).collect(Collectors.toSet());
      return surveys.pending(conn, mayAnswer).map(pending -> new Waiting(waiting.result(), conversations, pending,
          following));
    });
  }

  private Future<List<CitizenTurns>> answer(Waiting waiting, BatchWrites writes) {
    Map<CitizenId, List<InboundQueue.Stored>> byCitizen = waiting.byCitizen();
    Map<CitizenId, Integer> toBot = new HashMap<>();
    byCitizen.forEach((citizen, stored) -> {
      OpenConversation conversation = waiting.conversations().get(citizen);
      if (conversation != null && conversation.status() == OpenConversation.Status.BOT
          && !waiting.followUps().containsKey(citizen)) {
        toBot.put(citizen, stored.size());
      }
    });
    return rateLimit.admitAll(toBot).compose(admissions -> {
      List<CitizenTurns> turns = new ArrayList<>();
      byCitizen.forEach((citizen, stored) -> {
        OpenConversation conversation = waiting.conversations().get(citizen);
        List<Admission> admitted = admissions.getOrDefault(citizen, List.of());
        turns.add(new CitizenTurns(citizen, conversation, waiting.followUps().get(citizen), stored, admitted, dialog,
            messages, window, writes, surveys, waiting.surveys().getOrDefault(citizen, List.of())));
      });
      turns.forEach(turn -> {
        String read = turn.lastToRead();
        if (read != null) {
          outbox.markRead(turn.citizen(), read);
        }
      });
      return Future.all(turns.stream().map(CitizenTurns::answerAll).toList()).map(all -> turns);
    });
  }

  private Result result(List<CitizenId> citizens, Waiting waiting, List<CitizenTurns> turns) {
    if (waiting.messages().size() >= messageLimit) {
      return new Result(Set.copyOf(citizens), waiting.messages().size());
    }
    return new Result(turns.stream().filter(CitizenTurns::unfinished).map(CitizenTurns::citizen)
        .collect(Collectors.toSet()), waiting.messages().size());
  }
}
