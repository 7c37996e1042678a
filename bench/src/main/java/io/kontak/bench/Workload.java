package io.kontak.bench;

import io.kontak.registry.Institution;
import io.kontak.registry.importing.FileFormat;
import io.kontak.registry.importing.ParseResult;
import io.kontak.registry.importing.RegistryFile;
import io.kontak.registry.importing.RegistryParser;
import io.kontak.core.config.KontakConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Everything the lookups run on: the real rows, the 100k registry built from them, the query set,
 * and the query mix the latency runs cycle through (the query set, typo and casing variants of its
 * names, and typo'd names and identities of synthetic rows). Shared by the main bench and the JMH
 * benchmark, and deterministic for a given seed.
 */
final class Workload {
  final byte[] realFile;
  final List<Institution> real;
  final byte[] bigFile;
  final List<Institution> big;
  final List<QueryCase> cases;
  final List<String> queries;
  final double generateSeconds;

  private Workload(byte[] realFile, List<Institution> real, byte[] bigFile, List<Institution> big,
                   List<QueryCase> cases, List<String> queries, double generateSeconds) {
    this.realFile = realFile;
    this.real = real;
    this.bigFile = bigFile;
    this.big = big;
    this.cases = cases;
    this.queries = queries;
    this.generateSeconds = generateSeconds;
  }

  static Workload create(Path registry, Path queryTsv, int rows, long seed) throws IOException {
    byte[] realFile = SampleRegistry.read(registry);
    List<Institution> real = parse(realFile, registry.getFileName().toString());
    List<QueryCase> cases = QueryCase.load(queryTsv);

    List<String> realNames = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Institution i : real) {
      realNames.add(i.name());
      realNames.addAll(i.brands());
      realNames.addAll(i.aliases());
      ids.addAll(i.websites());
      ids.addAll(i.phones());
      ids.addAll(i.emails());
    }
    List<String> queryNames = new ArrayList<>();
    for (QueryCase c : cases) {
      (c.isIdentity() ? ids : queryNames).add(c.query());
    }
    List<String> realLines = new ArrayList<>();
    for (String line : new String(realFile, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        realLines.add(line);
      }
    }
    long t0 = System.nanoTime();
    var generated = SyntheticRegistry.generate(seed, rows, realLines, realNames, queryNames, ids);
    double generateSeconds = (System.nanoTime() - t0) / 1e9;
    List<Institution> big = parse(generated.jsonl(), "registry-" + rows + ".jsonl");
    return new Workload(realFile, real, generated.jsonl(), big, cases,
        queryMix(cases, generated.sampleNames(), generated.sampleIdentities(), seed), generateSeconds);
  }

  static List<Institution> parse(byte[] bytes, String name) {
    KontakConfig.Registry settings = KontakConfig.from(java.util.Map.of()).registry();
    var parser = new RegistryParser(Set.copyOf(settings.sectors()), Long.MAX_VALUE);
    return switch (parser.parse(new RegistryFile(bytes, FileFormat.JSON_LINES, name))) {
      case ParseResult.Valid v -> v.institutions();
      case ParseResult.Invalid inv -> throw new IllegalStateException(name + " is invalid: "
          + inv.errors().subList(0, Math.min(5, inv.errors().size())));
    };
  }

  /** The query set, plus a typo, a dropped letter and a lower-case variant of each name query, plus synthetic names. */
  private static List<String> queryMix(List<QueryCase> cases, List<String> syntheticNames,
                                       List<String> syntheticIds, long seed) {
    Random random = new Random(seed);
    Set<String> out = new LinkedHashSet<>();
    for (QueryCase c : cases) {
      out.add(c.query());
      if (!c.isIdentity()) {
        out.add(c.query().toLowerCase(Locale.ROOT));
        out.add(swapTypo(c.query(), random));
        out.add(dropTypo(c.query(), random));
      }
    }
    for (int i = 0; i < Math.min(400, syntheticNames.size()); i++) {
      String name = syntheticNames.get(i);
      out.add(i % 2 == 0 ? name : swapTypo(name, random));
    }
    out.addAll(syntheticIds.subList(0, Math.min(80, syntheticIds.size())));
    List<String> mix = new ArrayList<>(out);
    Collections.shuffle(mix, random);
    return List.copyOf(mix);
  }

  private static String swapTypo(String s, Random random) {
    if (s.length() < 4) {
      return s;
    }
    int i = 1 + random.nextInt(s.length() - 2);
    char[] c = s.toCharArray();
    char t = c[i];
    c[i] = c[i + 1];
    c[i + 1] = t;
    return new String(c);
  }

  private static String dropTypo(String s, Random random) {
    if (s.length() < 5) {
      return s;
    }
    int i = 1 + random.nextInt(s.length() - 2);
    return s.substring(0, i) + s.substring(i + 1);
  }
}
