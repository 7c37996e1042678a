package io.kontak.nlu;

/** The packaged models, loaded once per test JVM (the language model alone is 10 MB). */
public final class TestModels {
  private static NluModelSet models;
  private static Nlu nlu;

  private TestModels() {
  }

  public static synchronized NluModelSet models() {
    if (models == null) {
      models = NluModels.loadModelSet();
    }
    return models;
  }

  public static synchronized Nlu nlu() {
    if (nlu == null) {
      nlu = NluModels.create(models(), NluSettings.defaults());
    }
    return nlu;
  }
}
