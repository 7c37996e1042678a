package io.kontak.core.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * Who may use a staff feature's routes, decided where the node is composed (a feature module does
 * not know the desk's accounts): {@code guard} answers 401 or 403 or passes the request on, and
 * {@code who} names the caller that passed, for the feature's audit records.
 */
public record StaffAccess(Handler<RoutingContext> guard, Function<RoutingContext, String> who) {
}
