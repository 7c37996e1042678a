package io.kontak.registry.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Strict UTF-8 decoding that names the lines holding invalid bytes instead of replacing them silently. */
final class Utf8Lines {
  private Utf8Lines() {
  }

  /** The text, or the errors (one per line with invalid bytes). */
  static String decode(byte[] bytes, List<ImportError> errors) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
        ? 3 : 0;  // a UTF-8 byte order mark, as spreadsheet exports write
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException whole) {
      List<ImportError> found = new ArrayList<>();
      int line = 1;
      int lineStart = start;
      for (int i = start; i <= bytes.length; i++) {
        if (i == bytes.length || bytes[i] == '\n') {
          try {
            decoder.reset().decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
          } catch (CharacterCodingException e) {
            found.add(new ImportError(line, null, "invalid UTF-8 byte sequence; save the file as UTF-8"));
          }
          line++;
          lineStart = i + 1;
        }
      }
      errors.addAll(found);
      return null;
    }
  }
}
