package io.kontak.bot.conversation;

import io.kontak.core.config.Branding;
import io.kontak.nlu.language.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FAQ answers per language from plain-text files staff can edit: {@code <content dir>/faq/<lang>/<topic>.txt}
 * overrides the copy bundled in the jar ({@code content/faq/...}). {@link #reload()} reads them
 * again (blocking: run it on a worker), so edits go live without a rebuild or restart.
 * Placeholders: {regulator}, {hotline}, {hours}, {website}.
 */
public final class FaqContent {
  public static final List<String> TOPICS = List.of("complaint_howto", "contact", "about", "illegal_signs");

  private final Path directory;
  private final Branding branding;
  private volatile Map<String, String> answers = Map.of();

  public FaqContent(Path directory, Branding branding) {
    this.directory = directory;
    this.branding = branding;
  }

  /** Reads every answer; returns how many came from the content directory rather than the jar. */
  public int reload() {
    Map<String, String> next = new HashMap<>();
    int overridden = 0;
    for (String lang : Languages.SUPPORTED) {
      for (String topic : TOPICS) {
        String relative = "faq/" + lang + "/" + topic + ".txt";
        Path file = directory.resolve(relative);
        String text;
        try {
          if (Files.isReadable(file)) {
            text = Files.readString(file, StandardCharsets.UTF_8);
            overridden++;
          } else {
            text = bundled("content/" + relative);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("reading FAQ " + file, e);
        }
        next.put(lang + "/" + topic, brand(text.strip()));
      }
    }
    answers = Map.copyOf(next);
    return overridden;
  }

  /** The answer for {@code faq.<topic>} in {@code lang}. */
  public Optional<String> answer(String topic, String lang) {
    return Optional.ofNullable(answers.get(lang + "/" + topic));
  }

  private String brand(String text) {
    return text.replace("{regulator}", branding.regulatorName()).replace("{hotline}", branding.hotline())
        .replace("{hours}", branding.officeHours()).replace("{website}", branding.website());
  }

  private static String bundled(String resource) throws IOException {
    try (InputStream in = FaqContent.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing bundled FAQ " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
