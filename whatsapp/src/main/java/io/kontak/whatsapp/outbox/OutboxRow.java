package io.kontak.whatsapp.outbox;

import io.vertx.core.json.JsonObject;

/** A claimed outbox row; {@code attempts} counts this one. */
record OutboxRow(long id, String citizen, String kind, JsonObject body, int attempts) {
}
