package org.anju.access;

import org.anju.household.HouseholdCaseProcess.KeyGroup;

/**
 * Camunda group ids of the roles in a place. Ids are letters and digits only, so they pass the
 * engine's default id whitelist: a role name followed by the division code it serves, e.g.
 * {@code township140929102} or {@code housing140929}.
 */
public final class RoleGroups {

  private RoleGroups() {}

  /** Village cadres of the villages of a township. */
  public static String village(String townshipCode) {
    return "village" + townshipCode;
  }

  /** Township staff. */
  public static String township(String townshipCode) {
    return "township" + townshipCode;
  }

  public static String appraiser(String countyCode) {
    return "appraiser" + countyCode;
  }

  /** County housing and construction bureau. */
  public static String housing(String countyCode) {
    return "housing" + countyCode;
  }

  /** County poverty-alleviation office. */
  public static String poverty(String countyCode) {
    return "poverty" + countyCode;
  }

  /** County civil-affairs bureau. */
  public static String civilAffairs(String countyCode) {
    return "civilaffairs" + countyCode;
  }

  /** County disabled persons' federation. */
  public static String disabledFederation(String countyCode) {
    return "disabledfed" + countyCode;
  }

  /** County finance bureau. */
  public static String finance(String countyCode) {
    return "finance" + countyCode;
  }

  /** County poverty-alleviation leading group. */
  public static String leadingGroup(String countyCode) {
    return "leadinggroup" + countyCode;
  }

  public static String citySupervisor(String cityCode) {
    return "citysupervisor" + cityCode;
  }

  public static String provinceSupervisor() {
    return "provincesupervisor";
  }

  /** The office that confirms a household's membership of its key group. */
  public static String confirming(KeyGroup group, String countyCode) {
    return switch (group) {
      case POOR -> poverty(countyCode);
      case DIBAO, TEKUN -> civilAffairs(countyCode);
      case DISABLED -> disabledFederation(countyCode);
    };
  }

  /** The tenant of a county, for per-county isolation. */
  public static String tenant(String countyCode) {
    return "county" + countyCode;
  }
}
