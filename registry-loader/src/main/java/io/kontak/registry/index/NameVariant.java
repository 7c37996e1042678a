package io.kontak.registry.index;

import io.kontak.registry.identity.NormalizedName;

/** One way an institution is named (its legal name, a segment of it, a brand, an alias). */
record NameVariant(NormalizedName name, String source) {
}
