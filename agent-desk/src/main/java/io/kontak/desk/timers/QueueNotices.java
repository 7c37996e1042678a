package io.kontak.desk.timers;

import io.kontak.core.config.DeskConfig;
import io.kontak.core.conversation.CitizenId;
import io.kontak.core.text.LanguageTexts;
import io.kontak.whatsapp.outbox.OutboundMessage;
import io.kontak.whatsapp.outbox.Outbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells each waiting citizen, in their language, their place in the queue and the expected wait,
 * and again when the place changed a lot; outside office hours, when officers are back instead
 * (told again when the office closes or opens while they wait). What was told is stored on the
 * conversation (compare-and-set), so one node sends each notice.
 */
public final class QueueNotices {
  private static final List<String> LANGUAGES = List.of("id", "en", "es");
  private static final String WAITING = """
      SELECT id, citizen, language, desk_told_position, desk_told_closed,
             row_number() OVER (ORDER BY desk_head DESC, priority DESC, queued_at, id) AS position
        FROM conversation WHERE status = 'queued'""";
  private static final String SUPPLY = """
      SELECT coalesce(sum(capacity), 0) AS capacity,
             (SELECT coalesce(avg(handle_seconds), 300) FROM (SELECT handle_seconds FROM conversation_outcome
                WHERE outcome = 'resolved_by_agent' AND handle_seconds IS NOT NULL
                ORDER BY closed_at DESC LIMIT 50) h) AS handle
        FROM desk_account WHERE role = 'agent' AND status = 'available' AND disabled_at IS NULL
         AND last_seen_at > now() - make_interval(secs => $1)""";
  private static final String TOLD = """
      UPDATE conversation SET desk_told_position = $2, desk_told_closed = $4
       WHERE id = $1 AND status = 'queued' AND desk_told_position IS NOT DISTINCT FROM $3
         AND desk_told_closed IS NOT DISTINCT FROM $5""";

  private final Pool pool;
  private final Outbox outbox;
  private final DeskConfig config;
  private final OfficeHours hours;
  private final Clock clock;
  private final LanguageTexts texts;

  /** The notices' texts in every language; reads the classpath, so off the event loop. */
  public static LanguageTexts texts() {
    return LanguageTexts.load("queue notice", "desk-notices/notices_", LANGUAGES, "id");
  }

  public QueueNotices(Pool pool, Outbox outbox, DeskConfig config, LanguageTexts texts) {
    this(pool, outbox, config, texts, Clock.systemUTC());
  }

  /** {@code clock}: what time it is for the office hours (tests move it). */
  public QueueNotices(Pool pool, Outbox outbox, DeskConfig config, LanguageTexts texts, Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.config = config;
    this.hours = OfficeHours.of(config);
    this.clock = clock;
    this.texts = texts;
  }

  public Future<Void> tell() {
    if (!config.queueNotices()) {
      return Future.succeededFuture();
    }
    var waiting = pool.query(WAITING).execute();
    var supply = pool.preparedQuery(SUPPLY).execute(Tuple.of(config.presenceGrace().toSeconds()));
    Optional<ZonedDateTime> back = hours.nextOpening(ZonedDateTime.now(clock));
    boolean closed = back.isPresent();
    return Future.all(waiting, supply).compose(both -> {
      Row s = supply.result().iterator().next();
      long capacity = s.getLong("capacity");
      double handle = s.getNumeric("handle").doubleValue();
      List<Future<?>> sends = new ArrayList<>();
      for (Row r : waiting.result()) {
        int position = r.getLong("position").intValue();
        Integer told = r.getInteger("desk_told_position");
        Boolean toldClosed = r.getBoolean("desk_told_closed");
        if (told != null && Boolean.valueOf(closed).equals(toldClosed)
            && Math.abs(position - told) < Math.max(3, told / 2)) {
          continue;
        }
        int minutes = (int) Math.max(1, Math.ceil(position * handle / Math.max(1, capacity) / 60));
        String text = text(r.getString("language"), position, minutes, back);
        sends.add(notify(r.getLong("id"), CitizenId.parse(r.getString("citizen")), position, told, closed, toldClosed,
            text));
      }
      return Future.join(sends).mapEmpty();
    });
  }

  private Future<Void> notify(long conversation, CitizenId citizen, int position, Integer told, boolean closed,
                              Boolean toldClosed, String text) {
    return pool.withTransaction(conn -> conn.preparedQuery(TOLD)
            .execute(Tuple.of(conversation, position, told, closed, toldClosed))
        .compose(updated -> updated.rowCount() == 0 ? Future.succeededFuture((Long) null)
            : outbox.enqueue(conn, citizen, OutboundMessage.text(text))))
        .map(id -> {
          if (id != null) {
            outbox.handOver(List.of(id));
          }
          return null;
        });
  }

  String text(String language, int position, int minutes, Optional<ZonedDateTime> back) {
    String known = LANGUAGES.contains(language) ? language : "id";  // the day's name in the text's language
    String template = texts.pattern(known, back.isPresent() ? "queue.closed" : "queue.position");
    String when = back.map(t -> t.format(DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.forLanguageTag(known))))
        .orElse("");
    return template.replace("{position}", Integer.toString(position)).replace("{minutes}", Integer.toString(minutes))
        .replace("{back}", when);
  }
}
