package io.kontak.bench;

/** A registry lookup under test: Kontak's Lucene searcher or the pg_trgm peer. */
interface Engine {
  String name();

  Answer lookup(String query);
}
