package io.kontak.whatsapp.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real files for media tests: a browser must be able to decode them. */
public final class TestMedia {
  private TestMedia() {
  }

  /** A PNG of {@code width} x {@code height} pixels: a colour field with a stripe. */
  public static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x2b6cb0));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(0xf6ad55));
    g.fillRect(0, height / 3, width, height / 3);
    g.dispose();
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
