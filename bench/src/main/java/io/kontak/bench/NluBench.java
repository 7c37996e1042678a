package io.kontak.bench;

import io.kontak.nlu.Entity;
import io.kontak.nlu.Nlu;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.NluModels;
import io.kontak.nlu.NluSettings;
import io.kontak.nlu.Understanding;
import io.kontak.nlu.entity.Mention;
import io.kontak.nlu.language.Languages;
import io.kontak.registry.Institution;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.index.LookupPolicy;
import io.kontak.registry.index.LookupResult;
import io.kontak.registry.index.RegistrySearcher;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * NLU benchmark (issue 3): Kontak's {@code Nlu.understand()} latency and held-out intent accuracy,
 * NLP.js (node-nlp) as the peer on the same train/held-out split, and the end-to-end rate at which a
 * held-out registry question's entity is extracted and looked up to the same verdict as the gold
 * entity. Run through bench/run-nlu-bench.sh, which runs the NLP.js side first and passes its JSON.
 *
 * <p>Arguments: --repo DIR --registry FILE --nlpjs FILE --load-start "x y z" --warmup S --measure S
 * --out FILE --command "reproduce command".
 */
public final class NluBench {
  /** The bot's precedence (bot/.../conversation/RegistryQuestion): the most exact identity wins. */
  private static final List<String> PRECEDENCE = List.of(Entity.WEBSITE, Entity.EMAIL, Entity.PHONE, Entity.NAME);

  private record Line(String lang, String intent, String text, List<Entity> entities) {}

  private final Map<String, String> options = new HashMap<>();
  private final StringBuilder out = new StringBuilder();

