package io.kontak.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One citizen's part: who they are and what they do, in order. The mix follows the real service:
 * mostly registration checks (in three languages, about names in the demo registry), then FAQs,
 * people asking for a person, and fraud reports; most say thanks (the bot's ending), and some
 * answer the survey that follows an ending.
 */
record Script(String waId, String name, Persona persona, String language, List<Step> steps) {

  enum Persona { REGISTRATION_CHECK, FAQ, ASKS_FOR_PERSON, FRAUD_REPORT }

  /** What a citizen does next. */
  sealed interface Step {
    /** Types a message, then waits for the bot's answer. */
    record Say(String text) implements Step {
    }

    /** Taps a reply button the bot offers (the greeting menu's "talk to an agent"). */
    record Tap(String id, String title) implements Step {
    }

    /** Waits for an agent to write. */
    record AwaitAgent() implements Step {
    }

    /** Waits for the end-of-chat survey (longer after an agent's chat, closed when the agent decides) and answers it, or not. */
    record Survey(boolean answers, boolean types, int satisfaction, boolean afterAgent) implements Step {
    }
  }

  /** Ten citizens in a row cover the mix; which language and name each picks is random. */
  private static final List<Persona> MIX = List.of(Persona.REGISTRATION_CHECK, Persona.FAQ, Persona.ASKS_FOR_PERSON,
      Persona.REGISTRATION_CHECK, Persona.FRAUD_REPORT, Persona.REGISTRATION_CHECK, Persona.ASKS_FOR_PERSON,
      Persona.REGISTRATION_CHECK, Persona.FAQ, Persona.REGISTRATION_CHECK);
  /** Indonesian first, as on the real service; English and Spanish for visitors. */
  private static final List<String> LANGUAGES = List.of("id", "id", "id", "id", "en", "en", "es", "es");

  static Script of(int index, String waId, DemoNames names, RandomGenerator random) {
    Persona persona = MIX.get(index % MIX.size());
    Phrases say = Phrases.BY_LANGUAGE.get(Phrases.any(LANGUAGES, random));
    List<Step> steps = new ArrayList<>();
    switch (persona) {
      case REGISTRATION_CHECK -> {
        steps.add(new Step.Say(Phrases.any(say.checks(), random).formatted(Phrases.any(names.all(), random))));
        if (random.nextInt(3) == 0) {
          steps.add(new Step.Say(Phrases.any(say.checks(), random).formatted(Phrases.any(names.all(), random))));
        }
        steps.add(new Step.Say(Phrases.any(say.thanks(), random)));
      }
      case FAQ -> {
        steps.add(new Step.Say(Phrases.any(say.greetings(), random)));
        steps.add(new Step.Say(Phrases.any(say.faqs(), random)));
        steps.add(new Step.Say(Phrases.any(say.thanks(), random)));
      }
      case ASKS_FOR_PERSON -> {
        if (random.nextBoolean()) {
          steps.add(new Step.Say(Phrases.any(say.greetings(), random)));
          steps.add(new Step.Tap("menu:agent", "agent"));
        } else {
          steps.add(new Step.Say(Phrases.any(say.askForPerson(), random)));
        }
        steps.add(new Step.Say(Phrases.any(say.toAgent(), random)));
        steps.add(new Step.AwaitAgent());
        steps.add(new Step.Say(Phrases.any(say.thanks(), random)));
      }
      case FRAUD_REPORT -> {
        steps.add(new Step.Say(Phrases.any(say.fraudOpenings(), random)));
        steps.add(new Step.Say(Phrases.any(say.fraudStories(), random).formatted(Phrases.any(names.illegal(), random))));
        steps.add(new Step.AwaitAgent());
        steps.add(new Step.Say(Phrases.any(say.thanks(), random)));
      }
      default -> throw new IllegalStateException(persona.name());
    }
    // about three in five answer the survey, one in four of them by typing the number
    steps.add(new Step.Survey(random.nextInt(5) < 3, random.nextInt(4) == 0, satisfaction(random),
        persona == Persona.ASKS_FOR_PERSON || persona == Persona.FRAUD_REPORT));
    return new Script(waId, Phrases.any(say.names(), random), persona, say.language(), List.copyOf(steps));
  }

  /** 0 (unhappy) to 100 (delighted), mostly happy; the survey turns it into its own scale. */
  private static int satisfaction(RandomGenerator random) {
    int roll = random.nextInt(100);
    return roll < 55 ? 85 + random.nextInt(16) : roll < 85 ? 60 + random.nextInt(25) : random.nextInt(60);
  }
}
