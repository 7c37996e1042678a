package io.kontak.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontak.registry.identity.NameNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic registry that looks like the OJK lists: about 70% illegal entries (lending apps
 * named "Dana Kilat" or "Tunai Cepat - Pinjaman Online", fake investments, pawnshops, often with
 * only an e-mail, often listed several times), registered mutual funds ("REKSA DANA ..."),
 * licensed lenders and managers ("PT Foo Teknologi Indonesia" with brand, website, phone, e-mail,
 * licence letter), banks, insurers, cooperatives.
 *
 * <p>The real rows are merged in verbatim. Synthetic rows never reuse a name, brand, alias or
 * identity (website, phone, e-mail) of a real row or a query of the query set, so every query
 * keeps its ground truth in the large registry; they do share the same words, so the index gets
 * crowded the way a larger real registry would.
 */
final class SyntheticRegistry {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Everyday Indonesian words of lender, investment and pawnshop names. */
  private static final String[] WORDS = {
      "dana", "kilat", "cepat", "rupiah", "tunai", "pinjam", "pinjaman", "kredit", "uang", "modal", "kas",
      "dompet", "saku", "mudah", "aman", "kita", "rakyat", "nusantara", "jaya", "makmur", "sejahtera",
      "sentosa", "abadi", "mandiri", "sukses", "berkah", "amanah", "mulia", "gemilang", "cahaya", "harapan",
      "bintang", "mitra", "karya", "prima", "utama", "perkasa", "bumi", "sinar", "mas", "emas", "permata",
      "intan", "berlian", "mega", "global", "digital", "teknologi", "finansial", "investama", "kapital",
      "sekuritas", "indah", "lestari", "pratama", "jaminan", "sahabat", "keluarga", "bersama", "maju",
      "terang", "surya", "matahari", "bulan", "pelangi", "garuda", "rajawali", "elang", "merpati", "cendana",
      "kenanga", "melati", "mawar", "anggrek", "duta", "putra", "putri", "wijaya", "kusuma", "agung",
      "raya", "baru", "timur", "barat", "selatan", "utara", "tengah", "pusaka", "sakti", "gadai", "tabungan",
      "cicilan", "pintar", "hebat", "kaya", "untung", "laba", "hasil", "panen", "tani", "nelayan", "pasar",
      "warung", "toko", "usaha", "niaga", "dagang", "sumber", "rezeki", "rejeki", "pundi", "celengan",
      "lumbung", "koin", "uangku", "danaku", "kasku", "duit", "fulus", "saldo", "limit", "cair", "instan",
      "express", "flash", "quick", "smart", "easy", "cash", "loan", "money", "credit", "fund", "pay",
      "wallet", "trust", "prime", "royal", "golden", "star", "asia", "indo", "java", "borneo", "sumatra",
      "celebes", "papua", "bali", "lombok", "batavia", "bandung", "surabaya", "medan", "makassar"};

