package io.kontak.registry.index;

/**
 * A span of a message that spells a name of the active registry exactly (after normalization).
 *
 * @param start offset of its first character
 * @param end   offset after its last character
 */
public record NameSpot(int start, int end) {
}
