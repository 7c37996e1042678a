package io.kontak.registry.index;

import io.kontak.registry.Institution;
import io.kontak.registry.identity.Emails;
import io.kontak.registry.identity.LicenseNumbers;
import io.kontak.registry.identity.NameNormalizer;
import io.kontak.registry.identity.NormalizedName;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.identity.Websites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One registry version, indexed in memory and immutable. Lucene finds candidates (exact keys,
 * fuzzy tokens, identities); {@link NameSimilarity} re-scores them on a 0..1 scale the verdict
 * rules can trust. Reference-counted through its reader: a swap never closes an index that a
 * lookup still holds.
 */
public final class RegistryIndex {
  static final String ORD = "ord";
  static final String KEY = "key";
  static final String TOKEN = "tok";
  static final String LEGAL_FORM = "lf";
  static final String WEBSITE = "website";
  static final String PHONE = "phone";
  static final String EMAIL = "email";
  static final String LICENSE = "license_no";

  private static final FieldType TERM = termType();
  /** Shorter words are matched exactly: one edit in three letters is another word. */
  private static final int MIN_FUZZY_LENGTH = 4;
  /** Name-fallback for an unknown website: a similar name is a lead, never an identification. */
  private static final double WEBSITE_LABEL_CAP = 0.8;
  /**
   * One part of a title ("PT App - PT Manager", "Dana Kilat - Pinjaman Online") identifies the row,
   * but a row named exactly so comes first: the manager's own row before the app that names it.
   */
  private static final double PART_CAP = 0.99;

  private final int version;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<IndexedInstitution> entries;
  private final NameSimilarity similarity;
  private final KnownNames knownNames;

  private RegistryIndex(int version, DirectoryReader reader, List<IndexedInstitution> entries) {
    this.version = version;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.entries = entries;
    this.similarity = new NameSimilarity(TokenWeights.of(entries));
    this.knownNames = KnownNames.of(entries);
  }

