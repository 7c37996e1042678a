package io.kontak.nlu.entity;

import java.util.List;

/** Finds the names of institutions in a message. Implementations are thread-safe. */
public interface NameExtractor {

  /**
   * The names in {@code text}, by position.
   *
   * @param patternMentions the websites, phones and e-mails already found (names never overlap them)
   */
  List<Mention> find(String text, List<Mention> patternMentions);
}
