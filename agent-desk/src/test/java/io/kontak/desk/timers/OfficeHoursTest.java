package io.kontak.desk.timers;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.config.DeskConfig;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The week schedule and holidays at chosen instants, in the office's own time zone. */
class OfficeHoursTest {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final OfficeHours WEEKDAYS = new OfficeHours(JAKARTA,
      DeskConfig.weekSchedule("mon-fri 08:00-17:00; sat 09:00-12:00"), List.of(LocalDate.parse("2026-12-07")));

  @Test
  void openDuringTheDaysHoursInTheOfficesZone() {
    // Thursday 10:00 in Jakarta is 03:00 UTC.
    assertThat(WEEKDAYS.nextOpening(utc("2026-12-03T03:00:00Z"))).isEmpty();
    assertThat(WEEKDAYS.nextOpening(utc("2026-12-05T02:30:00Z"))).isEmpty();  // Saturday 09:30
  }

  @Test
  void beforeOpeningTheOfficeOpensLaterTheSameDay() {
    // Thursday 07:30 in Jakarta (00:30 UTC): in UTC it would look like the middle of the night before.
    assertThat(WEEKDAYS.nextOpening(utc("2026-12-03T00:30:00Z"))).contains(jakarta("2026-12-03T08:00"));
  }

  @Test
  void afterClosingItOpensOnTheNextDayWithHoursSkippingHolidays() {
    // Thursday 17:00 sharp is closed: Friday 08:00.
    assertThat(WEEKDAYS.nextOpening(utc("2026-12-03T10:00:00Z"))).contains(jakarta("2026-12-04T08:00"));
    // Friday evening: Saturday's short hours.
    assertThat(WEEKDAYS.nextOpening(utc("2026-12-04T11:00:00Z"))).contains(jakarta("2026-12-05T09:00"));
    // Saturday noon: Sunday has no hours and Monday the 7th is a holiday: Tuesday.
    assertThat(WEEKDAYS.nextOpening(utc("2026-12-05T05:00:00Z"))).contains(jakarta("2026-12-08T08:00"));
  }

  @Test
  void aHolidayIsClosedAllDay() {
    assertThat(WEEKDAYS.nextOpening(utc("2026-12-07T03:00:00Z"))).contains(jakarta("2026-12-08T08:00"));
  }

  @Test
  void withoutAnyHoursThereIsNoOpeningToTell() {
    var never = new OfficeHours(JAKARTA, DeskConfig.weekSchedule(""), List.of());
    assertThat(never.nextOpening(utc("2026-12-03T03:00:00Z"))).isEmpty();
  }

  private static ZonedDateTime utc(String instant) {
    return ZonedDateTime.parse(instant);
  }

  private static ZonedDateTime jakarta(String local) {
    return LocalDateTime.parse(local).atZone(JAKARTA);
  }
}
