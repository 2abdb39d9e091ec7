package org.anju.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A county's paper numbers, as its clerks write them and as the server checks them. */
class ReferenceFormatsTest {

  @Test
  void aCountysOwnFormatWinsOverTheProvincesAndNamesTheCasesTownship() {
    ReferenceFormats formats = new ReferenceFormats();
    formats.setCounties(Map.of("140929", Map.of("archiveNumber", "岢岚县{township}危改字[{year}]{n}号")));

    String kelan = formats.format("archiveNumber", "140929").orElseThrow();
    assertThat(ReferenceFormats.matches(kelan, "岢岚县宋家沟镇危改字[2026]42号", "宋家沟镇")).isTrue();
    // another township's number, a missing year, a letter in the serial: refused
    assertThat(ReferenceFormats.matches(kelan, "岢岚县三井镇危改字[2026]42号", "宋家沟镇")).isFalse();
    assertThat(ReferenceFormats.matches(kelan, "岢岚县宋家沟镇危改字[]42号", "宋家沟镇")).isFalse();
    assertThat(ReferenceFormats.matches(kelan, "岢岚县宋家沟镇危改字[2026]4a号", "宋家沟镇")).isFalse();

    // elsewhere the province's format: any place name, bracketed year, serial
    String province = formats.format("archiveNumber", "140902").orElseThrow();
    assertThat(ReferenceFormats.matches(province, "三井镇危改字[2026]7号", null)).isTrue();
    assertThat(ReferenceFormats.matches(province, "DA-140929-2020-0042", null)).isFalse();
    // brackets and dots in a format are literal text, not patterns
    assertThat(ReferenceFormats.matches("JD.{year}", "JDx2026", null)).isFalse();
    assertThat(formats.format("paymentReference", "140929")).isEmpty();
  }
}
