package io.kontak.desk.timers;

import io.kontak.core.config.DeskConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The office's week schedule and holidays: only what a waiting citizen is told depends on it. */
public record OfficeHours(ZoneId zone, Map<DayOfWeek, DeskConfig.Hours> week, List<LocalDate> holidays) {

  public static OfficeHours of(DeskConfig config) {
    return new OfficeHours(config.timezone(), config.officeHours(), config.holidays());
  }

  /** Empty while the office is open; else when it opens next (within two weeks). */
  public Optional<ZonedDateTime> nextOpening(ZonedDateTime now) {
    ZonedDateTime local = now.withZoneSameInstant(zone);
    if (openAt(local)) {
      return Optional.empty();
    }
    for (int d = 0; d < 14; d++) {
      LocalDate day = local.toLocalDate().plusDays(d);
      DeskConfig.Hours hours = week.get(day.getDayOfWeek());
      if (hours == null || holidays.contains(day)) {
        continue;
      }
      ZonedDateTime opens = day.atTime(hours.opens()).atZone(zone);
      if (opens.isAfter(local)) {
        return Optional.of(opens);
      }
    }
    return Optional.empty();
  }

  boolean openAt(ZonedDateTime local) {
    DeskConfig.Hours hours = week.get(local.getDayOfWeek());
    if (hours == null || holidays.contains(local.toLocalDate())) {
      return false;
    }
    var time = local.toLocalTime();
    return !time.isBefore(hours.opens()) && time.isBefore(hours.closes());
  }
}
