package io.kontak.bot.reply;

import io.kontak.core.config.Branding;
import io.kontak.registry.Institution;
import io.kontak.registry.index.LookupResult;
import io.kontak.registry.index.Match;
import io.kontak.registry.index.Verdict;
import java.util.List;

/** Turns a registry verdict into the reply a citizen gets, in their language. */
public final class VerdictReplies {
  /** Ids of list rows a citizen picks among ambiguous candidates: {@code pick:<institution id>}. */
  public static final String PICK_PREFIX = "pick:";

  /** How many other flagged names a warning lists (WhatsApp messages stay short). */
  private static final int OTHERS_NAMED = 5;

  private final Messages messages;
  private final Branding branding;

  public VerdictReplies(Messages messages, Branding branding) {
    this.messages = messages;
    this.branding = branding;
  }

  public Reply render(LookupResult result, String lang) {
    return switch (result.verdict()) {
      case Verdict.Legal legal -> new Reply.Text(legal(legal.matches().get(0).institution(), lang));
      case Verdict.Warning warning -> new Reply.Text(warning(warning.matches().get(0).institution(), lang)
          + others(warning.matches(), lang));
      case Verdict.Ambiguous ambiguous -> candidates(ambiguous.matches(), lang);
      case Verdict.NotFound notFound -> new Reply.Text(messages.text(lang, "verdict.not_found", result.query(),
          branding.regulatorName(), branding.hotline()));
    };
  }

  /** The answer about one institution, e.g. after the citizen picked it from a list. */
  public Reply about(Institution institution, String lang) {
    return new Reply.Text(institution.status().supervised() ? legal(institution, lang) : warning(institution, lang));
  }

  private String legal(Institution i, String lang) {
    String name = i.brands().isEmpty() ? i.name() : i.name() + " (" + String.join(", ", i.brands()) + ")";
    return messages.text(lang, "verdict.legal", name, status(i, lang), branding.regulatorName(),
        i.sector().replace('_', ' '), orUnknown(i.licenseNo(), lang),
        i.since() == null ? orUnknown(null, lang) : i.since().toString(),
        i.websites().isEmpty() ? orUnknown(null, lang) : i.websites().get(0));
  }

  private String warning(Institution i, String lang) {
    String listed = i.since() == null ? "" : messages.text(lang, "verdict.warning.listed", i.since().toString());
    return messages.text(lang, "verdict.warning", i.name(), branding.regulatorName(), status(i, lang), listed,
        branding.hotline());
  }

  /** The other flagged entries of a warning (close names on the same list), named after the first. */
  private String others(List<Match> matches, String lang) {
    List<String> names = matches.stream().skip(1).map(m -> m.institution().name())
        .filter(n -> !n.equals(matches.get(0).institution().name())).distinct().limit(OTHERS_NAMED).toList();
    return names.isEmpty() ? "" : "\n" + messages.text(lang, "verdict.warning.others", String.join("; ", names));
  }

  private Reply candidates(List<Match> matches, String lang) {
    List<Reply.Choice> rows = matches.stream()
        .map(m -> new Reply.Choice(PICK_PREFIX + m.institution().id(), m.institution().name(),
            status(m.institution(), lang) + " · " + m.institution().sector().replace('_', ' ')))
        .toList();
    return new Reply.Choices(messages.text(lang, "verdict.ambiguous"), messages.text(lang, "verdict.ambiguous.button"), rows);
  }

  private String status(Institution i, String lang) {
    return messages.text(lang, "status." + i.status().wire());
  }

  private String orUnknown(String value, String lang) {
    return value == null || value.isBlank() ? messages.text(lang, "value.unknown") : value;
  }
}
