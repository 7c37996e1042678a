package io.kontak.nlu.text;

/**
 * A token of a message as written, with its character offsets.
 *
 * @param text  the token (for a placeholder: {@code _url_}, {@code _phone_}, {@code _email_})
 * @param start offset of the first character in the message
 * @param end   offset after the last character
 */
public record Token(String text, int start, int end) {

  public boolean isWord() {
    return Character.isLetterOrDigit(text.codePointAt(0));
  }

  public boolean isPlaceholder() {
    return text.length() > 2 && text.startsWith("_") && text.endsWith("_");
  }
}
