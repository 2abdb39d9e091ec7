package org.anju.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntakeWebConfigTest {

  @Test
  void sizesReadAsPeopleReadThem() {
    assertThat(IntakeWebConfig.readable(50L * 1024 * 1024)).isEqualTo("50 MB");
    assertThat(IntakeWebConfig.readable(512L * 1024)).isEqualTo("512 KB");
    assertThat(IntakeWebConfig.readable(1536L * 1024)).isEqualTo("1.5 MB");
    assertThat(IntakeWebConfig.readable(100)).isEqualTo("100 bytes");
  }
}
