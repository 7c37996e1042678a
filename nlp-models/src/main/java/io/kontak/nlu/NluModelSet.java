package io.kontak.nlu;

import io.kontak.nlu.entity.ContextWords;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * The immutable models behind an {@link Nlu}, shareable across threads and across {@link Nlu}
 * instances with different settings.
 *
 * @param intents      document categorizer trained from corpus/train
 * @param names        name finder trained from corpus/train's name annotations
 * @param contextWords words learned around entities, for {@link io.kontak.nlu.entity.NameStrategy#CONTEXT_WORDS}
 * @param languages    OpenNLP's language detector model (opennlp-models-langdetect)
 */
public record NluModelSet(DoccatModel intents, TokenNameFinderModel names, ContextWords contextWords,
    LanguageDetectorModel languages) {
}
