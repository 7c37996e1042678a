package io.kontak.desk.chat;

/**
 * What a caller may do with a conversation: see it (read the transcript), or also write in it as
 * its holder. {@code former}: the caller held it once (their writes get 409 reassigned, not 404).
 */
public record Access(long conversation, String citizen, String status, String language, Long holder,
                     boolean parked, boolean holds, boolean former) {
}
