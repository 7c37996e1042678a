package io.kontak.core.conversation;

import java.util.Optional;

/**
 * Who a conversation is with: a stable string key, {@code wa:<digits>} for a WhatsApp number
 * ({@code wa_id}) or {@code user:<id>} for Meta's business-scoped user id, used when the citizen
 * has a username and Meta omits the phone number. The phone number wins when both are known, so
 * existing conversations keep their key.
 */
public record CitizenId(String key) {
  private static final String WA = "wa:";
  private static final String USER = "user:";
  private static final int MAX_LENGTH = 200;

  public CitizenId {
    if (key == null || !(key.startsWith(WA) && key.length() > WA.length()
        || key.startsWith(USER) && key.length() > USER.length()) || key.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a citizen key is wa:<digits> or user:<id>, not '" + key + "'");
    }
  }

  /** A WhatsApp number as Meta writes it ({@code 6281…}); a leading {@code +}, spaces and dashes are dropped. */
  public static CitizenId ofWaId(String waId) {
    String digits = waId == null ? "" : waId.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("a wa_id has digits, not '" + waId + "'");
    }
    return new CitizenId(WA + digits);
  }

  /** Meta's business-scoped user id (e.g. {@code US.13491208655302741918}), kept exactly as received. */
  public static CitizenId ofUserId(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a business-scoped user id must not be blank");
    }
    return new CitizenId(USER + userId.trim());
  }

  /** The phone number when present, else the user id; empty when Meta sent neither. */
  public static Optional<CitizenId> of(String waId, String userId) {
    if (waId != null && !waId.replaceAll("[^0-9]", "").isEmpty()) {
      return Optional.of(ofWaId(waId));
    }
    if (userId != null && !userId.isBlank()) {
      return Optional.of(ofUserId(userId));
    }
    return Optional.empty();
  }

  public static CitizenId parse(String key) {
    return new CitizenId(key);
  }

  /** The WhatsApp number (digits, no {@code +}) when this citizen is keyed by it. */
  public Optional<String> waId() {
    return key.startsWith(WA) ? Optional.of(key.substring(WA.length())) : Optional.empty();
  }

  /** The business-scoped user id when this citizen is keyed by it. */
  public Optional<String> userId() {
    return key.startsWith(USER) ? Optional.of(key.substring(USER.length())) : Optional.empty();
  }

  @Override
  public String toString() {
    return key;
  }
}
