package io.kontak.whatsapp.webhook;

/** The body is not JSON, or not a WhatsApp Business Account envelope: answered with 400. */
public final class MalformedDelivery extends Exception {
  public MalformedDelivery(String message) {
    super(message, null, false, false);
  }
}
