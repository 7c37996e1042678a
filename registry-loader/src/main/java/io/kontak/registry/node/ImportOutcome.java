package io.kontak.registry.node;

import io.kontak.registry.importing.ImportError;
import io.kontak.registry.store.VersionInfo;
import java.util.List;

/** What became of an uploaded registry file. */
public sealed interface ImportOutcome {

  /** Stored as a new version and active on this node. */
  record Activated(VersionInfo version) implements ImportOutcome {
  }

  /** Refused: the active registry is unchanged. */
  record Rejected(List<ImportError> errors) implements ImportOutcome {
  }
}
