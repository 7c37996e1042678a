package io.kontak.core.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent desk: accounts, sessions, routing and its timers.
 *
 * @param defaultCapacity        open chats an agent holds at once unless set per account
 * @param passwordMinLength      shorter passwords are refused (422)
 * @param sessionIdle            a session unused this long ends
 * @param sessionMax             a session ends this long after sign-in, used or not
 * @param secureCookie           mark the session cookie {@code Secure} (behind TLS)
 * @param loginSlowAfter         failed sign-ins (per account or address) after which answers slow down
 * @param loginMaxFailures       failed sign-ins per account within {@code loginWindow} before 429
 * @param loginMaxFailuresPerAddress failed sign-ins per client address within {@code loginWindow} before 429
 * @param loginWindow            the window failed sign-ins are counted in
 * @param presenceGrace          an agent without a live connection or API call this long is offline
 * @param livePingTimeout        the live channel closes a socket whose browser sent no ping this long;
 *                               above two minutes, since browsers run a hidden tab's timers about once
 *                               a minute, and never above {@code presenceGrace}
 * @param firstReplyTimeout      an assigned chat without the agent's first reply this long moves on
 * @param maxMoves               moves for lack of a first reply before the supervisor is alerted instead
 * @param slowReplyAlert         a citizen waiting this long mid-conversation raises an alert
 * @param parkAfter              a citizen silent this long (answered) has the chat parked
 * @param abandonParkedAfter     a parked chat is closed as abandoned after this long
 * @param resolutions            the resolution codes an agent closes a chat with
 * @param timerInterval          how often the desk's timers look for due work
 * @param timezone               the regulator's time zone ({@code KONTAK_TIMEZONE})
 * @param officeHours            opening hours per day of the week (absent: closed that day)
 * @param holidays               days the office is closed
 * @param queueNotices           tell waiting citizens their place and the expected wait
 * @param followUpWindow         a citizen writing this soon after an agent closed their chat goes back to the desk
 *                               (that agent first) instead of the bot; zero: never
 * @param queueAbandonAfter      a conversation waiting in the queue untouched this long is closed as abandoned;
 *                               zero: never
 */