  private static final String[] SYLLABLES = {
      "ka", "ki", "ku", "ko", "ma", "mi", "mo", "na", "ni", "no", "ra", "ri", "ro", "ru", "sa", "si", "so",
      "ta", "ti", "to", "tu", "la", "li", "lo", "pa", "pi", "po", "ba", "bi", "bo", "da", "di", "do", "ga",
      "go", "ja", "ji", "ya", "wa", "ve", "ze", "xo", "an", "in", "un", "kar", "tan", "ran", "dan", "mar",
      "lin", "von", "zen", "rex", "nex"};
  private static final String[] BRAND_SUFFIXES = {"", "", "", "ku", "in", "go", "pay", "fund", "cash", "kita",
      "id", "plus", "pro", "max", "link"};
  private static final String[] TAGLINES = {
      "Pinjaman Online Cepat", "Pinjaman Uang Tunai", "Kredit Tanpa Jaminan", "Pinjaman Dana Cepat Cair",
      "Platform Pinjaman Cepat", "Pinjam Uang Online", "Dana Tunai Kilat", "Kredit Online Mudah",
      "Cash Loan Online", "Pinjaman Tanpa Agunan", "Limit Tinggi Bunga Rendah", "Cair Dalam 5 Menit"};
  private static final String[] TLDS = {".com", ".co.id", ".id", ".net", ".xyz", ".app", ".online", ".site",
      ".info", ".org"};
  private static final String[] FREE_MAIL = {"gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.co.id",
      "outlook.com", "hotmail.com", "qq.com", "163.com", "aol.com"};
  private static final String[] FORMS = {"PT", "PT", "PT", "PT.", "CV", "Koperasi"};
  private static final String[] LENDER_TAILS = {"Teknologi Indonesia", "Fintek", "Digital Indonesia",
      "Mikro Fintek", "Finansial Teknologi", "Fintech Indonesia", "Inovasi Finansial", "Digital Nusantara"};
  private static final String[] MANAGER_TAILS = {"Asset Management", "Aset Manajemen", "Investama",
      "Investment Management", "Capital Indonesia", "Manajemen Investasi"};
  private static final String[] FUND_TYPES = {"PASAR UANG", "PENDAPATAN TETAP", "SAHAM", "CAMPURAN",
      "TERPROTEKSI", "SYARIAH SAHAM", "INDEKS", "OBLIGASI", "DANA KAS", "EKUITAS"};
  private static final String[] FUND_WORDS = {"SEJAHTERA", "OPTIMA", "PRIMA", "MAXIMA", "PLUS", "UNGGULAN",
      "DINAMIS", "BERIMBANG", "PROGRESIF", "STABIL", "KONSERVATIF", "AGRESIF", "BERKEMBANG", "LIKUID",
      "PREMIUM", "GLOBAL", "NUSANTARA", "SERI"};
  private static final String[] INVEST_SUFFIXES = {"Fx", "Trade", "Capital", "Coin", "Investment", "Global",
      "Crypto", "Futures", "Robot Trading", "Mining", "Asset", "Group"};
  private static final String[] CITIES = {"Jakarta Barat", "Jakarta Selatan", "Jakarta Timur", "Jakarta Utara",
      "Bandung", "Surabaya", "Medan", "Semarang", "Makassar", "Palembang", "Depok", "Bekasi", "Tangerang",
      "Bogor", "Denpasar", "Yogyakarta"};
  private static final String[] AREA_CODES = {"21", "22", "24", "31", "61", "274", "411", "361"};
  private static final String[] MOBILE_PREFIXES = {"811", "812", "813", "821", "822", "852", "853", "857",
      "858", "877", "878", "895", "896", "881"};

  private final SplittableRandom random;
  /** Keys of every name so far (real and synthetic): no synthetic name repeats one by accident. */
  private final Set<String> takenKeys = new HashSet<>();
  /** Words and joined spellings of the query set's names: a synthetic name never contains them. */
  private final Set<String> protectedTokens = new HashSet<>();
  private final List<Set<String>> protectedTokenSets = new ArrayList<>();
  private final Set<String> takenIdentities = new HashSet<>();
  private final List<String> managers = new ArrayList<>();
  private final List<String> illegalNames = new ArrayList<>();
  private int sequence;

  private SyntheticRegistry(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * The real rows followed by synthetic rows up to {@code total}, as JSON Lines.
   *
   * @param realNames    names, brands and aliases of the real rows: never repeated exactly
   * @param queryNames   the query set's name queries: no synthetic name contains one
   * @param protectedIds websites, phones and e-mails of real rows and of the query set
   */
  static Generated generate(long seed, int total, List<String> realLines, Collection<String> realNames,
                            Collection<String> queryNames, Collection<String> protectedIds) {
    var g = new SyntheticRegistry(seed);
    realNames.forEach(n -> g.takenKeys.addAll(keys(n)));
    queryNames.forEach(g::protect);
    protectedIds.forEach(id -> g.takenIdentities.add(identityKey(id)));
    List<String> lines = new ArrayList<>(total);
    lines.addAll(realLines);
    List<String> sampleNames = new ArrayList<>();
    List<String> sampleIdentities = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      g.managers.add(g.freshName(() -> title(g.brand()) + " " + g.pick(MANAGER_TAILS)));
    }
    while (lines.size() < total) {
      Map<String, Object> row = g.row();
      lines.add(encode(row));
      if (g.random.nextInt(100) < 2) {
        sampleNames.add((String) row.get("name"));
        for (String field : List.of("websites", "emails")) {
          @SuppressWarnings("unchecked")
          List<String> values = (List<String>) row.get(field);
          if (!values.isEmpty() && g.random.nextInt(4) == 0) {
            sampleIdentities.add(values.get(0));
          }
        }
      }
    }
    String text = String.join("\n", lines) + "\n";
    return new Generated(text.getBytes(StandardCharsets.UTF_8), lines.size(), sampleNames, sampleIdentities);
  }