  /** Builds the index of one version. Blocking and CPU-heavy: call it on a worker thread. */
  public static RegistryIndex build(int version, List<Institution> institutions, PhoneNumbers phones) {
    try {
      var directory = new ByteBuffersDirectory();
      var config = new IndexWriterConfig(new KeywordAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(128);
      List<IndexedInstitution> entries = new ArrayList<>(institutions.size());
      try (var writer = new IndexWriter(directory, config)) {
        for (Institution institution : institutions) {
          var entry = new IndexedInstitution(institution, NameVariants.of(institution));
          writer.addDocument(document(entries.size(), entry, phones));
          entries.add(entry);
        }
        writer.commit();
      }
      return new RegistryIndex(version, DirectoryReader.open(directory), List.copyOf(entries));
    } catch (IOException e) {
      throw new UncheckedIOException("building registry index v" + version, e);
    }
  }

  public static RegistryIndex empty() {
    return build(0, List.of(), new PhoneNumbers("ID"));
  }

  public int version() {
    return version;
  }

  public int size() {
    return entries.size();
  }

  /** The spans of {@code text} that spell a name of this version. */
  List<NameSpot> spot(String text) {
    return knownNames.find(text);
  }

  boolean tryAcquire() {
    return reader.tryIncRef();
  }

  /** Drops the builder's reference: an index that was never installed, or one being replaced. */
  public void close() {
    release();
  }

  void release() {
    try {
      reader.decRef();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Candidates for a query, best first, each institution once. */
  List<Match> candidates(QueryParts query, LookupPolicy policy) throws IOException {
    Map<Integer, Match> best = new HashMap<>();
    query.emails().forEach(e -> exact(EMAIL, e, "email", best));
    query.websites().forEach(w -> exact(WEBSITE, w, "website", best));
    query.phones().forEach(p -> exact(PHONE, p, "phone", best));
    query.license().ifPresent(l -> exact(LICENSE, l, "license_no", best));
    if (!query.name().isEmpty()) {
      byName(query.name(), 1.0, policy, best);
    } else if (best.isEmpty() && !query.websites().isEmpty()) {
      // an unlisted website: look for a similarly named institution, as a lead only
      for (String website : query.websites()) {
        byName(NameNormalizer.normalize(Websites.label(website)), WEBSITE_LABEL_CAP, policy, best);
        if (!website.contains("/")) {
          // a brand written as a domain ("GandengTangan.org"): only its exact name identifies
          NormalizedName spelled = NameNormalizer.normalize(website);
          exactName(spelled, best);
        }
      }
    }
    List<Match> ranked = new ArrayList<>(best.values());
    ranked.sort(VerdictRules.RANKING);
    return ranked;
  }

  /** Rows with a name variant of exactly this key, at full score. */
  private void exactName(NormalizedName name, Map<Integer, Match> best) {
    try {
      for (ScoreDoc hit : searcher.search(new TermQuery(new Term(KEY, name.key())), 64).scoreDocs) {
        int ord = ordinal(hit.doc);
        for (NameVariant v : entries.get(ord).variants()) {
          if (v.whole() && v.name().key().equals(name.key())) {
            best.put(ord, new Match(entries.get(ord).institution(), 1.0, v.source()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void exact(String field, String value, String matchedOn, Map<Integer, Match> best) {
    try {
      for (ScoreDoc hit : searcher.search(new TermQuery(new Term(field, value)), 64).scoreDocs) {
        int ord = ordinal(hit.doc);
        best.put(ord, new Match(entries.get(ord).institution(), 1.0, matchedOn));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void byName(NormalizedName name, double cap, LookupPolicy policy, Map<Integer, Match> best)
      throws IOException {
    for (ScoreDoc hit : searcher.search(nameQuery(name), policy.retrieve()).scoreDocs) {
      int ord = ordinal(hit.doc);
      IndexedInstitution entry = entries.get(ord);
      double score = 0;
      String on = "name";
      for (NameVariant variant : entry.variants()) {
        double s = similarity.score(name, variant.name());
        if (!variant.whole()) {
          s = Math.min(s, PART_CAP);
        }
        if (s > score) {
          score = s;
          on = variant.source();
        }
      }
      score = Math.min(score, cap);
      Match previous = best.get(ord);
      if (previous == null || previous.score() < score) {
        best.put(ord, new Match(entry.institution(), score, on));
      }
    }
  }

  /**
   * Candidates by name: the exact key, each token and joined neighbour pair. A unit the index
   * already knows is matched exactly; only unknown units (likely typos) go fuzzy, with one edit:
   * building a Levenshtein automaton is the dominant cost of a lookup, two-edit ones most of all,
   * and {@link NameSimilarity} re-scores the candidates with edit distance on whole keys anyway.
   */
  private Query nameQuery(NormalizedName name) throws IOException {
    var query = new BooleanQuery.Builder();
    query.add(new BoostQuery(new TermQuery(new Term(KEY, name.key())), 10f), Occur.SHOULD);
    for (String unit : new LinkedHashSet<>(name.tokensWithJoins())) {
      Term term = new Term(TOKEN, unit);
      boolean known = reader.docFreq(term) > 0;
      query.add(known || unit.length() < MIN_FUZZY_LENGTH ? new TermQuery(term) : new FuzzyQuery(term, 1, 1, 16, true),
          Occur.SHOULD);
    }
    for (String form : name.legalForms()) {
      query.add(new BoostQuery(new TermQuery(new Term(LEGAL_FORM, form)), 0.1f), Occur.SHOULD);
    }
    return query.build();
  }

  private int ordinal(int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    NumericDocValues ords = leaf.reader().getNumericDocValues(ORD);
    if (ords == null || !ords.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("document without ordinal: " + doc);
    }
    return (int) ords.longValue();
  }

  private static Document document(int ord, IndexedInstitution entry, PhoneNumbers phones) {
    Institution i = entry.institution();
    var doc = new Document();
    doc.add(new NumericDocValuesField(ORD, ord));
    Set<String> keys = new LinkedHashSet<>();
    Set<String> tokens = new LinkedHashSet<>();
    Set<String> forms = new LinkedHashSet<>();
    for (NameVariant v : entry.variants()) {
      keys.add(v.name().key());
      tokens.addAll(v.name().tokensWithJoins());
      forms.addAll(v.name().legalForms());
    }
    keys.forEach(k -> doc.add(new Field(KEY, k, TERM)));
    tokens.forEach(t -> doc.add(new Field(TOKEN, t, TERM)));
    forms.forEach(f -> doc.add(new Field(LEGAL_FORM, f, TERM)));
    Set<String> websites = new LinkedHashSet<>();
    i.websites().forEach(w -> websites.addAll(Websites.extract(w)));
    // aliases are sometimes domains ("koin.simdif.com"): they identify as websites too
    i.aliases().forEach(a -> websites.addAll(Websites.extract(a)));
    if (!i.name().strip().contains(" ")) {
      websites.addAll(Websites.extract(i.name()));  // an illegal entry named by its URL
    }
    websites.forEach(w -> doc.add(new Field(WEBSITE, w, TERM)));
    Set<String> numbers = new LinkedHashSet<>();
    i.phones().forEach(p -> numbers.addAll(phones.extract(p)));
    numbers.forEach(p -> doc.add(new Field(PHONE, p, TERM)));
    Set<String> emails = new LinkedHashSet<>();
    i.emails().forEach(e -> emails.addAll(Emails.extract(e)));
    emails.forEach(e -> doc.add(new Field(EMAIL, e, TERM)));
    LicenseNumbers.normalize(i.licenseNo()).ifPresent(l -> doc.add(new Field(LICENSE, l, TERM)));
    return doc;
  }

  private static FieldType termType() {
    var type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS);
    type.setTokenized(false);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }
}
