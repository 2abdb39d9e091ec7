package org.anju.household;

import java.util.HashMap;
import java.util.Map;

import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;

/** What the registration form asks of a household. */
public record Registration(
    String headName,
    String residentId,
    KeyGroup keyGroup,
    String cityCode,
    String countyCode,
    String townshipCode,
    String village,
    String houseAddress,
    long householdSize,
    boolean dynamicGuarantee) {

  /** The start variables, as the registration form submits them. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.HEAD_NAME, headName);
    variables.put(Vars.RESIDENT_ID, residentId);
    variables.put(Vars.KEY_GROUP, keyGroup.name());
    variables.put(Vars.CITY_CODE, cityCode);
    variables.put(Vars.COUNTY_CODE, countyCode);
    variables.put(Vars.TOWNSHIP_CODE, townshipCode);
    variables.put(Vars.VILLAGE, village);
    variables.put(Vars.HOUSE_ADDRESS, houseAddress);
    variables.put(Vars.HOUSEHOLD_SIZE, householdSize);
    variables.put(Vars.DYNAMIC_GUARANTEE, dynamicGuarantee);
    return variables;
  }
}
