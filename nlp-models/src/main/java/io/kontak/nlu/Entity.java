package io.kontak.nlu;

/**
 * A span of the message to look up in the registry.
 *
 * @param type {@link #NAME}, {@link #WEBSITE}, {@link #PHONE} or {@link #EMAIL}
 * @param text the span exactly as written in the message
 */
public record Entity(String type, String text) {
  public static final String NAME = "name";
  public static final String WEBSITE = "website";
  public static final String PHONE = "phone";
  public static final String EMAIL = "email";
}
