package io.kontak.registry.index;

/**
 * The thresholds that turn scores into verdicts.
 *
 * @param confident   at or above: the query identifies the entry (exact name/brand/alias key after
 *                    normalization, same tokens in any order, or an exact website/phone/e-mail/licence)
 * @param candidate   below: too weak to show at all
 * @param shownWindow ambiguous answers show candidates within this distance of the best
 * @param maxShown    WhatsApp lists hold ten rows
 * @param retrieve    how many index hits are re-scored
 * @param allFlagged  at or above (but not confident): when every candidate shown is illegal, revoked or
 *                    suspended, the answer is a warning naming them rather than "which one?"
 */
public record LookupPolicy(double confident, double candidate, double shownWindow, int maxShown, int retrieve,
                           double allFlagged) {
  public static final LookupPolicy DEFAULT = new LookupPolicy(0.97, 0.55, 0.25, 10, 40, 0.8);
}
