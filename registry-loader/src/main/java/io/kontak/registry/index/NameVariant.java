package io.kontak.registry.index;

import io.kontak.registry.identity.NormalizedName;

/**
 * One way an institution is named (its legal name, a segment of it, a brand, an alias).
 *
 * @param whole the whole field, not one part of an app-store title or of a two-company row
 */
record NameVariant(NormalizedName name, String source, boolean whole) {
}
