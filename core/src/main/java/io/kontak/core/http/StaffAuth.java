package io.kontak.core.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Guards staff routes with {@code Authorization: Bearer $KONTAK_ADMIN_TOKEN} (constant-time compare). */
public final class StaffAuth implements Handler<RoutingContext> {
  private static final String PREFIX = "Bearer ";
  private final byte[] token;

  public StaffAuth(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("staff token must not be blank");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        && MessageDigest.isEqual(token, header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"kontak-staff\"");
    Responses.error(ctx, 401, "missing or wrong staff token");
  }
}
