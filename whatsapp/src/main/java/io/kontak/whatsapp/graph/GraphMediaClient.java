package io.kontak.whatsapp.graph;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fetches a citizen's media the way Meta serves it: {@code GET {graphUrl}/{media-id}} with the
 * bearer token answers {@code {"url", "mime_type", "sha256", "file_size", "id"}}, then
 * {@code GET url} with the same token answers the bytes. Never reads more than the size limit:
 * a declared size or a {@code Content-Length} above it stops before the download, a body growing
 * past it is cut off.
 */
public final class GraphMediaClient {
  /** Meta's media ids are digits; anything else must not reach the request path. */
  private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  /** A media answer is a few hundred bytes of JSON. */
  private static final long METADATA_MAX = 64 * 1024;
  private static final CharSequence USER_AGENT = HttpHeaders.createOptimized("Kontak");
  /** Meta's answer for an id it does not know (any more): "Unsupported get request", code 100. */
  private static final int UNKNOWN_OBJECT = 100;

  private final HttpClient client;
  private final String graphUrl;
  private final CharSequence authorization;
  private final long timeoutMillis;

  public GraphMediaClient(HttpClient client, String graphUrl, String accessToken, Duration timeout) {
    this.client = client;
    this.graphUrl = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
    this.authorization = HttpHeaders.createOptimized("Bearer " + accessToken);
    this.timeoutMillis = timeout.toMillis();
  }

  /** The file behind {@code mediaId}, if it is at most {@code maxBytes}; every outcome is a {@link MediaFetch}. */
  public Future<MediaFetch> fetch(String mediaId, long maxBytes) {
    if (mediaId == null || !MEDIA_ID.matcher(mediaId).matches()) {
      return Future.succeededFuture(new MediaFetch.Failed("rejected", "malformed media id"));
    }
    return get(graphUrl + "/" + mediaId, METADATA_MAX)
        .compose(answer -> answer.status() == 200 ? download(answer, maxBytes) : Future.succeededFuture(refused(answer)))
        .recover(e -> Future.succeededFuture(new MediaFetch.Retry("no answer: " + e, Optional.empty())));
  }

  public void close() {
    client.close();
  }

  private Future<MediaFetch> download(Answer metadata, long maxBytes) {
    JsonObject json;
    try {
      json = new JsonObject(metadata.body());
    } catch (RuntimeException e) {
      return Future.succeededFuture(new MediaFetch.Retry("media answer is not JSON", Optional.empty()));
    }
    String url = json.getValue("url") instanceof String s ? s : null;
    if (url == null || !isHttp(url)) {
      return Future.succeededFuture(new MediaFetch.Retry("media answer without a download url", Optional.empty()));
    }
    long declared = size(json.getValue("file_size"));
    if (declared > maxBytes) {
      return Future.succeededFuture(new MediaFetch.Failed("too_large", declared + " bytes, limit " + maxBytes));
    }
    Optional<String> mimeType = Optional.ofNullable(json.getValue("mime_type") instanceof String s ? s : null);
    Optional<String> sha256 = Optional.ofNullable(json.getValue("sha256") instanceof String s ? s : null);
    return get(url, maxBytes).map(answer -> {
      if (answer.tooLarge()) {
        return new MediaFetch.Failed("too_large", "more than " + maxBytes + " bytes");
      }
      int status = answer.status();
      if (status == 200) {
        return new MediaFetch.Fetched(answer.body(), mimeType, sha256);
      }
      // 401/403/404 on the download: its link lapsed (they last minutes); the next attempt asks for a new one
      if (status == 429 || status >= 500 || status == 401 || status == 403 || status == 404) {
        return new MediaFetch.Retry("download: HTTP " + status, retryAfter(answer.headers()));
      }
      return new MediaFetch.Failed("rejected", "download: HTTP " + status);
    });
  }

  private static MediaFetch refused(Answer answer) {
    if (answer.tooLarge()) {
      return new MediaFetch.Retry("media answer too large", Optional.empty());
    }
    GraphError error = GraphError.parse(answer.status(), answer.body().toString(),
        answer.headers().get(HttpHeaders.RETRY_AFTER));
    if (answer.status() == 404 || error.code() == UNKNOWN_OBJECT) {
      return new MediaFetch.Failed("expired", error.toString());
    }
    // An expired token is fixed by a person, not by time; retrying lets the fix rescue what is still at Meta.
    if (error.errorClass().retry() || error.errorClass() == ErrorClass.AUTH) {
      return new MediaFetch.Retry(error.toString(), error.retryAfter());
    }
    return new MediaFetch.Failed("rejected", error.toString());
  }

  private record Answer(int status, Buffer body, MultiMap headers, boolean tooLarge) {
  }

  private Future<Answer> get(String uri, long limit) {
    RequestOptions request = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setAbsoluteURI(uri)
        .putHeader(HttpHeaders.AUTHORIZATION, authorization)
        .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
        .setIdleTimeout(timeoutMillis);
    return client.request(request).compose(HttpClientRequest::send).compose(response -> collect(response, limit));
  }

  private static Future<Answer> collect(HttpClientResponse response, long limit) {
    if (size(response.getHeader(HttpHeaders.CONTENT_LENGTH)) > limit) {
      response.request().reset();
      return Future.succeededFuture(new Answer(response.statusCode(), Buffer.buffer(), response.headers(), true));
    }
    Promise<Answer> done = Promise.promise();
    Buffer body = Buffer.buffer();
    response.handler(chunk -> {
      if (done.future().isComplete()) {
        return;
      }
      if (body.length() + (long) chunk.length() > limit) {
        done.tryComplete(new Answer(response.statusCode(), Buffer.buffer(), response.headers(), true));
        response.request().reset();
        return;
      }
      body.appendBuffer(chunk);
    });
    response.exceptionHandler(done::tryFail);
    response.endHandler(end -> done.tryComplete(new Answer(response.statusCode(), body, response.headers(), false)));
    return done.future();
  }

  private static boolean isHttp(String url) {
    try {
      URI uri = URI.create(url);
      return uri.isAbsolute() && uri.getHost() != null
          && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A size given as a number or a string of digits; -1 when absent or unreadable. */
  private static long size(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return value instanceof String s ? Long.parseLong(s.trim()) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Optional<Duration> retryAfter(MultiMap headers) {
    long seconds = size(headers.get(HttpHeaders.RETRY_AFTER));
    return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }
}