  public static void main(String[] args) throws Exception {
    NluBench bench = new NluBench();
    for (int i = 0; i + 1 < args.length; i += 2) {
      bench.options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    bench.run();
  }

  private String opt(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  private void run() throws Exception {
    Path repo = Path.of(opt("repo", ".")).toAbsolutePath().normalize();
    Path corpus = repo.resolve("nlp-models/corpus");
    Path registry = SampleRegistry.require(opt("registry", System.getProperty(SampleRegistry.PROPERTY)));
    Path nlpjsFile = Path.of(opt("nlpjs", repo.resolve("bench/target/nlpjs/nlpjs-result.json").toString()));
    Path outFile = Path.of(opt("out", repo.resolve("bench/RESULTS-nlu.md").toString()));
    double warmup = Double.parseDouble(opt("warmup", "5"));
    double measure = Double.parseDouble(opt("measure", "10"));
    String loadStart = opt("load-start", loadAverage());

    List<Line> heldout = new ArrayList<>();
    for (String lang : Languages.SUPPORTED) {
      heldout.addAll(read(corpus.resolve("heldout/" + lang + ".tsv"), lang));
    }
    int trainRows = 0;
    for (String lang : Languages.SUPPORTED) {
      trainRows += read(corpus.resolve("train/" + lang + ".tsv"), lang).size();
    }

    // the node's NLU: the registry's names spotted in every message (issue 15), so they are timed too
    byte[] regBytes = SampleRegistry.read(registry);
    List<Institution> rows = Workload.parse(regBytes, registry.getFileName().toString());
    var searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
    searcher.swap(searcher.build(1, rows));
    long l0 = System.nanoTime();
    Nlu nlu = NluModels.withSpotter(NluModels.load(NluSettings.defaults()), text -> searcher.spot(text).stream()
        .map(s -> new Mention(Entity.NAME, s.start(), s.end())).toList());
    double loadSec = (System.nanoTime() - l0) / 1e9;

    // --- accuracy (Kontak detects the language itself) ---------------------------------------
    Map<String, int[]> perLang = new LinkedHashMap<>();
    Languages.SUPPORTED.forEach(l -> perLang.put(l, new int[2]));
    int langOk = 0;
    for (Line l : heldout) {
      Understanding u = nlu.understand(l.text, NluContext.none());
      int[] c = perLang.get(l.lang);
      c[0]++;
      if (u.intent().name().equals(l.intent)) {
        c[1]++;
      }
      if (l.lang.equals(u.language())) {
        langOk++;
      }
    }

    // --- latency: one thread, closed loop, cycling the held-out texts ---------------------------
    String[] texts = heldout.stream().map(Line::text).toArray(String[]::new);
    int i = 0;
    long sink = 0;
    long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
    while (System.nanoTime() < warmEnd) {
      sink += nlu.understand(texts[i++ % texts.length], NluContext.none()).entities().size();
    }
    long gc0 = gcMillis()[0];
    long gcT0 = gcMillis()[1];
    long[] lat = new long[1 << 20];
    int n = 0;
    long mStart = System.nanoTime();
    long mEnd = mStart + (long) (measure * 1e9);
    long now = mStart;
    while (now < mEnd) {
      String t = texts[i++ % texts.length];
      long s = System.nanoTime();
      sink += nlu.understand(t, NluContext.none()).entities().size();
      now = System.nanoTime();
      if (n == lat.length) {
        lat = Arrays.copyOf(lat, n * 2);
      }
      lat[n++] = now - s;
    }
    double elapsed = (now - mStart) / 1e9;
    long gcCount = gcMillis()[0] - gc0;
    long gcTime = gcMillis()[1] - gcT0;
    long over1ms = Arrays.stream(lat, 0, n).filter(x -> x > 1_000_000L).count();
    long[] sorted = Arrays.copyOf(lat, n);
    Arrays.sort(sorted);
    double kThroughput = n / elapsed;
    long kP50 = pct(sorted, 0.50);
    long kP99 = pct(sorted, 0.99);
    long kMax = sorted[n - 1];

    // --- end to end: extracted entity -> registry lookup, vs the gold entity --------------------
    int e2eN = 0;
    int found = 0;
    int lookedUpRight = 0;
    int botPathRight = 0;
    List<String> misses = new ArrayList<>();
    for (Line l : heldout) {
      if (!l.intent.equals("check_registration") || l.entities.isEmpty()) {
        continue;
      }
      e2eN++;
      String gold = pick(l.entities).orElseThrow();
      Understanding u = nlu.understand(l.text, NluContext.none());
      Optional<String> got = pick(u.entities());
      boolean isFound = got.isPresent() && norm(got.get()).equals(norm(gold));
      boolean same = got.isPresent() && sameVerdict(searcher.lookup(got.get()), searcher.lookup(gold));
      boolean intentOk = u.intent().name().equals("check_registration");
      if (isFound && same) {
        found++;
      }
      if (same) {
        lookedUpRight++;
      }
      if (isFound && same && intentOk) {
        botPathRight++;
      }
      if (!(isFound && same && intentOk) && misses.size() < 8) {
        misses.add(String.format(Locale.ROOT, "[%s] \"%s\": gold `%s`, got `%s`%s", l.lang, l.text, gold,
            got.orElse("(none)"), intentOk ? "" : " (intent " + u.intent().name() + ")"));
      }
    }

    // --- NLP.js result (from the node run) ---------------------------------------------------
    JsonObject js = new JsonObject(Files.readString(nlpjsFile));
    int jsN = js.getInteger("heldout");
    int jsOk = js.getInteger("correct");

    // --- table -------------------------------------------------------------------------------
    int kN = perLang.values().stream().mapToInt(c -> c[0]).sum();
    int kOk = perLang.values().stream().mapToInt(c -> c[1]).sum();
    double kAcc = 100.0 * kOk / kN;
    double jsAcc = 100.0 * jsOk / jsN;
    line("# NLU benchmark: Kontak understand() vs NLP.js (issue 3)");
    line("");
    line("Reproduce (from the repo root): `" + opt("command", "bench/run-nlu-bench.sh") + "`");
    line("");
    line(String.format(Locale.ROOT, "- machine: %d cores (%s); JDK %s; GC %s; node %s",
        Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.runtime.version"),
        ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
        js.getString("node")));
    line("- load average at start: " + loadStart + "; at end: " + loadAverage()
        + " (2-core machine shared with a CI run; latencies are indicative, not isolated)");
    line(String.format(Locale.ROOT, "- corpus: train %d lines (NLP.js trains on them; Kontak's shipped model was trained "
        + "on the same split), held-out %d lines (id/en/es, %d each)", trainRows, kN, kN / 3));
    line("- Kontak runs as the node does: the registry's names (" + rows.size() + " OJK rows) spotted in every message");
    line("- Kontak detects the language itself (NluContext.none(); language detected right on "
        + langOk + "/" + kN + "); NLP.js is GIVEN the file's language: process(lang, text)");
    line(String.format(Locale.ROOT, "- latency: one thread, closed loop cycling the %d held-out texts, warmup %.0f s + "
        + "measured %.0f s, every call timed (System.nanoTime / process.hrtime); Kontak model load %.2f s; "
        + "%s trained in %.2f s", kN, warmup, measure, loadSec, js.getString("engine"), js.getDouble("trainSec")));
    line("- end-to-end: the " + e2eN + " held-out check_registration lines with an entity; entity picked "
        + "website > email > phone > name (gold and extracted); lookups on " + rows.size() + " OJK rows ("
        + registry.getFileName() + "); same verdict = same verdict word and same top match");
    line("");
    line("| metric | Kontak | NLP.js | target | result |");
    line("|---|---|---|---|---|");
    line(row("held-out intent accuracy, all", acc(kOk, kN), acc(jsOk, jsN), ">= 95% and >= NLP.js",
        kAcc >= 95.0 && kAcc >= jsAcc));
    JsonObject jsPer = js.getJsonObject("perLanguage");
    for (String lang : Languages.SUPPORTED) {
      int[] c = perLang.get(lang);
      JsonObject j = jsPer.getJsonObject(lang);
      line(row("held-out intent accuracy, " + lang, acc(c[1], c[0]), acc(j.getInteger("ok"), j.getInteger("n")),
          ">= 92%", 100.0 * c[1] / c[0] >= 92.0));
    }
    line(row("p50 latency (one thread)", us(kP50), us(js.getLong("p50Nanos")), "", null));
    line(row("p99 latency (one thread)", us(kP99), us(js.getLong("p99Nanos")), "Kontak <= 1 ms", kP99 <= 1_000_000L));
    line(row("max latency", us(kMax), us(js.getLong("maxNanos")), "", null));
    line(row("throughput (one thread)", String.format(Locale.ROOT, "%,.0f /s (%,d calls)", kThroughput, n),
        String.format(Locale.ROOT, "%,.0f /s (%,d calls)", js.getDouble("throughput"), js.getInteger("calls")), "", null));
    line(row("e2e: entity found and looked up right", acc(found, e2eN), "n/a", ">= 95%", 100.0 * found / e2eN >= 95.0));
    line(row("e2e: looked up right (entity text may differ)", acc(lookedUpRight, e2eN), "n/a", "", null));
    line(row("e2e: as the bot does it (intent also right)", acc(botPathRight, e2eN), "n/a", "", null));
    line("");
    line(String.format(Locale.ROOT, "Kontak latency window: %d GCs taking %d ms in all; %d of %d calls (%.2f%%) over 1 ms.",
        gcCount, gcTime, over1ms, n, 100.0 * over1ms / n));
    line("");
    if (!misses.isEmpty()) {
      line("End-to-end misses (first " + misses.size() + "):");
      misses.forEach(m -> line("- " + m));
      line("");
    }
    line("(NLP.js answered `None` on " + js.getInteger("none") + " of " + jsN + " held-out lines; counted wrong. sink "
        + (sink & 1) + ")");
    System.out.print(out);
    Files.writeString(outFile, out.toString(), StandardCharsets.UTF_8);
  }

  private static boolean sameVerdict(LookupResult a, LookupResult b) {
    if (!a.verdict().name().equals(b.verdict().name())) {
      return false;
    }
    var ma = a.verdict().matches();
    var mb = b.verdict().matches();
    if (ma.isEmpty() || mb.isEmpty()) {
      return ma.isEmpty() == mb.isEmpty() || a.verdict().name().equals("not_found");
    }
    return ma.get(0).institution().id().equals(mb.get(0).institution().id());
  }

  private static Optional<String> pick(List<Entity> entities) {
    for (String type : PRECEDENCE) {
      for (Entity e : entities) {
        if (type.equals(e.type()) && !e.text().isBlank()) {
          return Optional.of(e.text());
        }
      }
    }
    return Optional.empty();
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  private static List<Line> read(Path file, String lang) throws Exception {
    List<Line> lines = new ArrayList<>();
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      String[] f = raw.split("\t", -1);
      List<Entity> ents = new ArrayList<>();
      if (f.length > 2 && !f[2].isBlank()) {
        for (String kv : f[2].split("\\|")) {
          int eq = kv.indexOf('=');
          if (eq > 0) {
            ents.add(new Entity(kv.substring(0, eq), kv.substring(eq + 1)));
          }
        }
      }
      lines.add(new Line(lang, f[0], f[1], ents));
    }
    return lines;
  }

  private static long pct(long[] sorted, double p) {
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
  }

  private static String acc(int ok, int n) {
    return String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * ok / n, ok, n);
  }

  private static String us(long nanos) {
    return nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.2f ms", nanos / 1e6)
        : String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
  }

  private static String row(String metric, String kontak, String peer, String target, Boolean pass) {
    return "| " + metric + " | " + kontak + " | " + peer + " | " + target + " | "
        + (pass == null ? "" : pass ? "PASS" : "FAIL") + " |";
  }

  private static long[] gcMillis() {
    long c = 0;
    long t = 0;
    for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
      c += Math.max(0, b.getCollectionCount());
      t += Math.max(0, b.getCollectionTime());
    }
    return new long[] {c, t};
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "n/a";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }
}
