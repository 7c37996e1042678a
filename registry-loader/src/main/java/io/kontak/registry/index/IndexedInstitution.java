package io.kontak.registry.index;

import io.kontak.registry.Institution;
import java.util.List;

/** An institution with the name variants it was indexed under, kept beside the Lucene index. */
record IndexedInstitution(Institution institution, List<NameVariant> variants) {
}
