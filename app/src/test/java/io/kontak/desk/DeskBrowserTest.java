package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kontak.browser.HeadlessChromium;
import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.media.TestMedia;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The desk in a real browser (Debian's Chromium, headless) against a whole node whose bot hands
 * citizens over; citizens write through the signed webhook and a fake Graph API plays Meta.
 * Skipped, saying so, where Chromium is not installed. Screenshots (desktop 1440x900 and phone
 * 390x844) go to agent-desk/target/desk-screenshots/.
 */
class DeskBrowserTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String STAFF = "test-staff-token";
  static final String PASSWORD = "Sunlit-Harbour-4821";
  static final AtomicInteger WAMIDS = new AtomicInteger();
  static final AtomicInteger PHONES = new AtomicInteger();

  static ChromeDriver browser;
  static HeadlessChromium chromium;
  static Path screenshots;

  Vertx metaSide;
  FakeGraphApi graph;
  WhatsAppTestNode node;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBrowser() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    Path desk = here.getParent() == null ? null : here.getParent().resolve("agent-desk");
    screenshots = (desk != null && Files.isDirectory(desk) ? desk : here).resolve(Path.of("target", "desk-screenshots"));
    Files.createDirectories(screenshots);
    chromium = HeadlessChromium.start(1440, 900,
        options -> options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")));
    browser = chromium.driver();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void startNode() {
    metaSide = Vertx.vertx();
    graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
    node = WhatsAppTestNode.start(graph, Map.of());
    desktop();
    browser.manage().logs().get("browser");  // reading drains: each test sees its own messages
  }

  @AfterEach
  void stopNode() {
    if (browser != null) {
      browser.manage().deleteAllCookies();
      browser.get("about:blank");
    }
    if (node != null) {
      node.close();
    }
    if (metaSide != null) {
      metaSide.close().await();
    }
  }

  @Test
  void anAgentGetsAHandedOffChatWithItsTriageAndImageRepliesAndMetaReceivesTheReply() throws IOException {
    createAccount("ani", "agent", 4);
    signIn("ani");
    becomeAvailable();

    String citizen = newCitizen();
    says(citizen, "is kilaumodal.id legit?");
    awaitReplies(citizen, 1);
    // Meta holds the citizen's picture; the node fetches it on arrival and the desk shows it.
    FakeGraphApi.FakeMedia picture = graph.registerMedia(TestMedia.png(160, 120), "image/png");
    send(citizen, "\"type\":\"image\",\"image\":{\"caption\":\"Bukti transfer\",\"mime_type\":\"image/png\","
        + "\"sha256\":\"" + picture.sha256Base64() + "\",\"id\":\"" + picture.id() + "\"}");
    says(citizen, "sambungkan ke manusia pls");

    WebElement tile = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tile")));
    String conversation = tile.getDomAttribute("data-conversation");
    assertThat(conversation).matches("\\d+");
    // The bot's triage is at the top of the tile: language and the intents it saw.
    wait(WAIT).until(d -> tile.findElement(By.cssSelector("[data-part=triage-summary]")).getText().contains("human agent"));
    assertThat(tile.findElement(By.cssSelector("[data-part=triage-summary]")).getText()).contains("Bahasa Indonesia");
    // The whole transcript: the citizen's question, the bot's answer, the image with its caption.
    wait(WAIT).until(d -> tile.findElements(By.cssSelector(".msg.from-citizen")).size() >= 3);
    assertThat(tile.findElements(By.cssSelector(".msg.from-bot"))).isNotEmpty();
    WebElement image = wait(WAIT).until(d -> tile.findElement(By.cssSelector(".msg.from-citizen img.media-image")));
    assertThat(image.getDomAttribute("src")).startsWith("/api/desk/media/");
    // loaded and decoded by the browser under the desk's CSP: the real picture, not a broken icon
    wait(WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
    assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", image))
        .intValue()).isEqualTo(160);
    assertThat(tile.getText()).contains("Bukti transfer");
    // Nobody has answered yet: the waiting timer runs.
    assertThat(tile.findElement(By.cssSelector("[data-part=waiting]")).getText()).startsWith("waiting ");

    // Canned replies in the chat's language: Alt+C opens the picker, Enter takes the first match.
    WebElement composer = tile.findElement(By.cssSelector("[data-part=text]"));
    composer.click();
    new org.openqa.selenium.interactions.Actions(browser).keyDown(Keys.ALT).sendKeys("c").keyUp(Keys.ALT).perform();
    WebElement filter = wait(WAIT).until(ExpectedConditions.visibilityOf(tile.findElement(By.cssSelector("[data-part=canned-filter]"))));
    filter.sendKeys("Salam", Keys.ENTER);
    wait(WAIT).until(d -> composer.getDomProperty("value").startsWith("Halo Warga"));
    composer.clear();

    String reply = "Halo, saya petugas Kontak. Saya cek dulu ya.";
    composer.sendKeys(reply);
    composer.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    await().atMost(WAIT).until(() -> replies(citizen).stream().anyMatch(b -> reply.equals(text(b))));
    wait(WAIT).until(d -> tile.findElements(By.cssSelector(".msg.from-agent")).stream()
        .anyMatch(m -> m.getText().contains(reply)));
    assertThat(composer.getDomProperty("value")).isEmpty();

    // Meta's receipts reach the tile live: delivered, then read (coloured); the author's name is above the bubble.
    String wamid = await().atMost(WAIT).until(() -> node.rows("SELECT o.wamid FROM wa_outbox o "
        + "JOIN desk_outbound d ON d.outbox_id = o.id WHERE o.wamid IS NOT NULL").stream()
        .map(r -> r.getString("wamid")).findFirst().orElse(null), Objects::nonNull);
    long now = Instant.now().getEpochSecond();
    assertThat(node.deliver(Fixtures.statuses(Fixtures.status(wamid, "delivered", now))).statusCode()).isEqualTo(200);
    wait(WAIT).until(d -> !tile.findElements(By.cssSelector(".msg.from-agent .ticks.delivered")).isEmpty());
    assertThat(node.deliver(Fixtures.statuses(Fixtures.status(wamid, "read", now + 1))).statusCode()).isEqualTo(200);
    wait(WAIT).until(d -> !tile.findElements(By.cssSelector(".msg.from-agent .ticks.read")).isEmpty());
    assertThat(tile.findElement(By.cssSelector(".msg.from-agent .msg-author")).getText()).isEqualTo("ani");

    // Citizen text is data, never markup: the message shows as text, and nothing runs.
    String xss = "<img src=x onerror=alert(1)>";
    says(citizen, xss);
    wait(WAIT).until(d -> tile.findElements(By.cssSelector(".msg.from-citizen .msg-text")).stream()
        .anyMatch(m -> xss.equals(m.getText())));
    assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

    noConsoleErrors();
    shot("agent-chat-desktop.png");
    phone();
    wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tile")));
    shot("agent-chat-phone.png");
  }

  @Test
  void citizensFilesShowAsThumbnailPlayerDownloadMapLinkOrUnavailable() throws IOException {
    createAccount("citra", "agent", 4);
    signIn("citra");
    becomeAvailable();

    String citizen = newCitizen();
    says(citizen, "sambungkan ke manusia pls");
    WebElement tile = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tile")));
    FakeGraphApi.FakeMedia picture = graph.registerMedia(TestMedia.png(320, 200), "image/png");
    send(citizen, "\"type\":\"image\",\"image\":{\"mime_type\":\"image/png\",\"id\":\"" + picture.id() + "\"}");
    FakeGraphApi.FakeMedia pdf = graph.registerMedia("%PDF-1.4\n%%EOF\n".repeat(200).getBytes(), "application/pdf");
    send(citizen, "\"type\":\"document\",\"document\":{\"mime_type\":\"application/pdf\",\"filename\":"
        + "\"surat-perjanjian-pinjaman-2026.pdf\",\"id\":\"" + pdf.id() + "\"}");
    FakeGraphApi.FakeMedia voice = graph.registerMedia(new byte[2048], "audio/ogg");
    send(citizen, "\"type\":\"audio\",\"audio\":{\"mime_type\":\"audio/ogg; codecs=opus\",\"voice\":true,"
        + "\"id\":\"" + voice.id() + "\"}");
    send(citizen, "\"type\":\"location\",\"location\":{\"latitude\":-6.2253,\"longitude\":106.8083,"
        + "\"name\":\"Kantor <b>Contoh</b>\",\"address\":\"Jl. Contoh 1, Jakarta\"}");
    FakeGraphApi.FakeMedia gone = graph.registerMedia(TestMedia.png(8, 8), "image/png");
    graph.expireMedia(gone.id());
    send(citizen, "\"type\":\"image\",\"image\":{\"mime_type\":\"image/png\",\"id\":\"" + gone.id() + "\"}");

    wait(WAIT).until(d -> tile.findElements(By.cssSelector(".msg.from-citizen")).size() >= 6);
    WebElement image = wait(WAIT).until(d -> tile.findElement(By.cssSelector("img.media-image")));
    wait(WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth === 320", image)));
    assertThat(image.findElement(By.xpath("..")).getDomAttribute("target")).isEqualTo("_blank");
    WebElement document = wait(WAIT).until(d -> tile.findElement(By.cssSelector("a.media-doc")));
    assertThat(document.getText()).contains("surat-perjanjian-pinjaman-2026.pdf").contains("KB");
    assertThat(tile.findElement(By.cssSelector("audio.media-audio")).getDomAttribute("src")).startsWith("/api/desk/media/");
    WebElement map = tile.findElement(By.cssSelector("a.media-location-map"));
    assertThat(map.getDomAttribute("href")).startsWith("https://www.openstreetmap.org/?mlat=-6.2253&mlon=106.8083");
    assertThat(tile.getText()).contains("Kantor <b>Contoh</b>", "Jl. Contoh 1, Jakarta");
    wait(WAIT).until(d -> tile.getText().contains("[image no longer available from WhatsApp]"));

    noConsoleErrors();
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", image);
    shot("agent-media-desktop.png");
    phone();
    wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tile")));
    shot("agent-media-phone.png");
  }

  @Test
  void fourChatsFillTheGridAFifthWaitsAndClosingOnePullsItIntoTheFreedTile() throws IOException {
    createAccount("budi", "agent", 4);
    signIn("budi");
    becomeAvailable();

    for (int i = 0; i < 5; i++) {
      String citizen = newCitizen();
      says(citizen, "sambungkan ke manusia pls");
      awaitReplies(citizen, 1);
    }
    wait(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#grid > .tile"), 4));
    // The fifth waits. (Its count reaches the agents' bar only with the next routing change: a handoff
    // that finds no free agent publishes nothing yet, so the test reads the queue in the database.)
    await().atMost(WAIT).until(() -> node.count("SELECT count(*) FROM conversation WHERE status = 'queued'") == 1);
    assertThat(browser.findElements(By.cssSelector("#grid > .slot-empty"))).isEmpty();
    Map<Integer, String> before = slots();
    assertThat(before).hasSize(4);
    shot("agent-grid-full-desktop.png");

    // Close the chat in the second tile, from the keyboard: Alt+2 focuses it, Alt+X opens the close dialog.
    String closed = before.get(1);
    new org.openqa.selenium.interactions.Actions(browser).keyDown(Keys.ALT).sendKeys("2").keyUp(Keys.ALT).perform();
    wait(WAIT).until(d -> tileOf(closed).findElement(By.cssSelector("[data-part=text]")).equals(d.switchTo().activeElement()));
    new org.openqa.selenium.interactions.Actions(browser).keyDown(Keys.ALT).sendKeys("x").keyUp(Keys.ALT).perform();
    WebElement dialog = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("close-dialog")));
    new Select(browser.findElement(By.id("close-resolution"))).selectByIndex(0);
    browser.findElement(By.id("close-note")).sendKeys("Answered");
    dialog.findElement(By.cssSelector("button[type=submit]")).click();

    // The fifth citizen takes the freed tile; the other three stay where they were.
    wait(WAIT).until(d -> {
      Map<Integer, String> now = slots();
      return now.size() == 4 && now.get(1) != null && !now.get(1).equals(closed) && !before.containsValue(now.get(1));
    });
    Map<Integer, String> after = slots();
    for (int slot : List.of(0, 2, 3)) {
      assertThat(after.get(slot)).isEqualTo(before.get(slot));
    }
    wait(WAIT).until(ExpectedConditions.textToBe(By.id("queue-waiting"), "0"));
    // The new chat did not take the keyboard focus.
    WebElement focused = browser.switchTo().activeElement();
    assertThat(tileOf(after.get(1)).findElements(By.cssSelector("*"))).doesNotContain(focused);
    shot("agent-grid-refilled-desktop.png");
  }

  @Test
  void aChatTakenAwayBySupervisorSaysWhyAndKeepsTheDraft() throws IOException {
    createAccount("dewi", "agent", 4);
    createAccount("sari", "supervisor", 4);
    signIn("dewi");
    becomeAvailable();
    String citizen = newCitizen();
    says(citizen, "sambungkan ke manusia pls");
    WebElement tile = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tile")));
    String conversation = tile.getDomAttribute("data-conversation");
    // A citizen message while the agent looks elsewhere: an unread marker and the count in the title.
    says(citizen, "halo? masih di sana?");
    wait(WAIT).until(d -> tile.findElement(By.cssSelector("[data-part=unread]")).isDisplayed());
    assertThat(browser.getTitle()).startsWith("(");

    String draft = "Sebentar, saya periksa nomor rekening itu";
    tile.findElement(By.cssSelector("[data-part=text]")).sendKeys(draft);
    // Away keeps the chat but takes no new ones, so the moved chat does not come straight back.
    browser.findElement(By.id("status-toggle")).click();
    wait(WAIT).until(ExpectedConditions.attributeToBe(By.id("status-toggle"), "aria-pressed", "false"));

    HttpClient supervisor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    JsonObject session = new JsonObject(call(supervisor, "POST", "/api/desk/session", null,
        new JsonObject().put("username", "sari").put("password", PASSWORD), 200));
    call(supervisor, "POST", "/api/desk/chats/" + conversation + "/transfer", session.getString("csrf_token"),
        new JsonObject().put("to", "queue").put("note", "rebalancing"), 200);

    WebElement banner = tile.findElement(By.cssSelector("[data-part=removed]"));
    wait(WAIT).until(ExpectedConditions.visibilityOf(banner));
    assertThat(banner.getText()).contains("Transferred");
    WebElement composer = tile.findElement(By.cssSelector("[data-part=text]"));
    assertThat(composer.getDomProperty("value")).isEqualTo(draft);
    assertThat(composer.getDomProperty("readOnly")).isEqualTo("true");
    assertThat(tile.findElement(By.cssSelector("[data-part=send]")).isEnabled()).isFalse();
    shot("agent-chat-taken-away-desktop.png");
  }

  @Test
  void aDisabledAgentIsSentBackToTheSignInForm() {
    createAccount("fajar", "agent", 4);
    signIn("fajar");
    HttpResponse<String> disabled = io.kontak.app.TestHttp.send(http, HttpRequest.newBuilder(
            node.uri("/api/desk/users/fajar/disable"))
        .header("Authorization", "Bearer " + STAFF).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    // The server closes the live socket; the page asks who it is, hears 401 and signs out.
    wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-view")));
    assertThat(browser.findElement(By.id("signin-error")).getText()).contains("session has ended");
    assertThat(browser.findElement(By.id("app")).isDisplayed()).isFalse();
  }

  @Test
  void aSupervisorSeesTheQueueInOrderAndTheAgentsLoads() throws IOException, InterruptedException {
    createAccount("sari", "supervisor", 4);
    createAccount("cici", "agent", 2);
    // The agent works through the API (a script, say): any call is a sign of life.
    HttpClient agent = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    JsonObject session = new JsonObject(call(agent, "POST", "/api/desk/session", null,
        new JsonObject().put("username", "cici").put("password", PASSWORD), 200));
    call(agent, "PUT", "/api/desk/me/status", session.getString("csrf_token"),
        new JsonObject().put("status", "available"), 200);

    for (int i = 0; i < 3; i++) {
      String citizen = newCitizen();
      says(citizen, "sambungkan ke manusia pls");
      awaitReplies(citizen, 1);
    }
    signIn("sari");
    assertThat(browser.findElement(By.linkText("Reports")).getDomAttribute("href")).isEqualTo("dashboard.html");
    wait(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sv-queue tr button.link"), 1));
    WebElement agents = browser.findElement(By.id("sv-agents"));
    wait(WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> agents.getText().contains("cici") && agents.getText().contains("2 / 2"));
    wait(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sv-live li .conv"), 2));
    assertThat(browser.findElement(By.id("sv-queue-count")).getText()).isEqualTo("1");

    // The list is redrawn when the agents change: click whatever the first row is by then.
    wait(WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      d.findElements(By.cssSelector("#sv-live li .conv")).get(0).click();
      return true;
    });
    wait(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sv-viewer .transcript .msg.from-citizen")));
    // Read only: no composer in the supervisor's viewer.
    assertThat(browser.findElements(By.cssSelector("#sv-viewer textarea"))).isEmpty();
    // Search by case id opens that conversation.
    String waiting = browser.findElement(By.cssSelector("#sv-queue tr button.link")).getText();
    browser.findElement(By.id("sv-search-q")).sendKeys(waiting, Keys.ENTER);
    wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#sv-viewer .viewer-head"), "queued"));
    // Accounts: the supervisor creates an agent, who appears in the list.
    browser.findElement(By.id("sv-user-name")).sendKeys("eko");
    browser.findElement(By.id("sv-user-password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("#sv-user-form button[type=submit]")).click();
    wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("sv-user-result"), "created"));
    wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("sv-users"), "eko"));
    noConsoleErrors();
    shot("supervisor-desktop.png");
    phone();
    wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("sv-queue")));
    shot("supervisor-phone.png");
  }

  @Test
  void aRegistryAdminValidatesImportsAndSeesTheVersions() throws IOException {
    createAccount("rina", "registry_admin", 4);
    Path bad = Files.createTempFile("kontak-registry-bad-", ".jsonl");
    Path good = Files.createTempFile("kontak-registry-", ".jsonl");
    try {
      Files.writeString(bad, "{\"id\":\"T-1\",\"sector\":\"p2p_lending\",\"status\":\"licensed\"}\n");
      Files.writeString(good, "{\"id\":\"T-1\",\"name\":\"PT Uji Satu\",\"sector\":\"p2p_lending\",\"status\":\"licensed\"}\n"
          + "{\"id\":\"T-2\",\"name\":\"Pinjol Uji Ilegal\",\"sector\":\"other\",\"status\":\"illegal\"}\n");
      signIn("rina", false);
      // The registry API takes the admin's own session: no staff token is asked for.
      wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rg-versions"), "No registry version yet"));
      assertThat(browser.findElements(By.id("rg-token"))).isEmpty();

      browser.findElement(By.id("rg-file")).sendKeys(bad.toString());
      browser.findElement(By.id("rg-validate")).click();
      wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rg-result"), "refused"));
      assertThat(browser.findElement(By.id("rg-result")).getText()).contains("name");

      browser.findElement(By.id("rg-file")).clear();
      browser.findElement(By.id("rg-file")).sendKeys(good.toString());
      browser.findElement(By.cssSelector("#rg-form button[type=submit]")).click();
      wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rg-result"), "Version 1 is active"));
      wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rg-versions"), good.getFileName().toString()));
      assertThat(browser.findElement(By.id("rg-versions")).getText()).contains("active", "rina");
      noConsoleErrors();
      shot("registry-admin-desktop.png");
      phone();
      wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("rg-versions")));
      shot("registry-admin-phone.png");
    } finally {
      Files.deleteIfExists(bad);
      Files.deleteIfExists(good);
    }
  }

  // ---------- the browser ----------

  void signIn(String username) {
    signIn(username, true);
  }

  void signIn(String username, boolean live) {
    browser.get(node.uri("/desk/").toString());
    WebElement name = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username")));
    name.sendKeys(username);
    browser.findElement(By.id("signin-password")).sendKeys(PASSWORD);
    browser.findElement(By.id("signin-submit")).click();
    wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    if (live) {
      wait(WAIT).until(ExpectedConditions.attributeContains(By.id("live-state"), "class", "open"));
    }
  }

  void becomeAvailable() {
    browser.findElement(By.id("status-toggle")).click();
    wait(WAIT).until(ExpectedConditions.attributeToBe(By.id("status-toggle"), "aria-pressed", "true"));
  }

  /** Slot index (0-3) to the conversation shown there (read in one script: tiles change under a live page). */
  Map<Integer, String> slots() {
    @SuppressWarnings("unchecked")
    List<String> grid = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('#grid > *')].map(e => e.dataset.conversation || '')");
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int i = 0; i < grid.size(); i++) {
      if (!grid.get(i).isEmpty()) {
        out.put(i, grid.get(i));
      }
    }
    return out;
  }

  WebElement tileOf(String conversation) {
    return browser.findElement(By.cssSelector(".tile[data-conversation='" + conversation + "']"));
  }

  static WebDriverWait wait(Duration timeout) {
    return new WebDriverWait(browser, timeout);
  }

  static void desktop() {
    metrics(1440, 900, false);
  }

  static void phone() {
    metrics(390, 844, true);
  }

  static void metrics(int width, int height, boolean mobile) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** The strict CSP refused nothing and no script failed (answers with error statuses are the tests' business). */
  static void noConsoleErrors() {
    List<String> errors = browser.manage().logs().get("browser").getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(e -> e.getMessage())
        .filter(m -> !m.contains("Failed to load resource: the server responded with a status of"))
        .toList();
    assertThat(errors).isEmpty();
  }

  static void shot(String name) throws IOException {
    // Let layout settle after a size change (fonts, scroll positions) before the picture.
    ((JavascriptExecutor) browser).executeAsyncScript("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))");
    Path file = screenshots.resolve(name);
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    assertThat(file).isNotEmptyFile();
  }

  // ---------- citizens, Meta and the API ----------

  static String newCitizen() {
    return "628150" + String.format("%07d", PHONES.incrementAndGet());
  }

  void says(String waId, String text) {
    send(waId, "\"type\":\"text\",\"text\":" + new JsonObject().put("body", text).encode());
  }

  void send(String waId, String typeAndContent) {
    String message = "{\"from\":\"" + waId + "\",\"id\":\"wamid.DESK" + WAMIDS.incrementAndGet() + "_" + waId
        + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\"," + typeAndContent + "}";
    HttpResponse<String> response = node.deliver(Fixtures.envelope(
        "\"contacts\":[{\"profile\":{\"name\":\"Warga " + waId.substring(waId.length() - 3) + "\"},\"wa_id\":\""
            + waId + "\"}],\"messages\":[" + message + "]"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  List<JsonObject> replies(String waId) {
    return graph.accepted().stream().map(FakeGraphApi.Request::body)
        .filter(b -> waId.equals(b.getString("to")) && !"read".equals(b.getString("status")))
        .toList();
  }

  void awaitReplies(String waId, int n) {
    await().atMost(WAIT).until(() -> replies(waId).size() >= n);
  }

  static String text(JsonObject body) {
    JsonObject text = body.getJsonObject("text");
    return text == null ? null : text.getString("body");
  }

  void createAccount(String username, String role, int capacity) {
    JsonObject body = new JsonObject().put("username", username).put("password", PASSWORD).put("role", role);
    if ("agent".equals(role)) {
      body.put("capacity", capacity);
    }
    HttpResponse<String> response = io.kontak.app.TestHttp.send(http, HttpRequest.newBuilder(node.uri("/api/desk/users"))
        .header("Authorization", "Bearer " + STAFF).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  String call(HttpClient client, String method, String path, String csrf, JsonObject body, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    HttpResponse<String> response = io.kontak.app.TestHttp.send(client, request);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    return response.body();
  }
}
