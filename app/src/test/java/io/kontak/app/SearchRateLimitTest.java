package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public search is limited per client in Redis; the limit is shared by every node. */
class SearchRateLimitTest {
  @Test
  void theSearchBeyondTheLimitGets429WithRetryAfter() {
    try (TestNode node = new TestNode(Map.of("KONTAK_SEARCH_RATE_PER_MINUTE", "5"))) {
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        responses.add(node.get("/api/registry/search?q=kilat"));
      }
      // A minute boundary may fall inside the loop and open a new window: allow one reset.
      assertThat(responses.stream().filter(r -> r.statusCode() == 200).count()).isBetween(5L, 7L);
      HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
      assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
      assertThat(limited.body()).contains("too many searches");
    }
  }
}
