package io.kontak.nlu;

/**
 * Natural-language understanding of one citizen message: its language, its intent and the
 * entities it asks about.
 *
 * <p>Threading: implementations returned by {@link NluModels#load(NluSettings)} are safe to call
 * from many threads at once. They share the immutable OpenNLP models and keep one categorizer,
 * language detector and name finder per calling thread. {@code understand} is CPU-bound (well under
 * a millisecond for a chat message) and never blocks on I/O: call it from worker threads, not from
 * a Vert.x event loop in bulk, and not from virtual threads (it would hog their carriers).
 */
public interface Nlu {

  /**
   * Understands {@code text}.
   *
   * @param text    the message as the citizen wrote it (may be empty)
   * @param context what is known about the conversation, e.g. the language of the previous message
   */
  Understanding understand(String text, NluContext context);
}
