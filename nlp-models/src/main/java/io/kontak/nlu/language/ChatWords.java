package io.kontak.nlu.language;

import io.kontak.nlu.text.Folding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small hand-written lexicon of very common chat words per language ({@code chat-words.txt}),
 * which decides the language of messages too short for the statistical detector. Immutable.
 */
public final class ChatWords {
  private static final String RESOURCE = "chat-words.txt";

  private final Map<String, Set<String>> languagesOfWord;

  private ChatWords(Map<String, Set<String>> languagesOfWord) {
    this.languagesOfWord = languagesOfWord;
  }

  /** The lexicon packaged with this class. */
  public static ChatWords load() {
    Map<String, Set<String>> map = new HashMap<>();
    try (InputStream in = ChatWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.strip().split("\\s+");
        if (!Languages.SUPPORTED.contains(parts[0])) {
          throw new IllegalStateException(RESOURCE + ": unknown language " + parts[0]);
        }
        for (int i = 1; i < parts.length; i++) {
          map.computeIfAbsent(Folding.word(parts[i]), w -> new HashSet<>()).add(parts[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    map.replaceAll((w, langs) -> Set.copyOf(langs));
    return new ChatWords(Map.copyOf(map));
  }

  /** For each supported language, how many of {@code words} are its chat words (insertion order id, en, es). */
  public Map<String, Integer> votes(List<String> words) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    for (String lang : Languages.SUPPORTED) {
      votes.put(lang, 0);
    }
    for (String w : words) {
      for (String lang : languagesOfWord.getOrDefault(w, Set.of())) {
        votes.merge(lang, 1, Integer::sum);
      }
    }
    return votes;
  }
}
