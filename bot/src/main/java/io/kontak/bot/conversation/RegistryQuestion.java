package io.kontak.bot.conversation;

import io.kontak.nlu.LookupTarget;
import io.kontak.nlu.Understanding;
import java.util.Optional;

/**
 * What to look up for a message: a registry question with an entity. When a message names several,
 * the most exact identity wins (a website, e-mail or phone pins one party; a name may match many).
 * The rule is {@link LookupTarget#question}, shared with the answer evaluation.
 */
public final class RegistryQuestion {
  private RegistryQuestion() {
  }

  public static Optional<String> target(Understanding understanding) {
    return LookupTarget.question(understanding);
  }
}
