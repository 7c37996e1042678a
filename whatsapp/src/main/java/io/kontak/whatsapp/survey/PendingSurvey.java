package io.kontak.whatsapp.survey;

import io.kontak.core.config.SurveyConfig.Kind;
import io.kontak.core.conversation.CitizenId;

/** A survey sent after {@code conversation} ended, not answered yet and still within the answer window. */
public record PendingSurvey(long conversation, CitizenId citizen, Kind kind, String language) {
}