public record DeskConfig(int defaultCapacity, int passwordMinLength, Duration sessionIdle, Duration sessionMax,
                         boolean secureCookie, int loginSlowAfter, int loginMaxFailures,
                         int loginMaxFailuresPerAddress, Duration loginWindow, Duration presenceGrace,
                         Duration livePingTimeout,
                         Duration firstReplyTimeout, int maxMoves, Duration slowReplyAlert, Duration parkAfter,
                         Duration abandonParkedAfter, List<String> resolutions, Duration timerInterval,
                         ZoneId timezone, Map<DayOfWeek, Hours> officeHours, List<LocalDate> holidays,
                         boolean queueNotices, Duration followUpWindow, Duration queueAbandonAfter) {

  public static final List<String> DEFAULT_RESOLUTIONS = List.of(
      "answered", "registration_checked", "fraud_report_taken", "referred", "no_response", "other");
  public static final String DEFAULT_OFFICE_HOURS = "mon-fri 08:00-17:00";

  /** The live channel's ping timeout unless configured (or capped by a shorter presence grace). */
  public static final Duration DEFAULT_LIVE_PING_TIMEOUT = Duration.ofSeconds(150);

  public DeskConfig {
    if (livePingTimeout.isNegative() || livePingTimeout.isZero()) {
      throw new IllegalArgumentException("KONTAK_DESK_LIVE_PING_TIMEOUT_SECONDS must be at least 1");
    }
    if (presenceGrace.compareTo(livePingTimeout) < 0) {
      throw new IllegalArgumentException("KONTAK_DESK_PRESENCE_GRACE_SECONDS (" + presenceGrace.toSeconds()
          + ") must be at least KONTAK_DESK_LIVE_PING_TIMEOUT_SECONDS (" + livePingTimeout.toSeconds()
          + "): an agent whose socket still counts as open must not be made offline");
    }
  }

  /** One day's opening hours. */
  public record Hours(LocalTime opens, LocalTime closes) {
  }

  static DeskConfig from(Env e) {
    Duration grace = Duration.ofSeconds(e.integer("KONTAK_DESK_PRESENCE_GRACE_SECONDS", 180));
    return new DeskConfig(
        e.integer("KONTAK_DESK_CAPACITY", 4),
        e.integer("KONTAK_DESK_PASSWORD_MIN_LENGTH", 10),
        Duration.ofSeconds(e.integer("KONTAK_DESK_SESSION_IDLE_SECONDS", 8 * 3600)),
        Duration.ofSeconds(e.integer("KONTAK_DESK_SESSION_MAX_SECONDS", 12 * 3600)),
        e.bool("KONTAK_DESK_SECURE_COOKIE", false),
        e.integer("KONTAK_DESK_LOGIN_SLOW_AFTER", 3),
        e.integer("KONTAK_DESK_LOGIN_MAX_FAILURES", 10),
        e.integer("KONTAK_DESK_LOGIN_MAX_FAILURES_PER_ADDRESS", 50),
        Duration.ofSeconds(e.integer("KONTAK_DESK_LOGIN_WINDOW_SECONDS", 900)),
        grace,
        // unset, the ping timeout stays within a shortened grace (tests shorten it to a second)
        Duration.ofSeconds(e.integer("KONTAK_DESK_LIVE_PING_TIMEOUT_SECONDS",
            (int) Math.min(DEFAULT_LIVE_PING_TIMEOUT.toSeconds(), grace.toSeconds()))),
        Duration.ofSeconds(e.integer("KONTAK_DESK_FIRST_REPLY_SECONDS", 180)),
        e.integer("KONTAK_DESK_MAX_MOVES", 2),
        Duration.ofSeconds(e.integer("KONTAK_DESK_SLOW_REPLY_SECONDS", 300)),
        Duration.ofSeconds(e.integer("KONTAK_DESK_PARK_SECONDS", 600)),
        Duration.ofSeconds(e.integer("KONTAK_DESK_ABANDON_PARKED_SECONDS", 3600)),
        e.list("KONTAK_DESK_RESOLUTIONS", DEFAULT_RESOLUTIONS),
        Duration.ofMillis(e.longValue("KONTAK_DESK_TIMER_MS", 5_000)),
        ZoneId.of(e.string("KONTAK_TIMEZONE", "Asia/Jakarta")),
        weekSchedule(e.string("KONTAK_DESK_OFFICE_HOURS", DEFAULT_OFFICE_HOURS)),
        e.list("KONTAK_DESK_HOLIDAYS", List.of()).stream().map(LocalDate::parse).toList(),
        e.bool("KONTAK_DESK_QUEUE_NOTICES", true),
        Duration.ofMinutes(e.integer("KONTAK_DESK_FOLLOWUP_MINUTES", 10)),
        Duration.ofHours(e.integer("KONTAK_DESK_QUEUE_ABANDON_HOURS", 24)));
  }

  /**
   * Parses a week schedule: {@code ;}-separated entries {@code days hh:mm-hh:mm}, days a range
   * ({@code mon-fri}) or a list ({@code sat,sun}), e.g. {@code mon-fri 08:00-17:00; sat 09:00-12:00}.
   */
  public static Map<DayOfWeek, Hours> weekSchedule(String spec) {
    Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
    for (String entry : spec.split(";")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split("\\s+");
      if (parts.length != 2 || !parts[1].contains("-")) {
        throw new IllegalArgumentException("KONTAK_DESK_OFFICE_HOURS: 'mon-fri 08:00-17:00', not '" + trimmed + "'");
      }
      String[] times = parts[1].split("-");
      Hours hours = new Hours(LocalTime.parse(times[0]), LocalTime.parse(times[1]));
      for (DayOfWeek day : days(parts[0])) {
        week.put(day, hours);
      }
    }
    return week;
  }

  private static List<DayOfWeek> days(String spec) {
    List<DayOfWeek> out = new ArrayList<>();
    for (String item : spec.split(",")) {
      if (item.contains("-")) {
        String[] range = item.split("-");
        int from = day(range[0]).getValue();
        int to = day(range[1]).getValue();
        for (int d = from; ; d = d % 7 + 1) {
          out.add(DayOfWeek.of(d));
          if (d == to) {
            break;
          }
        }
      } else {
        out.add(day(item));
      }
    }
    return out;
  }

  private static DayOfWeek day(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).startsWith(n) && n.length() >= 2) {
        return d;
      }
    }
    throw new IllegalArgumentException("KONTAK_DESK_OFFICE_HOURS: unknown day '" + name + "'");
  }
}