  /** The registry file and a sample of its synthetic names and identities (for query workloads). */
  record Generated(byte[] jsonl, int rows, List<String> sampleNames, List<String> sampleIdentities) {
  }

  private Map<String, Object> row() {
    int roll = random.nextInt(1000);
    if (roll < 500) {
      return illegalLender();
    } else if (roll < 650) {
      return illegalInvestment();
    } else if (roll < 700) {
      return illegalPawnshop();
    } else if (roll < 720) {
      return sanctioned();
    } else if (roll < 920) {
      return mutualFund();
    } else if (roll < 950) {
      return lender();
    } else if (roll < 965) {
      return manager();
    } else if (roll < 980) {
      return investmentApp();
    }
    return otherInstitution();
  }

  private Map<String, Object> illegalLender() {
    String name;
    if (!illegalNames.isEmpty() && random.nextInt(100) < 12) {
      name = illegalNames.get(random.nextInt(illegalNames.size()));  // the SWI list repeats names
    } else {
      name = freshName(() -> switch (random.nextInt(6)) {
        case 0, 1 -> title(pick(WORDS)) + " " + title(pick(WORDS));
        case 2 -> title(brand());
        case 3 -> title(pick(WORDS)) + " " + title(pick(WORDS)) + " - " + pick(TAGLINES);
        case 4 -> title(brand()) + " - " + pick(TAGLINES);
        default -> title(pick(WORDS)) + " " + title(brand());
      });
      illegalNames.add(name);
    }
    String slug = slug(name);
    var row = base("SYN-SWI-", name, "p2p_lending", "illegal");
    if (random.nextInt(100) < 85) {
      row.put("emails", List.of(freeMail(slug)));
    }
    if (random.nextInt(100) < 20) {
      row.put("websites", List.of(website(slug)));
    }
    if (random.nextInt(100) < 5) {
      row.put("phones", List.of(mobile()));
    }
    row.put("since", date(2018, 2023));
    row.put("source", "synthetic (bench generator): illegal lending");
    row.put("notes", "SP " + (random.nextInt(12) + 1) + "/SWI/" + roman() + "/20" + (18 + random.nextInt(6))
        + " | Peer To Peer Lending");
    return row;
  }

  private Map<String, Object> illegalInvestment() {
    String name = freshName(() -> switch (random.nextInt(5)) {
      case 0 -> pick(FORMS) + " " + title(pick(WORDS)) + " " + title(pick(WORDS)) + " " + title(pick(WORDS));
      case 1 -> title(brand()) + " " + pick(INVEST_SUFFIXES);
      case 2 -> "Koperasi " + title(pick(WORDS)) + " " + title(pick(WORDS));
      case 3 -> title(pick(WORDS)) + " " + title(brand()) + " " + pick(INVEST_SUFFIXES);
      default -> "Arisan " + title(pick(WORDS)) + " " + title(brand());
    });
    String slug = slug(name);
    var row = base("SYN-SWI-", name, "investment", "illegal");
    if (random.nextInt(100) < 60) {
      row.put("websites", List.of(website(slug)));
    }
    if (random.nextInt(100) < 20) {
      row.put("aliases", List.of(freshName(() -> title(brand()) + " " + pick(INVEST_SUFFIXES))));
    }
    if (random.nextInt(100) < 15) {
      row.put("emails", List.of(freeMail(slug)));
    }
    row.put("since", date(2017, 2023));
    row.put("source", "synthetic (bench generator): illegal investment");
    row.put("notes", "SP " + (random.nextInt(12) + 1) + "/SWI/" + roman() + "/2021 | Investasi ilegal");
    return row;
  }

