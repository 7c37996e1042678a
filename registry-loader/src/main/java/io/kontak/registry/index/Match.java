package io.kontak.registry.index;

import io.kontak.registry.Institution;

/**
 * One candidate of a lookup: the institution, how sure we are it is the one asked about
 * (0..1, 1 = exact identity), and what matched ("name", "brand", "alias", "website", "phone",
 * "email", "license_no").
 */
public record Match(Institution institution, double score, String matchedOn) {
}
