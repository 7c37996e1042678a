package io.kontak.registry.http;

import io.kontak.core.http.HttpProblem;
import io.kontak.core.http.Responses;
import io.kontak.core.http.StaffAccess;
import io.kontak.registry.importing.FileFormat;
import io.kontak.registry.importing.ImportError;
import io.kontak.registry.importing.ParseResult;
import io.kontak.registry.importing.RegistryFile;
import io.kontak.registry.node.ImportOutcome;
import io.kontak.registry.node.RegistryService;
import io.kontak.registry.store.VersionInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * The registry's HTTP surface, mounted under {@code /api/registry}: staff imports, validations,
 * versions and activations (whoever {@link StaffAccess} lets in, recorded as who imported or
 * activated), and the public, rate-limited search.
 */
public final class RegistryRoutes {
  public static final int MAX_QUERY_LENGTH = 200;
  private static final int MAX_CHANGES_SHOWN = 1_000;

  private final RegistryService registry;
  private final SearchRateLimit rateLimit;
  private final StaffAccess staff;
  private final long maxImportBytes;

  public RegistryRoutes(RegistryService registry, SearchRateLimit rateLimit, StaffAccess staff, long maxImportBytes) {
    this.registry = registry;
    this.rateLimit = rateLimit;
    this.staff = staff;
    this.maxImportBytes = maxImportBytes;
  }

  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/search").handler(this::search);
    router.route().handler(staff.guard());
    // BodyHandler answers 413 itself when a file is over the limit, before anything is parsed.
    BodyHandler body = BodyHandler.create(false).setBodyLimit(maxImportBytes);
    router.post("/imports").handler(body).handler(this::importFile);
    router.post("/validations").handler(body).handler(this::validate);
    router.get("/versions").handler(this::versions);
    router.get("/versions/:version").handler(this::version);
    router.post("/versions/:version/activate").handler(this::activate);
    return router;
  }

  private void search(RoutingContext ctx) {
    String q = ctx.request().getParam("q");
    if (q == null || q.isBlank()) {
      Responses.error(ctx, 400, "query parameter 'q' is required");
      return;
    }
    if (q.length() > MAX_QUERY_LENGTH) {
      Responses.error(ctx, 400, "query is longer than " + MAX_QUERY_LENGTH + " characters");
      return;
    }
    rateLimit.check(ctx.request().remoteAddress().hostAddress())
        .compose(wait -> wait > 0 ? Future.failedFuture(tooMany(ctx, wait)) : registry.lookup(q))
        .onSuccess(result -> Responses.json(ctx, 200, result.toJson()))
        .onFailure(e -> Responses.fail(ctx, e));
  }

  private void importFile(RoutingContext ctx) {
    file(ctx)
        .compose(file -> registry.importFile(file, staff.who().apply(ctx)))
        .onSuccess(outcome -> {
          switch (outcome) {
            case ImportOutcome.Activated a -> Responses.json(ctx, 201, created(a.version()));
            case ImportOutcome.Rejected r -> Responses.json(ctx, 422, errors(r.errors()));
          }
        })
        .onFailure(e -> Responses.fail(ctx, e));
  }

  private void validate(RoutingContext ctx) {
    file(ctx)
        .compose(registry::validate)
        .onSuccess(parsed -> {
          switch (parsed) {
            case ParseResult.Valid v -> Responses.json(ctx, 200, new JsonObject().put("count", v.institutions().size()));
            case ParseResult.Invalid i -> Responses.json(ctx, 422, errors(i.errors()));
          }
        })
        .onFailure(e -> Responses.fail(ctx, e));
  }

  private void versions(RoutingContext ctx) {
    registry.versions()
        .onSuccess(list -> Responses.json(ctx, 200, new JsonObject().put("versions",
            new JsonArray(list.stream().map(VersionInfo::toJson).toList()))))
        .onFailure(e -> Responses.fail(ctx, e));
  }

  private void version(RoutingContext ctx) {
    versionParam(ctx)
        .compose(v -> registry.store().version(v).compose(found -> found.isEmpty()
            ? Future.failedFuture(new HttpProblem(404, "no registry version " + v))
            : registry.store().changes(v, MAX_CHANGES_SHOWN).map(changes -> found.get().toJson().put("changes", changes))))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(e -> Responses.fail(ctx, e));
  }

  private void activate(RoutingContext ctx) {
    versionParam(ctx)
        .compose(v -> registry.activate(v, staff.who().apply(ctx)).compose(found -> found.isEmpty()
            ? Future.failedFuture(new HttpProblem(404, "no registry version " + v))
            : Future.succeededFuture(found.get())))
        .onSuccess(info -> Responses.json(ctx, 200, created(info)))
        .onFailure(e -> Responses.fail(ctx, e));
  }

  private static Future<RegistryFile> file(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    var format = FileFormat.fromContentType(contentType);
    if (format.isEmpty()) {
      return Future.failedFuture(new HttpProblem(415, "send the registry as application/x-ndjson or text/csv, not "
          + (contentType == null ? "no Content-Type" : contentType)));
    }
    String name = ctx.request().getHeader("X-File-Name");
    byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    return Future.succeededFuture(new RegistryFile(bytes, format.get(), name == null ? "upload" : name));
  }

  private static Future<Integer> versionParam(RoutingContext ctx) {
    try {
      return Future.succeededFuture(Integer.parseInt(ctx.pathParam("version")));
    } catch (NumberFormatException e) {
      return Future.failedFuture(new HttpProblem(400, "version must be a number"));
    }
  }

  private static JsonObject created(VersionInfo info) {
    return new JsonObject().put("version", info.version()).put("count", info.rowCount())
        .put("diff", info.toJson().getJsonObject("diff"));
  }

  private static JsonObject errors(List<ImportError> errors) {
    return new JsonObject().put("errors", new JsonArray(errors.stream().map(ImportError::toJson).toList()));
  }

  private static HttpProblem tooMany(RoutingContext ctx, long waitSeconds) {
    ctx.response().putHeader("Retry-After", Long.toString(waitSeconds));
    return new HttpProblem(429, "too many searches; try again in " + waitSeconds + " s");
  }
}
