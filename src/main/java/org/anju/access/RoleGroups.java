package org.anju.access;

/**
 * Camunda group ids of the roles in a place. Ids are letters and digits only, so they pass the
 * engine's default id whitelist: a role name followed by the division code it serves, e.g.
 * {@code township140929102} or {@code housing140929}.
 */
public final class RoleGroups {

  private RoleGroups() {}

  /** Village cadres of the villages of a township. */
  public static String village(String townshipCode) {
    return Role.VILLAGE.groupId(townshipCode);
  }

  /** Township staff. */
  public static String township(String townshipCode) {
    return Role.TOWNSHIP.groupId(townshipCode);
  }

  public static String appraiser(String countyCode) {
    return Role.APPRAISER.groupId(countyCode);
  }

  /** County housing and construction bureau. */
  public static String housing(String countyCode) {
    return Role.HOUSING.groupId(countyCode);
  }

  /** County poverty-alleviation office. */
  public static String poverty(String countyCode) {
    return Role.POVERTY.groupId(countyCode);
  }

  /** County civil-affairs bureau. */
  public static String civilAffairs(String countyCode) {
    return Role.CIVIL_AFFAIRS.groupId(countyCode);
  }

  /** County disabled persons' federation. */
  public static String disabledFederation(String countyCode) {
    return Role.DISABLED_FEDERATION.groupId(countyCode);
  }

  /** County finance bureau. */
  public static String finance(String countyCode) {
    return Role.FINANCE.groupId(countyCode);
  }

  /** County poverty-alleviation leading group. */
  public static String leadingGroup(String countyCode) {
    return Role.LEADING_GROUP.groupId(countyCode);
  }

  public static String citySupervisor(String cityCode) {
    return Role.CITY_SUPERVISOR.groupId(cityCode);
  }

  public static String provinceSupervisor() {
    return Role.PROVINCE_SUPERVISOR.groupId("14");
  }

  /** The tenant of a county, for per-county isolation. */
  public static String tenant(String countyCode) {
    return TENANT_PREFIX + countyCode;
  }

  public static final String TENANT_PREFIX = "county";
}
