package io.kontak.bench;

import io.kontak.registry.Institution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer: what a competent team would build instead of Kontak's index, in good faith. One row
 * per institution (status, websites, phones, e-mails, licence number as normalized arrays/values
 * with GIN/btree indexes for exact matches) and one row per searchable name (legal name, the name
 * part of an app title, each brand, each alias; lower-cased, accents and punctuation and the
 * legal-form words PT/Tbk/CV/... dropped) with a GIN {@code gin_trgm_ops} index, queried with the
 * {@code %} operator and ranked by {@code similarity()}; a name equal to the query once spaces
 * are ignored ("KreditPintar" / "Kredit Pintar", btree on the space-free form) scores 1.0.
 *
 * <p>Verdict rule: top similarity ≥ 0.9 → {@code legal} if every candidate at ≥ 0.9 is licensed or
 * registered, {@code warning} if every one is illegal/revoked/suspended, {@code ambiguous} if they
 * are mixed (the clone case); top ≥ 0.5 → {@code ambiguous}; else {@code not_found}. Exact identity
 * hits score 1.0; an unknown website falls back to a name search on its domain label, capped
 * below 0.9 (a lead, never an identification).
 */
final class TrgmPeer implements Engine, AutoCloseable {
  static final double SIMILARITY_THRESHOLD = 0.5;
  static final double CONFIDENT = 0.9;
  static final double CANDIDATE = 0.5;
  private static final double WEBSITE_LABEL_CAP = 0.89;

  private static final Set<String> LEGAL_FORMS = Set.of("pt", "tbk", "persero", "cv", "ud", "ltd", "inc",
      "llc", "corp", "co");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EMAIL = Pattern.compile("(?i)[a-z0-9._%+\\-]+@[a-z0-9.\\-]+\\.[a-z]{2,24}");
  private static final Pattern URL = Pattern.compile(
      "(?i)^(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24})(?::\\d+)?(?:[/?#]\\S*)?$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[\\d\\s().\\-]{7,}$");
  private static final Pattern LICENSE = Pattern.compile("(?i)^[a-z]{1,5}[-.\\s]?\\d+\\s*/.*\\d.*$");

  private final String label;
  private final Connection connection;
  private final int backendPid;
  private final PreparedStatement byName;
  private final PreparedStatement byWebsite;
  private final PreparedStatement byPhone;
  private final PreparedStatement byEmail;
  private final PreparedStatement byLicense;

