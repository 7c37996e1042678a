package io.kontak.whatsapp.message;

/**
 * The Cloud API's limits on a message, in characters (counted here in UTF-16 units, never fewer
 * than Meta counts) or items. Whatever builds, sends, fakes or simulates a message checks these,
 * so a message one side accepts the others accept too.
 */
public final class WhatsAppLimits {
  /** A text message's body, and a citizen's text. */
  public static final int TEXT_MAX = 4_096;
  /** The body of a button or list message. */
  public static final int INTERACTIVE_BODY_MAX = 1_024;
  public static final int HEADER_MAX = 60;
  public static final int FOOTER_MAX = 60;
  /** Reply buttons per message. */
  public static final int BUTTONS_MAX = 3;
  public static final int BUTTON_TITLE_MAX = 20;
  /** A reply button's id, which comes back in the citizen's {@code button_reply}. */
  public static final int BUTTON_ID_MAX = 256;
  /** The label of the button that opens a list. */
  public static final int LIST_BUTTON_MAX = 20;
  public static final int LIST_SECTIONS_MAX = 10;
  /** Rows of a list, all sections together. */
  public static final int LIST_ROWS_MAX = 10;
  public static final int ROW_TITLE_MAX = 24;
  public static final int ROW_DESCRIPTION_MAX = 72;
  public static final int ROW_ID_MAX = 200;
  public static final int SECTION_TITLE_MAX = 24;
  public static final int TEMPLATE_NAME_MAX = 512;
  /** The largest media file Meta carries, per kind, in bytes (stickers: the animated ones' limit). */
  public static final long IMAGE_BYTES_MAX = 5L * 1024 * 1024;
  public static final long AUDIO_BYTES_MAX = 16L * 1024 * 1024;
  public static final long VIDEO_BYTES_MAX = 16L * 1024 * 1024;
  public static final long DOCUMENT_BYTES_MAX = 100L * 1024 * 1024;
  public static final long STICKER_BYTES_MAX = 500L * 1024;

  private WhatsAppLimits() {
  }

  /** The largest file of {@code kind} Meta carries. */
  public static long mediaBytesMax(InboundMessage.MediaKind kind) {
    return switch (kind) {
      case IMAGE -> IMAGE_BYTES_MAX;
      case AUDIO -> AUDIO_BYTES_MAX;
      case VIDEO -> VIDEO_BYTES_MAX;
      case DOCUMENT -> DOCUMENT_BYTES_MAX;
      case STICKER -> STICKER_BYTES_MAX;
    };
  }
}
