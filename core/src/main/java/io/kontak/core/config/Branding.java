package io.kontak.core.config;

/**
 * Who the bot speaks for, as citizens see it in replies: the regulator's name, hotline, office
 * hours and official website. Defaults describe the service Kontak is modelled on.
 */
public record Branding(String regulatorName, String hotline, String officeHours, String website) {

  static Branding from(Env env) {
    return new Branding(
        env.string("KONTAK_REGULATOR_NAME", "OJK"),
        env.string("KONTAK_HOTLINE", "157"),
        env.string("KONTAK_OFFICE_HOURS", "Mon-Fri 08:00-17:00 WIB"),
        env.string("KONTAK_OFFICIAL_WEBSITE", "https://www.ojk.go.id"));
  }
}
