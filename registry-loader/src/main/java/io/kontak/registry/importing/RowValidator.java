package io.kontak.registry.importing;

import io.kontak.registry.Institution;
import io.kontak.registry.Status;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks one row's fields against the import contract and builds the {@link Institution}.
 * Rows arrive as field maps whose values are a String, a List, null, or (from JSON) any other
 * value, which is a type error. Remembers ids across rows to report duplicates.
 */
final class RowValidator {
  static final List<String> LIST_FIELDS = List.of("brands", "aliases", "websites", "phones", "emails");
  static final List<String> TEXT_FIELDS = List.of("id", "name", "sector", "status", "license_no", "address",
      "source", "notes", "since");
  static final Set<String> FIELDS = Set.copyOf(concat(LIST_FIELDS, TEXT_FIELDS));
  static final List<String> REQUIRED = List.of("id", "name", "sector", "status");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final int MAX_TEXT = 10_000;

  private final Set<String> sectors;
  private final Map<String, Integer> firstLineOfId = new HashMap<>();

  RowValidator(Set<String> sectors) {
    this.sectors = sectors;
  }

  Optional<Institution> validate(int line, Map<String, Object> row, List<ImportError> errors) {
    int before = errors.size();
    row.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
        .forEach(k -> errors.add(new ImportError(line, k, "unknown field '" + k + "'")));

    String id = text(line, row, "id", errors);
    String name = text(line, row, "name", errors);
    String sector = text(line, row, "sector", errors);
    String statusWord = text(line, row, "status", errors);
    for (String field : REQUIRED) {
      Object value = row.get(field);
      if (value == null || value instanceof String s && s.isBlank()) {
        errors.add(new ImportError(line, field, "required field '" + field + "' is missing or empty"));
      }
    }
    if (id != null && !id.isBlank()) {
      Integer first = firstLineOfId.putIfAbsent(id, line);
      if (first != null) {
        errors.add(new ImportError(line, "id", "duplicate id '" + id + "' (first on line " + first + ")"));
      }
    }
    if (sector != null && !sector.isBlank() && !sectors.contains(sector)) {
      errors.add(new ImportError(line, "sector", "unknown sector '" + sector + "'; expected one of "
          + sectors.stream().sorted().collect(Collectors.joining(", "))));
    }
    Optional<Status> status = statusWord == null ? Optional.empty() : Status.parse(statusWord);
    if (statusWord != null && !statusWord.isBlank() && status.isEmpty()) {
      errors.add(new ImportError(line, "status", "unknown status '" + statusWord
          + "'; expected licensed, registered, suspended, revoked or illegal"));
    }
    LocalDate since = date(line, text(line, row, "since", errors), errors);
    String licenseNo = text(line, row, "license_no", errors);
    String address = text(line, row, "address", errors);
    String source = text(line, row, "source", errors);
    String notes = text(line, row, "notes", errors);
    Map<String, List<String>> lists = new HashMap<>();
    for (String field : LIST_FIELDS) {
      lists.put(field, list(line, row, field, errors));
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Institution(id.trim(), name.trim(), lists.get("brands"), lists.get("aliases"),
        sector, status.orElseThrow(), blankToNull(licenseNo), lists.get("websites"), lists.get("phones"),
        lists.get("emails"), blankToNull(address), blankToNull(source), blankToNull(notes), since));
  }

  private static String text(int line, Map<String, Object> row, String field, List<ImportError> errors) {
    Object value = row.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(new ImportError(line, field, "'" + field + "' must be a string"));
      return null;
    }
    if (s.length() > MAX_TEXT) {
      errors.add(new ImportError(line, field, "'" + field + "' is longer than " + MAX_TEXT + " characters"));
      return null;
    }
    return s;
  }

  private static List<String> list(int line, Map<String, Object> row, String field, List<ImportError> errors) {
    Object value = row.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      errors.add(new ImportError(line, field, "'" + field + "' must be a list of strings"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String s)) {
        errors.add(new ImportError(line, field, "'" + field + "' must contain only strings"));
        return List.of();
      }
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private static LocalDate date(int line, String value, List<ImportError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim(), DATE);
    } catch (DateTimeParseException e) {
      errors.add(new ImportError(line, "since", "bad date '" + value + "'; expected YYYY-MM-DD"));
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
