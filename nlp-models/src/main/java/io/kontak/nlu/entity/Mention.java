package io.kontak.nlu.entity;

import io.kontak.nlu.Entity;

/**
 * An entity found in a message, with its offsets.
 *
 * @param type  {@link Entity#NAME}, {@link Entity#WEBSITE}, {@link Entity#PHONE} or {@link Entity#EMAIL}
 * @param start offset of the first character
 * @param end   offset after the last character
 */
public record Mention(String type, int start, int end) {

  public String text(String message) {
    return message.substring(start, end);
  }

  public Entity entity(String message) {
    return new Entity(type, text(message));
  }

  public boolean overlaps(int otherStart, int otherEnd) {
    return start < otherEnd && otherStart < end;
  }

  /** The placeholder that stands for this mention in the text given to the classifiers. */
  public String placeholder() {
    return "_" + type + "_";
  }
}
