package io.kontak.whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.browser.HeadlessChromium;
import io.kontak.core.db.Database;
import io.kontak.whatsapp.media.TestMedia;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in a real browser (Debian's Chromium, headless, driven by its own chromedriver) chats
 * with the bot through {@code /simulator/}. Skipped, saying so, where Chromium is not installed;
 * {@code .ci/run} installs it. Nothing is downloaded: Selenium Manager is never asked.
 */
class SimulatorBrowserTest {
  static final Path SCREENSHOT = Path.of("target", "simulator", "simulator-chat.png");
  static final Path LIST_SCREENSHOT = Path.of("target", "simulator", "simulator-list.png");
  static final Path SURVEY_SCREENSHOT = Path.of("target", "simulator", "simulator-survey.png");
  static final Duration WAIT = Duration.ofSeconds(30);

  static SimulatorNode sim;
  static ChromeDriver browser;
  static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws IOException {
    // A small phone's screen: the page is mobile first.
    chromium = HeadlessChromium.start(500, 900, options -> options.setExperimentalOption("mobileEmulation",
        Map.of("deviceMetrics", Map.of("width", 360, "height", 740, "pixelRatio", 1.0))));
    browser = chromium.driver();
    sim = new SimulatorNode(Map.of("KONTAK_SURVEY_BOT", "nps"));
  }

  @AfterAll
  static void stop() {
    if (sim != null) {
      sim.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aCitizenGreetsTapsTheMenuAndChecksALenderInEnglish() throws IOException {
    String waId = "6281400000123";
    browser.get(sim.uri("/simulator/?wa_id=" + waId + "&name=Browser").toString());
    assertThat(browser.getTitle()).contains("simulator").contains("not WhatsApp");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me-label"), waId));

    type("halo");
    By menuButtons = By.cssSelector(".msg.bot .reply-button");
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(menuButtons, 1));
    List<WebElement> buttons = browser.findElements(menuButtons);
    assertThat(buttons).hasSizeBetween(2, 3);
    // The bot read the citizen's message: blue ticks.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.me .ticks.read")));

    WebElement check = buttons.stream().filter(b -> "menu:check".equals(b.getDomAttribute("data-id")))
        .findFirst().orElse(buttons.get(0));
    String title = check.getText();
    check.click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), 2));
    // The tap went out as a button_reply with the button's title, shown as the citizen's bubble.
    assertThat(browser.findElements(By.cssSelector(".msg.me .bubble")).get(1).getText()).startsWith(title);

    type("is kilaumodal.id legit?");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), 3));
    WebElement answer = browser.findElements(By.cssSelector(".msg.bot .bubble")).get(2);
    assertThat(answer.getText()).contains("PT Kilau Modal Teknologi");

    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
    assertThat(SCREENSHOT).isNotEmptyFile();
  }

  @Test
  void anAmbiguousNameOpensAListAndThePickedRowIsSent() throws IOException {
    browser.get(sim.uri("/simulator/?wa_id=6281400000456&name=Browser").toString());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me-label"), "6281400000456"));

    type("is Dana Lestari registered?");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".msg.bot .list-open"))).click();
    By rows = By.cssSelector("#sheet .list-row");
    wait.until(ExpectedConditions.visibilityOfElementLocated(rows));
    List<WebElement> candidates = browser.findElements(rows);
    assertThat(candidates).hasSizeBetween(2, 10);
    assertThat(candidates).allSatisfy(row -> assertThat(row.getDomAttribute("data-id")).startsWith("pick:"));
    Files.createDirectories(LIST_SCREENSHOT.getParent());
    Files.write(LIST_SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));

    WebElement pick = candidates.get(0);
    String title = pick.findElement(By.className("title")).getText();
    pick.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sheet")));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), 2));
    assertThat(browser.findElements(By.cssSelector(".msg.me .bubble")).get(1).getText()).startsWith(title);
    assertThat(browser.findElements(By.cssSelector(".msg.bot .bubble")).get(1).getText()).isNotBlank();
  }

  @Test
  void afterThanksTheSurveyIsAListTheCitizenAnswersByTapping() throws IOException {
    browser.get(sim.uri("/simulator/?wa_id=6281400000789&name=Browser").toString());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me-label"), "6281400000789"));

    type("halo min");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), 1));
    type("terima kasih");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".msg.bot .list-open"))).click();
    By rows = By.cssSelector("#sheet .list-row");
    wait.until(ExpectedConditions.visibilityOfElementLocated(rows));
    List<WebElement> scores = browser.findElements(rows);
    assertThat(scores).hasSize(10);
    assertThat(scores).allSatisfy(row -> assertThat(row.getDomAttribute("data-id")).startsWith("survey:"));
    Files.createDirectories(SURVEY_SCREENSHOT.getParent());
    Files.write(SURVEY_SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));

    scores.stream().filter(row -> "9".equals(row.findElement(By.className("title")).getText())).findFirst()
        .orElseThrow().click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sheet")));
    wait.until(driver -> driver.findElements(By.cssSelector(".msg.bot .bubble")).stream()
        .anyMatch(bubble -> bubble.getText().startsWith("Terima kasih atas penilaian Anda")));
    assertThat(browser.findElements(By.cssSelector(".msg.me .bubble")).getLast().getText()).startsWith("9");
  }

  @Test
  void aPhotoWithItsCaptionReachesTheNodeWhichFetchesItFromTheBuiltInGraphApi() throws IOException {
    String waId = "6281400000790";
    browser.get(sim.uri("/simulator/?wa_id=" + waId + "&name=Browser").toString());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me-label"), waId));

    Path photo = Files.createTempFile("kontak-photo-", ".png");
    byte[] png = TestMedia.png(48, 32);
    Files.write(photo, png);
    browser.findElement(By.id("composer-text")).sendKeys("Bukti transfer");
    browser.findElement(By.id("attach-file")).sendKeys(photo.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.me .bubble"), "Bukti transfer"));
    assertThat(browser.findElement(By.cssSelector(".msg.me .bubble")).getText()).startsWith("[photo]");
    assertThat(browser.findElement(By.id("composer-text")).getDomProperty("value")).isEmpty();
    Files.delete(photo);

    var sql = Database.pool(sim.vertx, sim.database, 1);
    try {
      await().atMost(WAIT).until(() -> sql.preparedQuery("SELECT bytes FROM wa_media m JOIN wa_inbound i USING (wamid)"
          + " WHERE i.wa_id = $1 AND m.state = 'stored'").execute(Tuple.of(waId)).await().size() == 1);
      assertThat(sql.preparedQuery("SELECT bytes FROM wa_media m JOIN wa_inbound i USING (wamid) WHERE i.wa_id = $1")
          .execute(Tuple.of(waId)).await().iterator().next().getBuffer("bytes").getBytes()).isEqualTo(png);
    } finally {
      sql.close().await();
    }
    Path shot = Path.of("target", "simulator", "simulator-photo.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
  }

  private static void type(String text) {
    WebElement composer = browser.findElement(By.id("composer-text"));
    composer.sendKeys(text);
    composer.sendKeys(Keys.ENTER);
  }
}
