package io.kontak.nlu.language;

import java.util.List;
import java.util.Map;

/** The languages the bot speaks (contract: DESIGN.md), as ISO 639-1 codes. */
public final class Languages {
  public static final String INDONESIAN = "id";
  public static final String ENGLISH = "en";
  public static final String SPANISH = "es";
  public static final List<String> SUPPORTED = List.of(INDONESIAN, ENGLISH, SPANISH);

  /**
   * OpenNLP's language detector speaks ISO 639-3. Only these three count: adding Malay's score to
   * Indonesian's (close kin) biased short English and Spanish messages to Indonesian (TUNING.md).
   */
  static final Map<String, String> FROM_ISO_639_3 = Map.of("ind", INDONESIAN, "eng", ENGLISH, "spa", SPANISH);

  private Languages() {
  }
}
