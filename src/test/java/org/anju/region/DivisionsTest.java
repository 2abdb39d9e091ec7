package org.anju.region;

import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.anju.region.Division.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shanxi's divisions as {@link Divisions} reads them from {@code data/shanxi-divisions.csv}. */
class DivisionsTest {

  static Divisions divisions;
  static List<Division> cities;
  static List<Division> counties;
  static List<Division> townships;

  /** Walks the code tree through the public lookup: every city, county and township below Shanxi. */
  @BeforeAll
  static void walkTheTree() {
    divisions = new Divisions();
    cities = below("14", 2, Level.CITY);
    counties = cities.stream().flatMap(city -> below(city.code(), 2, Level.COUNTY).stream()).toList();
    townships = counties.stream().flatMap(county -> below(county.code(), 3, Level.TOWNSHIP).stream()).toList();
  }

  @Test
  void shouldHoldElevenCities1401To1411() {
    assertThat(cities).extracting(Division::code)
        .containsExactlyElementsOf(IntStream.rangeClosed(1401, 1411).mapToObj(Integer::toString).toList());
    assertThat(cities).allSatisfy(city -> assertThat(city.parentCode()).isEqualTo("14"));
    assertThat(divisions.nameOf("1409")).isEqualTo("忻州市");
  }

  @Test
  void shouldHold121CountiesOfWhichFourAreDevelopmentZones() {
    assertThat(counties).hasSize(121);
    assertThat(counties).filteredOn(county -> county.code().endsWith("71")).hasSize(4);
  }

  @Test
  void shouldHold1352Townships() {
    assertThat(townships).hasSize(1352);
  }

  @Test
  void shouldHoldNothingBesidesTheProvinceAndItsCitiesCountiesAndTownships() {
    assertThat(divisions.find("14")).get().extracting(Division::level).isEqualTo(Level.PROVINCE);
    assertThat(divisions.size()).isEqualTo(1 + cities.size() + counties.size() + townships.size()).isEqualTo(1485);
  }

  @Test
  void shouldPlaceSongjiagouInKelan() {
    assertThat(divisions.find("140929102")).contains(
        new Division("140929102", "宋家沟镇", Level.TOWNSHIP, "140929"));
    assertThat(divisions.isChild("140929102", Level.TOWNSHIP, "140929")).isTrue();
    assertThat(divisions.nameOf("140929")).isEqualTo("岢岚县");
  }

  @ParameterizedTest(name = "{0} is a {1} of {2}: {3}")
  @CsvSource({
      "1409,      CITY,     14,     true",
      "140929,    COUNTY,   1409,   true",
      "140929102, TOWNSHIP, 140929, true",
      "140926100, TOWNSHIP, 140926, true",
      // a township of 静乐县, not of 岢岚县
      "140926100, TOWNSHIP, 140929, false",
      // right parent, wrong level
      "140929102, COUNTY,   140929, false",
      "140929,    TOWNSHIP, 1409,   false",
      // a grandchild is not a child
      "140929102, TOWNSHIP, 1409,   false",
      "140929,    COUNTY,   14,     false",
      // unknown codes
      "140929999, TOWNSHIP, 140929, false",
      "1412,      CITY,     14,     false"})
  void shouldTellWhetherADivisionLiesDirectlyBelowAnother(String child, Level level, String parent, boolean expected) {
    assertThat(divisions.isChild(child, level, parent)).isEqualTo(expected);
  }

  @Test
  void shouldFindNothingForAMissingCodeAndNameAnUnknownCodeByItself() {
    assertThat(divisions.find(null)).isEmpty();
    assertThat(divisions.isChild(null, Level.TOWNSHIP, "140929")).isFalse();
    assertThat(divisions.nameOf("999999")).isEqualTo("999999");
  }

  /** Every division of {@code level} whose code is {@code parent} followed by {@code digits} digits. */
  private static List<Division> below(String parent, int digits, Level level) {
    List<Division> found = new ArrayList<>();
    int limit = (int) Math.pow(10, digits);
    for (int i = 0; i < limit; i++) {
      String code = parent + String.format("%0" + digits + "d", i);
      divisions.find(code).filter(d -> d.level() == level && d.parentCode().equals(parent)).ifPresent(found::add);
    }
    return found;
  }
}