  private Map<String, Object> illegalPawnshop() {
    String name = freshName(() -> switch (random.nextInt(3)) {
      case 0 -> "Gadai " + title(pick(WORDS)) + " " + title(pick(WORDS));
      case 1 -> title(pick(WORDS)) + " " + title(pick(WORDS)) + " Gadai";
      default -> "Koperasi Gadai " + title(pick(WORDS));
    });
    var row = base("SYN-SWI-", name, "pawnshop", "illegal");
    if (random.nextInt(100) < 80) {
      row.put("phones", List.of(random.nextBoolean() ? mobile() : landline()));
    }
    row.put("address", "Jl " + title(pick(WORDS)) + " " + title(pick(WORDS)) + " No" + (1 + random.nextInt(120))
        + ", " + pick(CITIES));
    row.put("since", date(2019, 2022));
    row.put("source", "synthetic (bench generator): illegal pawnshop");
    row.put("notes", "Gadai Ilegal");
    return row;
  }

  private Map<String, Object> sanctioned() {
    String brand = freshName(() -> title(brand()));
    String name = freshName(() -> "PT " + brand + " " + pick(LENDER_TAILS));
    var row = base("SYN-SAN-", name, "p2p_lending", random.nextBoolean() ? "revoked" : "suspended");
    row.put("brands", List.of(brand));
    row.put("websites", List.of(website(slug(brand))));
    row.put("license_no", license());
    row.put("since", date(2017, 2020));
    row.put("source", "synthetic (bench generator): licence revoked or suspended");
    return row;
  }

  private Map<String, Object> mutualFund() {
    String manager = managers.get(random.nextInt(managers.size()));
    String managerWord = manager.split(" ")[0].toUpperCase(Locale.ROOT);
    String name = freshName(() -> "REKSA DANA " + managerWord + " " + pick(FUND_TYPES) + " " + pick(FUND_WORDS)
        + (random.nextInt(3) == 0 ? " " + (1 + random.nextInt(30)) : ""));
    var row = base("SYN-RD-", name, "mutual_fund", "registered");
    row.put("source", "synthetic (bench generator): registered mutual fund");
    row.put("notes", "manager: " + manager + ", PT; custodian: BANK " + pick(WORDS).toUpperCase(Locale.ROOT)
        + " - CUSTODY");
    return row;
  }

  private Map<String, Object> lender() {
    String brand = freshName(() -> title(brand()));
    String name = freshName(() -> "PT " + brand + " " + pick(LENDER_TAILS));
    var row = base("SYN-P2P-", name, "p2p_lending", random.nextInt(10) == 0 ? "licensed" : "registered");
    String slug = slug(brand);
    row.put("brands", List.of(brand));
    row.put("aliases", List.of(name.substring(3) + ", PT"));
    row.put("websites", List.of("https://www." + domain(slug, ".co.id")));
    row.put("phones", List.of(landline()));
    row.put("emails", List.of(mail("cs@" + domain(slug, ".co.id"))));
    row.put("license_no", license());
    row.put("address", "Gedung " + title(pick(WORDS)) + " Lt. " + (1 + random.nextInt(30)) + ", " + pick(CITIES));
    row.put("since", date(2017, 2021));
    row.put("source", "synthetic (bench generator): registered lender");
    return row;
  }

  private Map<String, Object> manager() {
    String manager = freshName(() -> title(brand()) + " " + pick(MANAGER_TAILS));
    managers.add(manager);
    var row = base("SYN-MI-", "PT " + manager, "investment_manager", "licensed");
    row.put("aliases", List.of(manager + ", PT"));
    row.put("source", "synthetic (bench generator): investment manager");
    return row;
  }

  private Map<String, Object> investmentApp() {
    String brand = freshName(() -> title(brand()));
    String name = freshName(() -> "PT " + title(brand()) + " " + pick(LENDER_TAILS));
    var row = base("SYN-APP-", name, "investment_app", "registered");
    row.put("brands", List.of(brand));
    row.put("websites", List.of("https://" + domain(slug(brand), pick(TLDS))));
    row.put("source", "synthetic (bench generator): investment app");
    return row;
  }

