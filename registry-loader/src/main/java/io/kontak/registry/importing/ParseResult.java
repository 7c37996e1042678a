package io.kontak.registry.importing;

import io.kontak.registry.Institution;
import java.util.List;

/** A registry file either yields every row, or is rejected with every error found. */
public sealed interface ParseResult {

  record Valid(List<Institution> institutions) implements ParseResult {
  }

  record Invalid(List<ImportError> errors) implements ParseResult {
  }
}
