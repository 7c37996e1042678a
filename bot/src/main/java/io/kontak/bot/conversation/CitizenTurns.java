package io.kontak.bot.conversation;

import io.kontak.bot.conversation.SenderRateLimit.Admission;
import io.kontak.bot.reply.Messages;
import io.kontak.bot.reply.Reply;
import io.kontak.core.conversation.CitizenId;
import io.kontak.core.conversation.FollowUps;
import io.kontak.whatsapp.inbound.InboundQueue;
import io.kontak.whatsapp.survey.PendingSurvey;
import io.kontak.whatsapp.survey.SurveyInput;
import io.kontak.whatsapp.survey.Surveys;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One citizen's waiting messages inside a {@link TurnBatch}: answered in arrival order against the
 * conversation held in memory, every effect recorded in the batch's {@link BatchWrites} so the
 * batch writes them all in one go. A message after the one that closed the conversation is left
 * for the next batch, which opens a new conversation for it. An answer to an end-of-chat survey is
 * recorded on the conversation it rates and opens none. A new conversation that follows up an
 * agent's chat goes to the desk with its first message that is not a survey answer: the bot stays
 * silent in it.
 */
final class CitizenTurns {
  private final CitizenId citizen;
  private final List<InboundQueue.Stored> waiting;
  private final List<Admission> admissions;  // one per waiting message answered by the bot, in order
  private final Dialog dialog;
  private final Messages messages;
  private final BatchWrites writes;
  private final OpenConversation.Status statusBefore;
  /** The agent's chat this new conversation follows up, or null (once handed to the desk: null). */
  private FollowUps.Earlier followUp;
  private final ReplyWindow window;
  private final Surveys surveys;
  /** Unanswered surveys of this citizen, newest first; an answered one leaves the list. */
  private final List<PendingSurvey> pendingSurveys;
  /** Past the 24-hour window: every reply of this batch becomes one reopening template. */
  private final boolean windowClosed;
  private boolean reopeningSent;
  private OpenConversation conversation;
  private int nextAdmission;
  private int answers;
  private boolean touched;
  private boolean unfinished;

  CitizenTurns(CitizenId citizen, OpenConversation conversation, FollowUps.Earlier followUp,
               List<InboundQueue.Stored> waiting, List<Admission> admissions, Dialog dialog, Messages messages,
               ReplyWindow window, BatchWrites writes, Surveys surveys, List<PendingSurvey> pendingSurveys) {
    this.citizen = citizen;
    this.followUp = followUp;
    this.surveys = surveys;
    this.pendingSurveys = new ArrayList<>(pendingSurveys);
    this.window = window;
    this.windowClosed = waiting.stream().map(s -> s.message().header().timestamp()).max(Instant::compareTo)
        .map(window::closed).orElse(false);
    this.conversation = conversation;
    this.statusBefore = conversation.status();
    this.waiting = waiting;
    this.admissions = admissions;
    this.dialog = dialog;
    this.messages = messages;
    this.writes = writes;
  }

  CitizenId citizen() {
    return citizen;
  }

  /** The citizen's last message the bot will read now, if any: it gets the read mark and typing indicator. */
  String lastToRead() {
    if (conversation.status() != OpenConversation.Status.BOT || followUp != null) {
      return null;
    }
    String last = null;
    for (int i = 0; i < waiting.size(); i++) {
      InboundQueue.Stored stored = waiting.get(i);
      if (admission(i) == Admission.ADMITTED && Channel.worthReading(Channel.utterance(stored.message()))) {
        last = stored.message().wamid();
      }
    }
    return last;
  }

  Future<Void> answerAll() {
    Future<Void> chain = Future.succeededFuture();
    for (InboundQueue.Stored stored : waiting) {
      chain = chain.compose(previous -> handle(stored));
    }
    return chain.onSuccess(done -> {
      if (touched) {
        writes.save(new ConversationStore.Saved(citizen, conversation, answers, conversation.status() != statusBefore));
      }
    });
  }

  /** Whether messages were left for a new conversation. */
  boolean unfinished() {
    return unfinished;
  }

  private Future<Void> handle(InboundQueue.Stored stored) {
    if (conversation.status() == OpenConversation.Status.CLOSED) {
      unfinished = true;
      return Future.succeededFuture();
    }
    String wamid = stored.message().wamid();
    Optional<SurveyInput> survey = surveys.input(pendingSurveys, stored.message(), conversation.saved() || touched);
    if (survey.isPresent()) {
      writes.processed(wamid);
      answered(survey.get(), admission(nextAdmission++));
      return Future.succeededFuture();
    }
    writes.processed(wamid);
    touched = true;
    if (followUp != null) {
      conversation = conversation.queued();
      writes.followUp(conversation, citizen, followUp);
      followUp = null;
    }
    if (conversation.status().withHumans()) {
      if (conversation.saved()) {
        writes.toDesk(conversation.id(), wamid);  // the desk reads it from the stored messages
      }  // else the handoff announced after the commit brings the new conversation, this message in it
      return Future.succeededFuture();
    }
    return switch (admission(nextAdmission++)) {
      case FLOODING -> Future.succeededFuture();
      case NOTICE -> {
        reply(new Reply.Text(messages.text(conversation.state().language(), "ratelimit.notice")));
        yield Future.succeededFuture();
      }
      case ADMITTED -> dialog.respond(conversation.state(), Channel.utterance(stored.message())).map(this::apply);
    };
  }

  private Void apply(Turn turn) {
    conversation = conversation.with(turn.state());
    if (!(turn.reply() instanceof Reply.None)) {
      reply(turn.reply());
      answers++;
    }
    turn.report().ifPresent(description -> writes.report(citizen, description));
    if (turn.handoff().isPresent()) {
      writes.handoff(conversation, citizen, turn.handoff().get());
      conversation = conversation.queued();
    } else if (turn.closing()) {
      writes.close(citizen, "resolved_by_bot");
      conversation = conversation.closed();
    }
    return null;
  }

  /** Records a survey answer and thanks the citizen; the conversation in memory stays untouched (none is opened). */
  private void answered(SurveyInput input, Admission admission) {
    if (input instanceof SurveyInput.Answer answer) {
      pendingSurveys.remove(answer.survey());
      writes.surveyAnswer(answer);
      if (admission == Admission.ADMITTED && !windowClosed) {
        writes.send(citizen, surveys.thanks(answer.survey()));
      }
    }
  }

  private void reply(Reply reply) {
    if (!windowClosed) {
      Channel.outbound(reply).ifPresent(message -> writes.send(citizen, message));
    } else if (!reopeningSent && Channel.outbound(reply).isPresent()) {
      writes.send(citizen, window.reopening(conversation.state().language()));
      reopeningSent = true;
    }
  }

  /** Without a count from Redis (it was down) the bot answers: answering beats silence. */
  private Admission admission(int i) {
    return i < admissions.size() ? admissions.get(i) : Admission.ADMITTED;
  }
}
