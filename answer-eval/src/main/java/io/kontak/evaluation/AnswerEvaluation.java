package io.kontak.evaluation;

import io.kontak.nlu.LookupTarget;
import io.kontak.nlu.Nlu;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.Understanding;
import io.kontak.registry.identity.Emails;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.identity.Websites;
import io.kontak.registry.index.LookupResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers each question the way the bot does (the NLU, then {@link LookupTarget}, then the
 * registry lookup) and records what came out.
 */
public final class AnswerEvaluation {
  private final Nlu nlu;
  private final Function<String, LookupResult> lookup;
  private final PhoneNumbers phones;

  public AnswerEvaluation(Nlu nlu, Function<String, LookupResult> lookup, PhoneNumbers phones) {
    this.nlu = nlu;
    this.lookup = lookup;
    this.phones = phones;
  }

  public List<Outcome> run(List<Question> questions) {
    List<Outcome> out = new ArrayList<>(questions.size());
    for (Question q : questions) {
      out.add(answer(q));
    }
    return out;
  }

  /** An exception (the NLU or the lookup failing on a message) is an answer the citizen never gets. */
  public Outcome answer(Question q) {
    try {
      return answerOrFail(q);
    } catch (RuntimeException e) {
      return new Outcome(q, "crashed: " + e, Optional.empty(), false, "", Optional.empty());
    }
  }

  private Outcome answerOrFail(Question q) {
    Understanding u = nlu.understand(q.text(), NluContext.none());
    Optional<String> target = LookupTarget.of(u);
    if (!q.category().isRegistryQuestion() || target.isEmpty()) {
      return new Outcome(q, u.intent().name(), target, false, "", Optional.empty());
    }
    LookupResult result = lookup.apply(target.get());
    Optional<String> first = result.verdict().matches().stream().findFirst().map(m -> m.institution().id());
    return new Outcome(q, u.intent().name(), target, sameEntity(q, target.get()), result.verdict().name(), first);
  }

  /** The looked-up text designates what was asked: same name key, website, phone number or e-mail. */
  private boolean sameEntity(Question q, String target) {
    return switch (q.category().kind()) {
      case 'N' -> RegistryRows.key(target).equals(RegistryRows.key(q.asked()));
      case 'W' -> overlap(Websites.extract(target), Websites.extract(q.asked()));
      case 'P' -> overlap(phones.extract(target), phones.extract(q.asked()));
      case 'E' -> overlap(Emails.extract(target), Emails.extract(q.asked()));
      default -> false;
    };
  }

  private static boolean overlap(List<String> a, List<String> b) {
    Set<String> s = new HashSet<>(a);
    return b.stream().anyMatch(s::contains);
  }
}
