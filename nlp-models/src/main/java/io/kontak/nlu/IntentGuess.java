package io.kontak.nlu;

/**
 * The intent of a message.
 *
 * @param name       one of {@link Intents}: a core intent ({@code check_registration}, {@code report_fraud},
 *                   {@code human_agent}, {@code greeting}, {@code thanks}, {@code out_of_scope}) or
 *                   {@code faq.<topic>}; {@code out_of_scope} when {@code unsure}
 * @param confidence the classifier's probability of its best intent, 0..1 (also when unsure)
 * @param unsure     the best intent scored below the configured threshold: the bot should ask again
 *                   (and offer an agent after that) rather than act on a guess
 */
public record IntentGuess(String name, double confidence, boolean unsure) {
}
