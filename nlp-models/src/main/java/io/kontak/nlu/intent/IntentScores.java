package io.kontak.nlu.intent;

/**
 * The classifier's view of a message.
 *
 * @param best        the most probable intent
 * @param probability its probability
 * @param runnerUp    the second most probable intent
 * @param margin      best minus runner-up probability
 */
public record IntentScores(String best, double probability, String runnerUp, double margin) {
}
