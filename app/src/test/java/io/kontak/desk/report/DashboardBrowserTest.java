package io.kontak.desk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.browser.HeadlessChromium;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A supervisor opens the dashboard in headless Chromium: the figures show and every chart renders. */
class DashboardBrowserTest {
  static final String PASSWORD = "correct horse battery";
  static Vertx metaSide;
  static WhatsAppTestNode node;
  static ChromeDriver browser;
  static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.start(1280, 1000, options -> { });
    browser = chromium.driver();
    metaSide = Vertx.vertx();
    node = WhatsAppTestNode.withoutEngine(metaSide);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
      metaSide.close().await();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theDashboardShowsTheFiguresWithCharts() throws Exception {
    // three registration checks today: two the bot resolved, one handed off and left in the queue
    for (int i = 1; i <= 3; i++) {
      long id = node.rows("""
          INSERT INTO conversation (citizen, language, intents, bot_answers, opened_at)
          VALUES ($1, 'id', '["check_registration"]', 2, now() - interval '5 minutes') RETURNING id""",
          "wa:62816000000" + i).getFirst().getLong(0);
      if (i == 3) {
        node.rows("UPDATE conversation SET status = 'queued', queued_at = now() - interval '4 minutes',"
            + " handoff_reason = 'requested' WHERE id = $1 RETURNING id", id);
      }
      node.rows("UPDATE conversation SET status = 'closed', closed_at = now() WHERE id = $1 RETURNING id", id);
    }
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(node.uri("/api/desk/users"))
        .header("Authorization", "Bearer test-staff-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "sari").put("password", PASSWORD)
            .put("role", "supervisor").encode())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    HttpResponse<String> session = http.send(HttpRequest.newBuilder(node.uri("/api/desk/session"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "sari").put("password", PASSWORD)
            .encode())).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = session.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kontak_desk="))
        .findFirst().orElseThrow().split(";")[0].substring("kontak_desk=".length());

    HttpResponse<String> library = http.send(HttpRequest.newBuilder(node.uri("/vendor/echarts/5.3.1/dist/echarts.min.js"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.body()).contains("echarts");

    String page = node.uri("/desk/dashboard.html").toString();
    browser.get(page);
    var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(b -> b.findElement(By.id("problem")).isDisplayed());
    assertThat(browser.findElement(By.id("problem")).getText()).contains("Sign in");

    browser.manage().addCookie(new Cookie("kontak_desk", cookie, "/"));
    browser.get(page);
    wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    assertThat(browser.findElement(By.id("f-registration")).getText()).isEqualTo("66.7%");
    assertThat(browser.findElement(By.id("f-conversations")).getText()).isEqualTo("3");
    for (String chart : new String[] {"chart-days", "chart-outcomes", "chart-languages", "chart-hours", "chart-reasons"}) {
      wait.until(b -> !b.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
      var canvas = browser.findElement(By.cssSelector("#" + chart + " canvas"));
      assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(100);
    }
    assertThat(browser.findElement(By.id("csv")).getDomAttribute("href")).startsWith("/api/reports/resolution.csv?from=");
    wait.until(b -> !"–".equals(b.findElement(By.id("live-queue")).getText()));
    assertThat(browser.getPageSource()).doesNotContain("62816000000");
  }
}
