package io.kontak.core.config;

import java.time.Duration;
import java.util.List;

/**
 * Resolution reports, their privacy and their metrics.
 *
 * @param reopenWindow     a citizen back within this long after a bot "resolution" makes it a reopened one
 * @param sla              fraud reports and complaints count as closed within SLA when they end this soon after opening
 * @param slaIntents       first intents that make a conversation a complaint (besides fraud reports)
 * @param retention        message bodies and phone numbers older than this are erased (aggregates stay)
 * @param retentionEvery   how often the retention job runs
 * @param metricsEvery     how often the live counters behind {@code /metrics} are read from Postgres
 * @param survey           the end-of-chat survey whose answers the CSAT and NPS figures count
 */
public record ReportsConfig(Duration reopenWindow, Duration sla, List<String> slaIntents, Duration retention,
                            Duration retentionEvery, Duration metricsEvery, SurveyConfig survey) {

  public static final List<String> DEFAULT_SLA_INTENTS = List.of("report_fraud", "faq.complaint_howto");

  static ReportsConfig from(Env e) {
    return new ReportsConfig(
        Duration.ofHours(e.integer("KONTAK_REOPEN_WINDOW_HOURS", 24)),
        Duration.ofHours(e.integer("KONTAK_SLA_HOURS", 72)),
        e.list("KONTAK_SLA_INTENTS", DEFAULT_SLA_INTENTS),
        Duration.ofDays(e.integer("KONTAK_RETENTION_DAYS", 180)),
        Duration.ofMinutes(e.integer("KONTAK_RETENTION_EVERY_MINUTES", 60)),
        Duration.ofSeconds(e.integer("KONTAK_REPORT_METRICS_SECONDS", 15)),
        SurveyConfig.from(e));
  }

  ReportsConfig withSurvey(SurveyConfig other) {
    return new ReportsConfig(reopenWindow, sla, slaIntents, retention, retentionEvery, metricsEvery, other);
  }
}
