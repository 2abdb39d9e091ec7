package org.anju.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** Register intake on the embedded default, H2, plus a large file and the intake page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegisterIntakeH2Test extends RegisterIntakeChecks {

  /**
   * Rows of the large file. Registering a household starts its case, which the engine does at some
   * tens to a few hundred rows a second on H2 depending on the machine: 2,000 keeps the suite quick;
   * {@code -Danju.intake.test-rows=20000} runs the full size.
   */
  static final int LARGE = Integer.getInteger("anju.intake.test-rows", 2_000);

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
}
