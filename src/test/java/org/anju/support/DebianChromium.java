package org.anju.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Playwright on Debian's Chromium, for the browser tests: never a browser of Playwright's own, and
 * none of Chromium's background traffic, which this network refuses. Outside CI a machine without
 * Chromium skips the browser tests; with {@code CI=true} they fail.
 */
public final class DebianChromium {

  public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

  private DebianChromium() {}

  /** A running browser; closing it closes Playwright and the browser. */
  public record Session(Playwright playwright, Browser browser) implements AutoCloseable {
    @Override
    public void close() {
      playwright.close();
    }
  }

  public static Session launch() {
    if (!Files.isExecutable(EXECUTABLE)) {
      String missing = EXECUTABLE + " is missing: apt-get install -y chromium fonts-noto-cjk";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(missing);
      }
      Assumptions.abort(missing);
    }
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    // the webapps render asynchronously; on a busy 2-core machine a first render can take a while
    PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    return new Session(playwright, browser);
  }
}