  private Map<String, Object> otherInstitution() {
    return switch (random.nextInt(6)) {
      case 0 -> simple(() -> "PT Bank " + title(pick(WORDS)) + " " + title(pick(WORDS)) + " Tbk", "bank", "licensed");
      case 1 -> simple(() -> "PT Asuransi " + title(pick(WORDS)) + " " + title(brand()), "insurance", "licensed");
      case 2 -> simple(() -> "PT " + title(brand()) + " Sekuritas", "securities", "licensed");
      case 3 -> simple(() -> "PT " + title(brand()) + " Pembayaran Indonesia", "payment", "licensed");
      case 4 -> simple(() -> "Koperasi Simpan Pinjam " + title(pick(WORDS)) + " " + title(pick(WORDS)),
          "cooperative", "registered");
      default -> simple(() -> "PT Lembaga Keuangan Mikro " + title(pick(WORDS)) + " " + title(pick(WORDS)),
          "microfinance", "licensed");
    };
  }

  private Map<String, Object> simple(java.util.function.Supplier<String> candidates, String sector, String status) {
    String name = freshName(candidates);
    var row = base("SYN-" + sector.substring(0, 3).toUpperCase(Locale.ROOT) + "-", name, sector, status);
    row.put("websites", List.of("https://www." + domain(slug(name.replaceFirst("^PT ", "")), ".co.id")));
    row.put("phones", List.of(landline()));
    row.put("license_no", "KEP-" + (10 + random.nextInt(900)) + "/D.0" + (1 + random.nextInt(5)) + "/20"
        + (10 + random.nextInt(14)));
    row.put("source", "synthetic (bench generator): " + sector);
    return row;
  }

  private Map<String, Object> base(String prefix, String name, String sector, String status) {
    var row = new LinkedHashMap<String, Object>();
    row.put("id", prefix + (++sequence));
    row.put("name", name);
    row.put("brands", List.of());
    row.put("aliases", List.of());
    row.put("sector", sector);
    row.put("status", status);
    row.put("license_no", null);
    row.put("websites", List.of());
    row.put("phones", List.of());
    row.put("emails", List.of());
    row.put("address", null);
    row.put("since", null);
    row.put("source", null);
    row.put("notes", null);
    return row;
  }

  // --- names -------------------------------------------------------------------------------

  /** A name no other row has and no query names; retried until one is found. */
  private String freshName(java.util.function.Supplier<String> candidates) {
    for (int attempt = 0; ; attempt++) {
      String name = candidates.get();
      if (attempt > 50) {
        name = name + " " + (attempt + random.nextInt(1000));
      }
      if (attempt > 10_000) {
        throw new IllegalStateException("no free name like '" + name + "'");
      }
      List<String> keys = keys(name);
      if (allowed(name) && keys.stream().noneMatch(takenKeys::contains)) {
        takenKeys.addAll(keys);
        return name;
      }
    }
  }

  /** The normalized keys of a name and of the name part of an app title ("Foo" of "Foo - Pinjaman Online"). */
  private static List<String> keys(String name) {
    List<String> out = new ArrayList<>(List.of(key(name), key(name.split(" - ")[0])));
    out.removeIf(String::isEmpty);
    return out;
  }

