package org.anju;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The committed forms are what {@code scripts/forms/generate-forms.mjs} makes from its source: a form
 * edited by hand, or a source changed without regenerating, fails here. Node is needed; outside CI a
 * machine without it skips.
 */
class FormsGeneratedTest {

  @Test
  void everyCommittedFormIsWhatTheGeneratorMakes() throws IOException, InterruptedException {
    boolean node = hasNode();
    assumeTrue(node || System.getenv("CI") != null, "node is not installed");
    assertThat(node).as("node on CI").isTrue();
    Path output = Files.createTempFile("generate-forms", ".log");
    Process check = new ProcessBuilder("node", "scripts/forms/generate-forms.mjs", "--check")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("generator finished").isTrue();
    String log = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    assertThat(check.exitValue()).as(log).isZero();
  }

  private static boolean hasNode() {
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
