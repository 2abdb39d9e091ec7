package org.anju.support;

import org.anju.clock.AnjuClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Tracing;

/**
 * One browser window of a test, as the clerks' browsers are set (Chinese, the server's time zone),
 * that records the page's errors and, when the test fails, keeps the evidence under target/browser.
 */
public final class BrowserWindow implements AutoCloseable {

  static final Path EVIDENCE = Paths.get("target", "browser");

  private final BrowserContext context;
  private final Page page;
  private final List<String> errors = new ArrayList<>();

  private BrowserWindow(Browser browser, String locale) {
    this(browser, new Browser.NewContextOptions()
        .setLocale(locale) // zh-CN as the clerks' browsers; the webapps show Chinese for it (and by default)
        .setTimezoneId(AnjuClock.zone().getId())
        .setViewportSize(1400, 1000));
  }

  private BrowserWindow(Browser browser, Browser.NewContextOptions options) {
    context = browser.newContext(options);
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    context.tracing().start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true));
    page = context.newPage();
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type())) {
        errors.add("console: " + message.text());
      }
    });
    page.onResponse(response -> {
      if (response.status() >= 400) {
        errors.add("HTTP " + response.status() + " " + response.request().method() + " " + response.url());
      }
    });
  }

  /** A window of a browser set to Chinese, as the clerks' are. */
  public static BrowserWindow open(Browser browser) {
    return open(browser, "zh-CN");
  }

  /** A window of a browser that asks for {@code locale} (e.g. en-US). */
  public static BrowserWindow open(Browser browser, String locale) {
    return new BrowserWindow(browser, locale);
  }

  /** A window of a browser set as {@code options} say (a phone's viewport and touch, its position). */
  public static BrowserWindow open(Browser browser, Browser.NewContextOptions options) {
    return new BrowserWindow(browser, options);
  }

  public Page page() {
    return page;
  }

  /** Console errors and HTTP answers of 400 and above, in the order they came. */
  public List<String> errors() {
    return errors;
  }

  /** Screenshot, page source, the errors and a Playwright trace of the failed test. */
  public void keepEvidence(String testName) throws IOException {
    Files.createDirectories(EVIDENCE);
    page.screenshot(new Page.ScreenshotOptions().setPath(EVIDENCE.resolve(testName + ".png")).setFullPage(true));
    Files.writeString(EVIDENCE.resolve(testName + ".html"), page.content(), StandardCharsets.UTF_8);
    Files.write(EVIDENCE.resolve(testName + "-browser-errors.txt"), errors, StandardCharsets.UTF_8);
    context.tracing().stop(new Tracing.StopOptions().setPath(EVIDENCE.resolve(testName + "-trace.zip")));
    System.err.println("Browser evidence of " + testName + " in " + EVIDENCE.toAbsolutePath() + "; browser errors: "
        + errors);
  }

  @Override
  public void close() {
    context.close();
  }
}
