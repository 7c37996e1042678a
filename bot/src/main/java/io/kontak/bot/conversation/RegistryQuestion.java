package io.kontak.bot.conversation;

import io.kontak.nlu.Entity;
import io.kontak.nlu.Intents;
import io.kontak.nlu.Understanding;
import java.util.List;
import java.util.Optional;

/**
 * What to look up for a message: a registry question with an entity. When a message names several,
 * the most exact identity wins (a website, e-mail or phone pins one party; a name may match many).
 */
public final class RegistryQuestion {
  private static final List<String> PRECEDENCE = List.of(Entity.WEBSITE, Entity.EMAIL, Entity.PHONE, Entity.NAME);

  private RegistryQuestion() {
  }

  public static Optional<String> target(Understanding understanding) {
    if (!Intents.CHECK_REGISTRATION.equals(understanding.intent().name())) {
      return Optional.empty();
    }
    for (String type : PRECEDENCE) {
      for (Entity entity : understanding.entities()) {
        if (type.equals(entity.type()) && !entity.text().isBlank()) {
          return Optional.of(entity.text());
        }
      }
    }
    return Optional.empty();
  }
}
