package io.kontak.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the regulator's registry, exactly the import contract's fields. Validated on import,
 * so a constructed Institution always has an id, name, sector and status.
 */
public record Institution(
    String id,
    String name,
    List<String> brands,
    List<String> aliases,
    String sector,
    Status status,
    String licenseNo,
    List<String> websites,
    List<String> phones,
    List<String> emails,
    String address,
    String source,
    String notes,
    LocalDate since) {

  public Institution {
    brands = List.copyOf(brands);
    aliases = List.copyOf(aliases);
    websites = List.copyOf(websites);
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
  }
}
