package org.anju.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium for the browser tests of one class: launched once, a window per test (Chinese unless
 * asked otherwise), the evidence of a failed test kept under target/browser, every window closed after
 * its test. Registered as {@code @RegisterExtension static final Chromium CHROMIUM = new Chromium();}.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback,
    AfterEachCallback {

  private Playwright playwright;
  private Browser browser;
  private final List<BrowserWindow> windows = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    DebianChromium.Session session = DebianChromium.launch();
    playwright = session.playwright();
    browser = session.browser();
  }

  /** A window of a browser set to Chinese, as the clerks' are. */
  public BrowserWindow open() {
    return open("zh-CN");
  }

  /** A window of a browser that asks for {@code locale} (e.g. en-US). */
  public BrowserWindow open(String locale) {
    BrowserWindow window = BrowserWindow.open(browser, locale);
    windows.add(window);
    return window;
  }

  /** A window of a browser set as {@code options} say, e.g. a phone's (see the field page's test). */
  public BrowserWindow open(com.microsoft.playwright.Browser.NewContextOptions options) {
    BrowserWindow window = BrowserWindow.open(browser, options);
    windows.add(window);
    return window;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws Exception {
    if (context.getExecutionException().isPresent()) {
      String test = context.getRequiredTestMethod().getName();
      for (int i = 0; i < windows.size(); i++) {
        windows.get(i).keepEvidence(i == 0 ? test : test + "-" + (i + 1));
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    windows.forEach(BrowserWindow::close);
    windows.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (playwright != null) {
      playwright.close(); // closes the browser too
    }
  }
}
