package io.kontak.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What the bot looks up in the registry for an understood message. Kept here, beside
 * {@link Understanding}, so the bot and the answer evaluation share one rule.
 */
public final class LookupTarget {
  private static final List<String> IDENTITIES = List.of(Entity.WEBSITE, Entity.PHONE, Entity.EMAIL);
  /** A website, e-mail or phone pins one party; a name may match many. */
  private static final List<String> PRECEDENCE = List.of(Entity.WEBSITE, Entity.EMAIL, Entity.PHONE, Entity.NAME);

  private LookupTarget() {
  }

  /** The entity to look up, whether it comes from {@link #bareIdentity} or from {@link #question}. */
  public static Optional<String> of(Understanding u) {
    return bareIdentity(u).or(() -> question(u));
  }

  /**
   * A link, number or address with little else ("bahaya ga min? https://…"): citizens send those to
   * have them checked, whatever the classifier made of the few words around it.
   */
  public static Optional<String> bareIdentity(Understanding u) {
    String intent = u.intent().name();
    if (!(u.intent().unsure() || Intents.OUT_OF_SCOPE.equals(intent) || Intents.isFaq(intent))) {
      return Optional.empty();
    }
    return u.entities().stream().filter(e -> IDENTITIES.contains(e.type())).map(Entity::text).findFirst();
  }

  /** A registry question's entity, the most exact identity first. */
  public static Optional<String> question(Understanding u) {
    if (!Intents.CHECK_REGISTRATION.equals(u.intent().name())) {
      return Optional.empty();
    }
    for (String type : PRECEDENCE) {
      for (Entity entity : u.entities()) {
        if (type.equals(entity.type()) && !entity.text().isBlank()) {
          return Optional.of(entity.text());
        }
      }
    }
    return Optional.empty();
  }
}
