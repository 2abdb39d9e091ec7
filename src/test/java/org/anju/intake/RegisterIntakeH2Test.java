package org.anju.intake;

import static org.assertj.core.api.Assertions.assertThat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.anju.support.BrowserWindow;
import org.anju.support.DebianChromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** Register intake on the embedded default, H2, plus a large file and the intake page (also in Chromium). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegisterIntakeH2Test extends RegisterIntakeChecks {

  /**
   * Rows of the large file. Registering a household starts its case, which the engine does at some
   * tens to a few hundred rows a second on H2 depending on the machine: 2,000 keeps the suite quick;
   * {@code -Danju.intake.test-rows=20000} runs the full size.
   */
  static final int LARGE = Integer.getInteger("anju.intake.test-rows", 2_000);

  @LocalServerPort
  int port;

  @Test
  void aLargeCsvImportsEveryRow() {
    List<List<String>> rows = new ArrayList<>(LARGE + 1);
    rows.add(List.of(HEADER.split(",")));
    for (int i = 0; i < LARGE; i++) {
      rows.add(kelan("户主" + i, residentId(), i % 2 == 0 ? "POOR" : "DIBAO", String.valueOf(1 + i % 6), i % 3 == 0 ? "是" : "否"));
    }
    byte[] file = csv(rows);
    rows.clear(); // from here on only the server reads the file, row by row
    long started = System.nanoTime();
    Map<String, Object> done = importAndWait(CLERK, "large.csv", file, Math.max(300, LARGE / 5));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertCounts(done, LARGE, LARGE, 0, 0);
    System.out.printf("REGISTER INTAKE: %d rows (%d bytes) imported on H2 in %.1f s: %.0f rows/s%n", LARGE, file.length,
        seconds, LARGE / seconds);
  }

  @Test
  void theIntakePageIsBehindTheLogin() {
    assertThat(anonymous.getForEntity("/intake/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    var page = anonymous.withBasicAuth(CLERK, "demo").getForEntity("/intake/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("农户花名册导入", "/api/intake/template.csv", "intake.js");
    assertThat(anonymous.withBasicAuth(CLERK, "demo").getForEntity("/intake/intake.js", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /**
   * In Chromium: the housing bureau is told on the page that it may not import, and cannot upload; a
   * clerk's import whose every row failed shows as a failure, in red, not as done.
   */
  @Test
  void theIntakePageTellsWhoMayNotImportAndShowsAFailedRunAsFailed() throws Exception {
    Map<String, Object> failed = importAndWait(CLERK, "静乐.csv", csv(List.of(List.of(HEADER.split(",")),
        jingle("杨三", residentId()), jingle("杨四", residentId()))));
    try (DebianChromium.Session chromium = DebianChromium.launch()) {
      try (BrowserWindow window = BrowserWindow.open(chromium.browser())) {
        Page page = loggedIn(window, "klhousing");
        page.navigate("http://localhost:" + port + "/intake/");
        assertThat(page.locator("#permission")).isVisible();
        assertThat(page.locator("#permission")).containsText("没有登记农户的权限");
        assertThat(page.locator("#permission")).containsText("may not register households");
        assertThat(page.locator("#upload button")).isDisabled();
        assertThat(page.locator("#file")).isDisabled();
      }
      try (BrowserWindow window = BrowserWindow.open(chromium.browser())) {
        Page page = loggedIn(window, CLERK);
        page.navigate("http://localhost:" + port + "/intake/#" + id(failed));
        assertThat(page.locator("#permission")).isHidden();
        assertThat(page.locator("#upload button")).isEnabled();
        assertThat(page.locator("#status")).hasText("失败 Failed");
        assertThat(page.locator("#status")).hasCSS("color", "rgb(164, 22, 26)");
        assertThat(page.locator("#statusMessage")).containsText("nothing was imported");
        assertThat(page.locator("#rowsImported")).hasText("0");
        assertThat(page.locator("#imports tr", new Page.LocatorOptions().setHasText("静乐.csv")).first()
            .locator("td.status-FAILED")).hasText("失败 Failed");
        assertThat(page.locator("#errors tr")).hasCount(2);
      }
    }
  }

  /** The page and its calls to /api with the user's HTTP Basic login, as the browser sends it once asked. */
  private static Page loggedIn(BrowserWindow window, String user) {
    window.page().setExtraHTTPHeaders(Map.of("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))));
    return window.page();
  }
}
