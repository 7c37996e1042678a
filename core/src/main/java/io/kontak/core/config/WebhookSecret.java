package io.kontak.core.config;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The demo run's WhatsApp settings: when {@code WHATSAPP_APP_SECRET} is unset, the webhook's
 * signing secret is generated once and kept in {@code <data dir>/webhook-secret}, so tools that
 * play citizens through the webhook ({@code kontak demo traffic}) sign what the node accepts.
 */
public final class WebhookSecret {
  private WebhookSecret() {
  }

  public static KontakConfig resolve(KontakConfig config) throws IOException {
    KontakConfig.WhatsApp whatsapp = config.whatsapp();
    String secret = whatsapp.appSecret().isBlank() ? GeneratedSecret.readOrCreate(file(config)) : whatsapp.appSecret();
    return config.withWhatsApp(whatsapp.withDefaults(secret));
  }

  public static Path file(KontakConfig config) {
    return config.dataDir().resolve("webhook-secret");
  }
}
