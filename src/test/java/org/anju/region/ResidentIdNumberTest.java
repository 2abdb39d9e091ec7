package org.anju.region;

import org.anju.clock.AnjuClock;
import static org.assertj.core.api.Assertions.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The resident ID number rules of GB 11643-1999 as Anju checks them. */
class ResidentIdNumberTest {

  static final String VALID = "11010519491231002X";

  @ParameterizedTest
  @ValueSource(strings = {VALID, "140929198001011238", "140929200002290048", "440304199912310015"})
  void shouldAcceptAValidNumber(String id) {
    assertThat(ResidentIdNumber.problem(id, today())).isEmpty();
  }

  @Test
  void shouldAcceptALowerCaseX() {
    assertThat(ResidentIdNumber.problem("11010519491231002x", today())).isEmpty();
  }

  @Test
  void shouldComputeTheCheckCharacterByIso7064Mod11() {
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.checkCharacter("14092919800101123")).isEqualTo('8');
    assertThat(ResidentIdNumber.checkCharacter("44030419991231001")).isEqualTo('5');
  }

  @Test
  void shouldNameTheExpectedCharacterWhenTheCheckCharacterIsWrong() {
    assertThat(ResidentIdNumber.problem("110105194912310021", today()))
        .contains("has a wrong check character '1' (expected 'X')");
    assertThat(ResidentIdNumber.problem("140929198001011230", today()))
        .contains("has a wrong check character '0' (expected '8')");
  }

  @ParameterizedTest
  @CsvSource({
      "11010519491231002,   'must have 18 characters, not 17'",
      "11010519491231002X0, 'must have 18 characters, not 19'"})
  void shouldRequireEighteenCharacters(String id, String problem) {
    assertThat(ResidentIdNumber.problem(id, today())).contains(problem);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void shouldRequireANumber(String id) {
    assertThat(ResidentIdNumber.problem(id, today())).contains("is required");
  }

  @ParameterizedTest
  @CsvSource({
      "A1010519491231002X, 1",
      "11010519491231A02X, 15",
      "1101051949123100XX, 17",
      "110105-9491231002X, 7",
      // a full-width digit is a Unicode digit but not an ASCII one
      "１1010519491231002X, 1"})
  void shouldRequireDigitsBeforeTheCheckCharacter(String id, int position) {
    assertThat(ResidentIdNumber.problem(id, today())).contains("character " + position + " must be a digit");
  }

  @ParameterizedTest
  @CsvSource({
      "00000019491231002, 000000",
      "99010519491231002, 990105",
      // 10 and 20 lie between province codes; 24 and 83 lie after them
      "10092919800101123, 100929",
      "24092919800101123, 240929",
      "83092919800101123, 830929"})
  void shouldRejectAnAreaCodeOfNoProvince(String first17, String area) {
    assertThat(ResidentIdNumber.problem(withCheckCharacter(first17), today()))
        .contains("has an unknown area code " + area + " (its first 2 digits must be a province of China, e.g. 14 for Shanxi)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82"})
  void shouldAcceptSomeoneBornInAnyProvinceOfChina(String province) {
    assertThat(ResidentIdNumber.problem(withCheckCharacter(province + "010519491231002"), today())).isEmpty();
  }

  @Test
  void shouldRejectAnImpossibleBirthDate() {
    assertThat(ResidentIdNumber.problem(withCheckCharacter("11010519490230002"), today()))
        .contains("contains an impossible birth date 19490230");
    assertThat(ResidentIdNumber.problem(withCheckCharacter("11010519491301002"), today()))
        .contains("contains an impossible birth date 19491301");
  }

  @Test
  void shouldRejectABirthDateInTheFuture() {
    String tomorrow = today().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);

    assertThat(ResidentIdNumber.problem(withCheckCharacter("140929" + tomorrow + "123"), today()))
        .contains("contains a birth date out of range " + tomorrow);
  }

  @Test
  void shouldAcceptSomeoneBornToday() {
    String id = withCheckCharacter("140929" + today().format(DateTimeFormatter.BASIC_ISO_DATE) + "123");

    assertThat(ResidentIdNumber.problem(id, today())).isEmpty();
  }

  @Test
  void shouldRejectABirthDateBefore1900() {
    assertThat(ResidentIdNumber.problem(withCheckCharacter("14092918991231123"), today()))
        .contains("contains a birth date out of range 18991231");
  }

  @Test
  void shouldMaskAllButTheFirstSixAndLastFourCharacters() {
    assertThat(ResidentIdNumber.mask(VALID)).isEqualTo("110105********002X").hasSize(18).doesNotContain("19491231");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"123456789"})
  void shouldMaskAShortOrMissingNumberCompletely(String value) {
    assertThat(ResidentIdNumber.mask(value)).isEqualTo("******");
  }

  private static String withCheckCharacter(String first17) {
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static LocalDate today() {
    return AnjuClock.today();
  }
}
