package io.kontak.desk.report;

import io.kontak.core.http.HttpProblem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Days {@code from} to {@code to}, both included, in the regulator's time zone; as instants, the
 * half-open range [start of {@code from}, start of the day after {@code to}).
 */
record ReportRange(LocalDate from, LocalDate to, ZoneId zone) {
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 3_700;

  /** Parses the query's dates (absent: the last 30 days up to today); 400 when malformed or reversed. */
  static ReportRange parse(String from, String to, ZoneId zone, LocalDate today) {
    LocalDate end = to == null || to.isBlank() ? today : date("to", to);
    LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
    if (start.isAfter(end)) {
      throw new HttpProblem(400, "from (" + start + ") is after to (" + end + ")");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw new HttpProblem(400, "a range covers at most " + MAX_DAYS + " days");
    }
    return new ReportRange(start, end, zone);
  }

  OffsetDateTime startInstant() {
    return from.atStartOfDay(zone).toOffsetDateTime();
  }

  OffsetDateTime endInstant() {
    return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new HttpProblem(400, name + " must be a date YYYY-MM-DD, was '" + value + "'");
    }
  }
}