  private TrgmPeer(String label, Connection connection, String table) throws SQLException {
    this.label = label;
    this.connection = connection;
    try (Statement s = connection.createStatement()) {
      s.execute("SET pg_trgm.similarity_threshold = " + SIMILARITY_THRESHOLD);
      try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        backendPid = rs.getInt(1);
      }
    }
    byName = connection.prepareStatement(
        "SELECT c.institution_id, i.status, max(c.sim) AS sim FROM ("
            + " SELECT institution_id, similarity(norm, ?) AS sim FROM " + table + "_name WHERE norm % ?"
            + " UNION ALL"
            + " SELECT institution_id, 1.0::real FROM " + table + "_name WHERE compact = ?"
            + ") c JOIN " + table + " i ON i.id = c.institution_id"
            + " GROUP BY c.institution_id, i.status"
            + " ORDER BY sim DESC, c.institution_id LIMIT 10");
    byWebsite = exact(table, "websites @> ARRAY[?]::text[]");
    byPhone = exact(table, "phones @> ARRAY[?]::text[]");
    byEmail = exact(table, "emails @> ARRAY[?]::text[]");
    byLicense = exact(table, "license_no = ?");
  }

  private PreparedStatement exact(String table, String where) throws SQLException {
    return connection.prepareStatement(
        "SELECT id, status, 1.0::real FROM " + table + " WHERE " + where + " ORDER BY id LIMIT 10");
  }

  /** Creates and fills {@code table} and {@code table_name}, with their indexes. */
  static void load(Connection c, String table, List<Institution> rows) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      s.execute("DROP TABLE IF EXISTS " + table + "_name, " + table);
      s.execute("CREATE TABLE " + table + " (id text PRIMARY KEY, name text NOT NULL, status text NOT NULL,"
          + " sector text NOT NULL, websites text[] NOT NULL, phones text[] NOT NULL, emails text[] NOT NULL,"
          + " license_no text)");
      s.execute("CREATE TABLE " + table + "_name (institution_id text NOT NULL, kind text NOT NULL,"
          + " norm text NOT NULL, compact text NOT NULL)");
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement inst = c.prepareStatement("INSERT INTO " + table + " VALUES (?,?,?,?,?,?,?,?)");
         PreparedStatement name = c.prepareStatement("INSERT INTO " + table + "_name VALUES (?,?,?,?)")) {
      int pending = 0;
      for (Institution i : rows) {
        inst.setString(1, i.id());
        inst.setString(2, i.name());
        inst.setString(3, i.status().wire());
        inst.setString(4, i.sector());
        inst.setArray(5, c.createArrayOf("text", websites(i).toArray()));
        inst.setArray(6, c.createArrayOf("text", phones(i).toArray()));
        inst.setArray(7, c.createArrayOf("text", emails(i).toArray()));
        inst.setString(8, license(i.licenseNo()).orElse(null));
        inst.addBatch();
        for (String[] n : names(i)) {
          name.setString(1, i.id());
          name.setString(2, n[0]);
          name.setString(3, n[1]);
          name.setString(4, n[1].replace(" ", ""));
          name.addBatch();
        }
        if (++pending == 2_000) {
          inst.executeBatch();
          name.executeBatch();
          pending = 0;
        }
      }
      inst.executeBatch();
      name.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX ON " + table + "_name USING gin (norm gin_trgm_ops)");
      s.execute("CREATE INDEX ON " + table + "_name (compact)");
      s.execute("CREATE INDEX ON " + table + " USING gin (websites)");
      s.execute("CREATE INDEX ON " + table + " USING gin (phones)");
      s.execute("CREATE INDEX ON " + table + " USING gin (emails)");
      s.execute("CREATE INDEX ON " + table + " (license_no)");
      s.execute("ANALYZE " + table);
      s.execute("ANALYZE " + table + "_name");
    }
  }

  static TrgmPeer open(String label, Connection connection, String table) throws SQLException {
    return new TrgmPeer(label, connection, table);
  }

  @Override
  public String name() {
    return label;
  }

  int backendPid() {
    return backendPid;
  }

  @Override
  public Answer lookup(String query) {
    try {
      return answer(candidates(query == null ? "" : query.strip()));
    } catch (SQLException e) {
      throw new IllegalStateException("pg_trgm lookup failed for '" + query + "'", e);
    }
  }

  private List<Hit> candidates(String q) throws SQLException {
    Matcher email = EMAIL.matcher(q);
    if (email.find()) {
      return run(byEmail, email.group().toLowerCase(Locale.ROOT));
    }
    Matcher url = URL.matcher(q);
    if (url.matches() && q.contains(".") && !q.contains(" ")) {
      String host = host(url.group(1));
      List<Hit> hits = run(byWebsite, host);
      if (!hits.isEmpty()) {
        return hits;
      }
      List<Hit> leads = new ArrayList<>();
      for (Hit h : byName(domainLabel(host))) {
        leads.add(new Hit(h.id, h.status, Math.min(h.score, WEBSITE_LABEL_CAP)));
      }
      return leads;
    }
    if (PHONE.matcher(q).matches()) {
      Optional<String> phone = phone(q);
      if (phone.isPresent()) {
        return run(byPhone, phone.get());
      }
    }
    if (LICENSE.matcher(q).matches()) {
      Optional<String> license = license(q);
      if (license.isPresent()) {
        List<Hit> hits = run(byLicense, license.get());
        if (!hits.isEmpty()) {
          return hits;
        }
      }
    }
    return byName(q);
  }

  private List<Hit> byName(String text) throws SQLException {
    String name = normalizeName(text);
    return name.isEmpty() ? List.of() : run(byName, name, name, name.replace(" ", ""));
  }

  private static List<Hit> run(PreparedStatement statement, String... values) throws SQLException {
    for (int p = 0; p < values.length; p++) {
      statement.setString(p + 1, values[p]);
    }
    List<Hit> hits = new ArrayList<>(10);
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        hits.add(new Hit(rs.getString(1), rs.getString(2), rs.getFloat(3)));
      }
    }
    return hits;
  }

  private static Answer answer(List<Hit> hits) {
    List<String> ids = new ArrayList<>(hits.size());
    List<String> statuses = new ArrayList<>(hits.size());
    List<Double> scores = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      ids.add(h.id);
      statuses.add(h.status);
      scores.add(h.score);
    }
    String verdict;
    double top = hits.isEmpty() ? 0 : hits.get(0).score;
    if (top >= CONFIDENT) {
      boolean anySupervised = false;
      boolean anyBad = false;
      for (Hit h : hits) {
        if (h.score >= CONFIDENT) {
          boolean supervised = "licensed".equals(h.status) || "registered".equals(h.status);
          anySupervised |= supervised;
          anyBad |= !supervised;
        }
      }
      verdict = anySupervised && anyBad ? "ambiguous" : anySupervised ? "legal" : "warning";
    } else if (top >= CANDIDATE) {
      verdict = "ambiguous";
    } else {
      verdict = "not_found";
    }
    return new Answer(verdict, ids, statuses, scores);
  }

  private record Hit(String id, String status, double score) {
  }

  // --- the peer's own normalization (what the team would write; deliberately not Kontak's) ---

  static String normalizeName(String text) {
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    List<String> all = new ArrayList<>();
    for (String t : NON_ALNUM.split(folded)) {
      if (!t.isEmpty()) {
        all.add(t);
      }
    }
    List<String> kept = all.stream().filter(t -> !LEGAL_FORMS.contains(t)).toList();
    return String.join(" ", kept.isEmpty() ? all : kept);
  }

  /** Legal name, the name part of "Name - tagline" titles, brands and aliases: kind and normalized text. */
  private static List<String[]> names(Institution i) {
    Set<String> seen = new LinkedHashSet<>();
    List<String[]> out = new ArrayList<>();
    addName(out, seen, "name", i.name());
    if (i.name().contains(" - ")) {
      addName(out, seen, "name", i.name().substring(0, i.name().indexOf(" - ")));
    }
    i.brands().forEach(b -> addName(out, seen, "brand", b));
    i.aliases().forEach(a -> addName(out, seen, "alias", a));
    return out;
  }

  private static void addName(List<String[]> out, Set<String> seen, String kind, String raw) {
    String norm = normalizeName(raw);
    if (!norm.isEmpty() && seen.add(norm)) {
      out.add(new String[] {kind, norm});
    }
  }

  private static List<String> websites(Institution i) {
    Set<String> out = new LinkedHashSet<>();
    for (String cell : i.websites()) {
      for (String piece : cell.split("[\\s,;|]+")) {
        Matcher m = URL.matcher(piece);
        if (m.matches()) {
          out.add(host(m.group(1)));
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> phones(Institution i) {
    Set<String> out = new LinkedHashSet<>();
    for (String cell : i.phones()) {
      for (String piece : cell.split("[,;/]|\\s{2,}")) {
        phone(piece).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> emails(Institution i) {
    Set<String> out = new LinkedHashSet<>();
    for (String cell : i.emails()) {
      Matcher m = EMAIL.matcher(cell);
      while (m.find()) {
        out.add(m.group().toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }

  private static String host(String host) {
    return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\d?\\.", "");
  }

  private static String domainLabel(String host) {
    String best = host.split("\\.")[0];
    for (String l : host.split("\\.")) {
      if (l.length() > best.length() && !Set.of("com", "co", "id", "net", "org").contains(l)) {
        best = l;
      }
    }
    return best;
  }

  /** Indonesian numbers as 62 + national number: "0812-…", "+62 812 …" and "62812…" agree. */
  static Optional<String> phone(String raw) {
    String digits = raw.replaceAll("\\D", "");
    if (digits.length() < 7) {
      return Optional.empty();
    }
    if (digits.startsWith("0")) {
      digits = "62" + digits.substring(1);
    } else if (!digits.startsWith("62")) {
      digits = "62" + digits;
    }
    return Optional.of(digits);
  }

  static Optional<String> license(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String key = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return key.length() >= 6 ? Optional.of(key) : Optional.empty();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
