package org.anju.household;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.region.Division.Level;
import org.anju.region.Divisions;
import org.anju.region.ResidentIdNumber;
import org.anju.tasklist.StepValues;
import org.springframework.stereotype.Component;

/** The checks of a household registration, wherever it comes from. */
@Component
public class RegistrationRules {

  static final Set<String> KEY_GROUPS =
      Arrays.stream(KeyGroup.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final Divisions divisions;

  public RegistrationRules(Divisions divisions) {
    this.divisions = divisions;
  }

  /** The registration, or empty with every problem recorded in the values' errors. */
  public Optional<Registration> check(StepValues values) {
    Optional<String> headName = values.line(Vars.HEAD_NAME, 50);
    Optional<String> residentId = values.text(Vars.RESIDENT_ID, 18)
        .map(id -> id.toUpperCase(java.util.Locale.ROOT));
    residentId.flatMap(id -> ResidentIdNumber.reason(id, values.today()))
        .ifPresent(problem -> values.errors().add(Vars.RESIDENT_ID, problem.zh(), problem.en()));
    Optional<String> keyGroup = values.oneOf(Vars.KEY_GROUP, KEY_GROUPS);
    Optional<String> place = checkPlace(values, Vars.CITY_CODE, Vars.COUNTY_CODE, Vars.TOWNSHIP_CODE);
    Optional<String> village = values.line(Vars.VILLAGE, 50);
    Optional<String> address = values.line(Vars.HOUSE_ADDRESS, 200);
    Optional<Long> size = values.wholeNumber(Vars.HOUSEHOLD_SIZE, 1, 30);
    boolean dynamic = values.flag(Vars.DYNAMIC_GUARANTEE);
    if (!values.errors().isEmpty() || place.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Registration(headName.get(), residentId.get(), KeyGroup.valueOf(keyGroup.get()),
        values.text(Vars.CITY_CODE, 4).orElseThrow(), values.text(Vars.COUNTY_CODE, 6).orElseThrow(), place.get(),
        village.get(), address.get(), size.get(), dynamic));
  }

  /**
   * Checks that the township lies in the county and the county in the city; returns the township
   * code when all three fit.
   */
  public Optional<String> checkPlace(StepValues values, String cityVar, String countyVar, String townshipVar) {
    Optional<String> city = values.text(cityVar, 4);
    Optional<String> county = values.text(countyVar, 6);
    Optional<String> township = values.text(townshipVar, 9);
    if (city.isPresent() && !divisions.isChild(city.get(), Level.CITY, "14")) {
      values.errors().add(cityVar, "“" + city.get() + "”不是山西省的市", "'" + city.get() + "' is not a city of Shanxi");
      return Optional.empty();
    }
    if (city.isPresent() && county.isPresent() && !divisions.isChild(county.get(), Level.COUNTY, city.get())) {
      values.errors().add(countyVar, "“" + county.get() + "”不是" + divisions.nameOf(city.get()) + "的县（市、区）",
          "'" + county.get() + "' is not a county of city " + city.get()
          + " (" + divisions.nameOf(city.get()) + ")");
      return Optional.empty();
    }
    if (county.isPresent() && township.isPresent()
        && !divisions.isChild(township.get(), Level.TOWNSHIP, county.get())) {
      values.errors().add(townshipVar, "“" + township.get() + "”不是" + divisions.nameOf(county.get()) + "的乡镇",
          "'" + township.get() + "' is not a township of county " + county.get()
          + " (" + divisions.nameOf(county.get()) + ")");
      return Optional.empty();
    }
    return township;
  }
}