  private boolean allowed(String name) {
    for (String part : name.split(" - ")) {
      var normalized = NameNormalizer.normalize(part);
      if (normalized.isEmpty()) {
        continue;
      }
      if (protectedTokens.contains(normalized.key())) {
        return false;
      }
      Set<String> tokens = new HashSet<>(normalized.tokensWithJoins());
      for (String t : tokens) {
        if (protectedTokens.contains(t)) {
          return false;
        }
      }
      for (Set<String> set : protectedTokenSets) {
        if (tokens.containsAll(set)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Single-word protected names (brands like "Koinworks") protect that word; longer ones protect
   * their word combination and joined spelling ("Dana Cepat", "danacepat").
   */
  private void protect(String name) {
    for (String part : name.split(" - ")) {
      var normalized = NameNormalizer.normalize(part);
      if (normalized.isEmpty()) {
        continue;
      }
      protectedTokens.add(normalized.key());
      if (normalized.tokens().size() == 1) {
        protectedTokens.add(normalized.tokens().get(0));
      } else {
        protectedTokenSets.add(Set.copyOf(normalized.tokens()));
      }
    }
  }

  private static String key(String name) {
    return NameNormalizer.normalize(name).key();
  }

  private String brand() {
    int syllables = 2 + random.nextInt(2);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      b.append(pick(SYLLABLES));
    }
    b.append(pick(BRAND_SUFFIXES));
    return b.toString();
  }

  // --- identities --------------------------------------------------------------------------

  private String website(String slug) {
    String url = domain(slug, pick(TLDS));
    return switch (random.nextInt(4)) {
      case 0 -> "https://" + url;
      case 1 -> "http://www." + url;
      case 2 -> url;
      default -> "https://www." + url + "/";
    };
  }

  /** A domain for {@code slug} that no real row, query or earlier synthetic row has. */
  private String domain(String slug, String tld) {
    String base = slug.isEmpty() ? "situs" : slug;
    String candidate = base + tld;
    while (!takenIdentities.add(identityKey(candidate))) {
      candidate = base + (random.nextInt(900) + 10) + tld;
    }
    return candidate;
  }

  private String freeMail(String slug) {
    String local = (slug.isEmpty() ? "cs" : slug.substring(0, Math.min(slug.length(), 12)))
        + (random.nextInt(3) == 0 ? "" : Integer.toString(random.nextInt(1000)));
    return mail(local + "@" + pick(FREE_MAIL));
  }

  private String mail(String candidate) {
    String address = candidate;
    while (!takenIdentities.add(identityKey(address))) {
      address = address.replace("@", random.nextInt(10) + "@");
    }
    return address;
  }

  private String mobile() {
    while (true) {
      String digits = pick(MOBILE_PREFIXES) + (1000_0000 + random.nextInt(9000_0000));
      String formatted = switch (random.nextInt(3)) {
        case 0 -> "0" + digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
        case 1 -> "+62 " + digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
        default -> "0" + digits;
      };
      if (takenIdentities.add(identityKey(formatted))) {
        return formatted;
      }
    }
  }

  private String landline() {
    while (true) {
      String area = pick(AREA_CODES);
      String number = Integer.toString(2000_0000 + random.nextInt(7000_0000)).substring(0, area.length() > 2 ? 7 : 8);
      String formatted = random.nextBoolean()
          ? "(0" + area + ") " + number.substring(0, 4) + " " + number.substring(4)
          : "0" + area + "-" + number.substring(0, 4) + "-" + number.substring(4);
      if (takenIdentities.add(identityKey(formatted))) {
        return formatted;
      }
    }
  }

  /** Websites by host, phones by national digits, e-mails lower-cased: enough to avoid clashes. */
  static String identityKey(String raw) {
    String s = raw.trim().toLowerCase(Locale.ROOT);
    if (s.contains("@")) {
      return "e:" + s;
    }
    if (s.matches("[+\\d\\s().\\-]+") && s.replaceAll("\\D", "").length() >= 7) {
      String digits = s.replaceAll("\\D", "");
      if (digits.startsWith("62")) {
        digits = digits.substring(2);
      } else if (digits.startsWith("0")) {
        digits = digits.substring(1);
      }
      return "p:" + digits;
    }
    String host = s.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\d?\\.", "");
    int cut = host.indexOf('/');
    return "w:" + (cut < 0 ? host : host.substring(0, cut));
  }

  private String license() {
    return "S-" + (100 + random.nextInt(9000)) + "/NB." + (random.nextBoolean() ? "111" : "213") + "/20"
        + (17 + random.nextInt(5));
  }

  // --- helpers -----------------------------------------------------------------------------

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private String date(int fromYear, int toYear) {
    return String.format(Locale.ROOT, "%d-%02d-%02d", fromYear + random.nextInt(toYear - fromYear + 1),
        1 + random.nextInt(12), 1 + random.nextInt(28));
  }

  private String roman() {
    return new String[] {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}[random.nextInt(12)];
  }

  private static String title(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String slug(String name) {
    String first = name.split(" - ")[0];
    return NameNormalizer.normalize(first).key();
  }

  private static String encode(Map<String, Object> row) {
    try {
      return JSON.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
