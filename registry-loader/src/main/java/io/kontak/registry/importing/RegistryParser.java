package io.kontak.registry.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontak.registry.Institution;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a whole registry file into institutions, all-or-nothing: every error in the file is
 * collected (up to {@link #MAX_ERRORS}) and any error rejects the file.
 */
public final class RegistryParser {
  /** Enough to fix a file by; a file with more errors is the wrong file. */
  public static final int MAX_ERRORS = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> sectors;
  private final long maxBytes;

  public RegistryParser(Set<String> sectors, long maxBytes) {
    this.sectors = Set.copyOf(sectors);
    this.maxBytes = maxBytes;
  }

  public ParseResult parse(RegistryFile file) {
    List<ImportError> errors = new ArrayList<>();
    if (file.bytes().length > maxBytes) {
      return new ParseResult.Invalid(List.of(ImportError.file(
          "file is " + file.bytes().length + " bytes; the limit is " + maxBytes)));
    }
    String text = Utf8Lines.decode(file.bytes(), errors);
    if (text == null) {
      return new ParseResult.Invalid(errors);
    }
    if (text.isBlank()) {
      return new ParseResult.Invalid(List.of(ImportError.file("file is empty: no institutions")));
    }
    var validator = new RowValidator(sectors);
    List<Institution> rows = new ArrayList<>();
    switch (file.format()) {
      case JSON_LINES -> readJsonLines(text, validator, rows, errors);
      case CSV -> readCsv(text, validator, rows, errors);
    }
    if (errors.isEmpty() && rows.isEmpty()) {
      errors.add(ImportError.file("file has no institutions"));
    }
    if (!errors.isEmpty()) {
      return new ParseResult.Invalid(capped(errors));
    }
    return new ParseResult.Valid(rows);
  }

  private static void readJsonLines(String text, RowValidator validator, List<Institution> rows,
                                    List<ImportError> errors) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length && errors.size() <= MAX_ERRORS; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int number = i + 1;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        errors.add(new ImportError(number, null, "malformed JSON: " + e.getOriginalMessage()));
        continue;
      }
      if (node == null || !node.isObject()) {
        errors.add(new ImportError(number, null, "each line must be one JSON object"));
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      node.properties().forEach(e -> row.put(e.getKey(), plain(e.getValue())));
      validator.validate(number, row, errors).ifPresent(rows::add);
    }
  }

  private static Object plain(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isArray()) {
      List<Object> items = new ArrayList<>();
      value.forEach(item -> items.add(item.isTextual() ? item.textValue() : item));
      return items;
    }
    return value;  // a number, boolean or object where text is expected: reported as a type error
  }

  private static void readCsv(String text, RowValidator validator, List<Institution> rows, List<ImportError> errors) {
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(true)
        .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
        .get();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames().stream().map(String::trim).toList();
      if (!checkHeader(header, errors)) {
        return;
      }
      long lineBefore = parser.getCurrentLineNumber();
      var records = parser.iterator();
      while (errors.size() <= MAX_ERRORS) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          errors.add(new ImportError((int) parser.getCurrentLineNumber() + 1, null,
              "malformed CSV: " + rootMessage(e)));
          return;
        }
        int line = (int) lineBefore + 1;
        lineBefore = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
          errors.add(new ImportError(line, null, "row has " + record.size() + " columns; the header has "
              + header.size()));
          continue;
        }
        Map<String, Object> row = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
          String cell = record.get(c).strip();
          String column = header.get(c);
          if (RowValidator.LIST_FIELDS.contains(column)) {
            row.put(column, cell.isEmpty() ? null : Arrays.asList((Object[]) cell.split("\\|")));
          } else {
            row.put(column, cell.isEmpty() ? null : cell);
          }
        }
        validator.validate(line, row, errors).ifPresent(rows::add);
      }
    } catch (IOException e) {
      errors.add(new ImportError(0, null, "malformed CSV: " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      errors.add(new ImportError(1, null, "malformed CSV header: " + e.getMessage()));
    }
  }

  private static boolean checkHeader(List<String> header, List<ImportError> errors) {
    int before = errors.size();
    for (String required : RowValidator.REQUIRED) {
      if (!header.contains(required)) {
        errors.add(new ImportError(1, required, "missing column '" + required + "'"));
      }
    }
    Set<String> seen = new java.util.HashSet<>();
    for (String column : header) {
      if (column.isEmpty()) {
        errors.add(new ImportError(1, null, "a column has no name"));
      } else if (!RowValidator.FIELDS.contains(column)) {
        errors.add(new ImportError(1, column, "unknown column '" + column + "'"));
      } else if (!seen.add(column)) {
        errors.add(new ImportError(1, column, "column '" + column + "' appears twice"));
      }
    }
    return errors.size() == before;
  }

  private static List<ImportError> capped(List<ImportError> errors) {
    if (errors.size() <= MAX_ERRORS) {
      return errors;
    }
    List<ImportError> out = new ArrayList<>(errors.subList(0, MAX_ERRORS));
    out.add(ImportError.file("more than " + MAX_ERRORS + " errors; the rest are not listed"));
    return out;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
