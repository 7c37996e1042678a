package io.kontak.nlu.entity;

import java.util.List;

/** Finds the names of institutions in a message. Implementations are thread-safe. */
public interface NameExtractor {

  /**
   * The names in {@code text}, by position.
   *
   * @param patternMentions the websites, phones and e-mails already found (names never overlap them)
   * @param nameExpected    the message asks whether something is registered: it names something, so an
   *                        extractor may fall back to a weaker guess rather than find nothing
   */
  List<Mention> find(String text, List<Mention> patternMentions, boolean nameExpected);
}
