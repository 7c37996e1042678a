package io.kontak.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.nlu.corpus.Corpus;
import io.kontak.nlu.corpus.Sample;
import io.kontak.nlu.entity.NameStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many threads calling understand() at once get exactly what one thread gets. */
class ThreadSafetyTest {
  private static final int THREADS = 8;

  @Test
  void concurrentCallsGiveTheSequentialResults() throws Exception {
    check(TestModels.nlu());
  }

  @Test
  void concurrentCallsGiveTheSequentialResultsWithContextWordNames() throws Exception {
    check(NluModels.create(TestModels.models(), NluSettings.defaults().withNames(NameStrategy.CONTEXT_WORDS)));
  }

  private static void check(Nlu nlu) throws Exception {
    List<String> texts = Corpus.read(Path.of("corpus/heldout")).stream().map(Sample::text).toList();
    List<Understanding> sequential = texts.stream().map(t -> nlu.understand(t, NluContext.none())).toList();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Callable<List<Understanding>>> tasks = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t * 37;
        tasks.add(() -> {
          // each thread walks the messages from a different starting point, so threads interleave
          Understanding[] out = new Understanding[texts.size()];
          for (int i = 0; i < texts.size(); i++) {
            int at = (i + offset) % texts.size();
            out[at] = nlu.understand(texts.get(at), NluContext.none());
          }
          return List.of(out);
        });
      }
      for (Future<List<Understanding>> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
