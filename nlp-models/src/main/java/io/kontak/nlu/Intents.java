package io.kontak.nlu;

import java.util.List;
import java.util.Set;

/** Intent names (contract: DESIGN.md, "Core intents"). FAQ intents are {@code faq.<topic>}. */
public final class Intents {
  public static final String CHECK_REGISTRATION = "check_registration";
  public static final String REPORT_FRAUD = "report_fraud";
  public static final String HUMAN_AGENT = "human_agent";
  public static final String GREETING = "greeting";
  public static final String THANKS = "thanks";
  public static final String OUT_OF_SCOPE = "out_of_scope";
  public static final String FAQ_PREFIX = "faq.";
  public static final String FAQ_COMPLAINT_HOWTO = "faq.complaint_howto";
  public static final String FAQ_CONTACT = "faq.contact";
  public static final String FAQ_ABOUT = "faq.about";
  public static final String FAQ_ILLEGAL_SIGNS = "faq.illegal_signs";

  public static final List<String> CORE =
      List.of(CHECK_REGISTRATION, REPORT_FRAUD, HUMAN_AGENT, GREETING, THANKS, OUT_OF_SCOPE);

  /** Intents whose messages name the institution they are about. */
  public static final Set<String> ABOUT_AN_ENTITY = Set.of(CHECK_REGISTRATION, REPORT_FRAUD);

  private Intents() {
  }

  public static boolean isFaq(String intent) {
    return intent.startsWith(FAQ_PREFIX);
  }
}
