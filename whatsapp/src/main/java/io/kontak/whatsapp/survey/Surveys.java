package io.kontak.whatsapp.survey;

import io.kontak.core.config.Branding;
import io.kontak.core.config.SurveyConfig;
import io.kontak.core.config.SurveyConfig.Kind;
import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.message.InboundMessage;
import io.kontak.whatsapp.outbox.OutboundMessage;
import io.kontak.whatsapp.outbox.Outbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The optional end-of-chat survey ({@code KONTAK_SURVEY_BOT}, {@code KONTAK_SURVEY_AGENT}). Whoever
 * ends a conversation (the bot, its idle sweep, the desk) calls {@link #invite} in the ending's
 * transaction; the question goes through the outbox in the citizen's language. The conversation
 * engine reads the citizen's answer ({@link #pending}, {@link #input}) and {@link #record}s it on the
 * ended conversation's outcome, once, without opening a conversation.
 */
public final class Surveys {
  /** Meta refuses free-form messages 24 hours after the citizen's last one; an hour's margin for the queue. */
  private static final Duration SEND_WINDOW = Duration.ofHours(23);

  private final Outbox outbox;
  private final SurveyConfig config;
  private final SurveyMessages messages;

  public Surveys(Outbox outbox, SurveyConfig config, SurveyTexts texts, Branding branding) {
    this.outbox = outbox;
    this.config = config;
    this.messages = new SurveyMessages(texts, branding.regulatorName());
  }

  /**
   * Sends the survey the ended conversation's outcome asks for, if any, in the caller's transaction;
   * the future holds the outbox row to {@link Outbox#handOver} after the commit.
   */
  public Future<Optional<Long>> invite(SqlClient sql, long conversation) {
    if (!config.enabled()) {
      return Future.succeededFuture(Optional.empty());
    }
    return sql.preparedQuery(SurveySql.INVITE)
        .execute(Tuple.of(conversation, question(config.bot()), question(config.agent()), SEND_WINDOW.toSeconds()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          PendingSurvey sent = pending(rows.iterator().next());
          return outbox.enqueue(sql, sent.citizen(), messages.question(sent.kind(), sent.language(), conversation))
              .map(Optional::of);
        });
  }

  /** After the ending committed: the sender sends the survey at once. */
  public void handOver(Collection<Long> outboxIds) {
    outbox.handOver(List.copyOf(outboxIds));
  }

  /** Whether {@code message} may answer a survey (only then is {@link #pending} worth reading). */
  public static boolean mayAnswer(InboundMessage message) {
    return SurveyMessages.mayAnswer(message);
  }

  /** The unanswered surveys within the answer window of each of {@code citizens}, newest first. */
  public Future<Map<CitizenId, List<PendingSurvey>>> pending(SqlClient sql, Collection<CitizenId> citizens) {
    if (citizens.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    String[] keys = citizens.stream().map(CitizenId::key).toArray(String[]::new);
    return sql.preparedQuery(SurveySql.PENDING).execute(Tuple.of(keys, config.window().toSeconds())).map(rows -> {
      Map<CitizenId, List<PendingSurvey>> out = new HashMap<>();
      rows.forEach(row -> {
        PendingSurvey survey = pending(row);
        out.computeIfAbsent(survey.citizen(), c -> new ArrayList<>()).add(survey);
      });
      return out;
    });
  }

  /**
   * What {@code message} means for the citizen's {@code pending} surveys: a tapped survey row always
   * belongs to the survey (an answer, or stale when answered or expired); a bare number answers the
   * newest survey when in its range and the citizen has no open conversation (there it is part of the
   * dialog). Anything else is not a survey input.
   */
  public Optional<SurveyInput> input(List<PendingSurvey> pending, InboundMessage message, boolean inConversation) {
    Optional<SurveyMessages.Tap> tap = SurveyMessages.tapped(message);
    if (tap.isPresent()) {
      return Optional.of(pending.stream()
          .filter(s -> s.conversation() == tap.get().conversation())
          .filter(s -> SurveyMessages.inRange(s.kind(), tap.get().score()))
          .findFirst()
          .<SurveyInput>map(s -> new SurveyInput.Answer(s, tap.get().score()))
          .orElseGet(SurveyInput.Stale::new));
    }
    if (inConversation || pending.isEmpty()) {
      return Optional.empty();
    }
    PendingSurvey newest = pending.getFirst();
    return SurveyMessages.bareNumber(message)
        .filter(score -> SurveyMessages.inRange(newest.kind(), score))
        .map(score -> new SurveyInput.Answer(newest, score));
  }

  /** Records the answer on the ended conversation's outcome (once: a later answer changes nothing). */
  public Future<Void> record(SqlClient sql, SurveyInput.Answer answer) {
    return sql.preparedQuery(SurveySql.ANSWER).execute(Tuple.of(answer.survey().conversation(), answer.score()))
        .mapEmpty();
  }

  /** The citizen's thanks for an answer, in the language of the conversation they rated. */
  public OutboundMessage thanks(PendingSurvey survey) {
    return messages.thanks(survey.language());
  }

  private static String question(Kind kind) {
    return kind == Kind.OFF ? null : kind.key();
  }

  private static PendingSurvey pending(Row row) {
    return new PendingSurvey(row.getLong("conversation_id"), CitizenId.parse(row.getString("citizen")),
        Kind.valueOf(row.getString("survey").toUpperCase(Locale.ROOT)), row.getString("language"));
  }
}
