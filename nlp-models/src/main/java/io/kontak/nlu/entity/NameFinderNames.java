package io.kontak.nlu.entity;

import io.kontak.nlu.text.Token;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Names by OpenNLP's {@link NameFinderME}, trained on the corpus annotations (see
 * {@code NameFinderTrainer}), plus names in quotes. Thread-safe: the model is shared, each thread
 * has its own {@link NameFinderME}, whose adaptive data is cleared after every message.
 */
public final class NameFinderNames implements NameExtractor {
  private final TokenNameFinderModel model;
  private final ThreadLocal<NameFinderME> finder;

  public NameFinderNames(TokenNameFinderModel model) {
    this.model = model;
    this.finder = ThreadLocal.withInitial(() -> new NameFinderME(model));
  }

  public TokenNameFinderModel model() {
    return model;
  }

  @Override
  public List<Mention> find(String text, List<Mention> patternMentions) {
    List<Token> tokens = MessageTokens.of(text, patternMentions);
    List<Mention> found = new ArrayList<>();
    if (!tokens.isEmpty()) {
      NameFinderME me = finder.get();
      Span[] spans = me.find(tokens.stream().map(Token::text).toArray(String[]::new));
      me.clearAdaptiveData();
      for (Span s : spans) {
        found.add(MessageTokens.name(text, tokens, s.getStart(), s.getEnd()));
      }
    }
    return QuotedNames.merge(QuotedNames.find(text, patternMentions), found);
  }
}
