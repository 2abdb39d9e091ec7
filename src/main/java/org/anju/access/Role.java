package org.anju.access;

/**
 * The roles of {@code domain.md}, each a Camunda group per place: its id is the prefix followed by
 * the division code ({@code township140929102}, {@code housing140929}, {@code citysupervisor1409}).
 */
public enum Role {
  VILLAGE("village", Level.TOWNSHIP, "村干部 Village cadres", true, true, false),
  TOWNSHIP("township", Level.TOWNSHIP, "乡镇干部 Township staff", true, true, false),
  APPRAISER("appraiser", Level.COUNTY, "鉴定人员 Appraisers", false, false, false),
  HOUSING("housing", Level.COUNTY, "住建局 Housing bureau", false, true, true),
  POVERTY("poverty", Level.COUNTY, "扶贫办 Poverty-alleviation office", true, false, false),
  CIVIL_AFFAIRS("civilaffairs", Level.COUNTY, "民政局 Civil-affairs bureau", true, false, false),
  DISABLED_FEDERATION("disabledfed", Level.COUNTY, "残联 Disabled persons' federation", true, false, false),
  FINANCE("finance", Level.COUNTY, "财政局 Finance bureau", false, false, false),
  LEADING_GROUP("leadinggroup", Level.COUNTY, "扶贫开发领导小组 Leading group", false, false, true),
  CITY_SUPERVISOR("citysupervisor", Level.CITY, "市级督导 City supervisors", false, false, true),
  PROVINCE_SUPERVISOR("provincesupervisor", Level.PROVINCE, "省级督导 Province supervisors", false, false, true);

  /** Where a role's groups sit. */
  public enum Level { PROVINCE, CITY, COUNTY, TOWNSHIP }

  private final String prefix;
  private final Level level;
  private final String title;
  private final boolean registersHouseholds;
  private final boolean startsChecks;
  private final boolean watchesInCockpit;

  Role(String prefix, Level level, String title, boolean registersHouseholds, boolean startsChecks,
      boolean watchesInCockpit) {
    this.prefix = prefix;
    this.level = level;
    this.title = title;
    this.registersHouseholds = registersHouseholds;
    this.startsChecks = startsChecks;
    this.watchesInCockpit = watchesInCockpit;
  }

  /** The group of this role for a place; the province supervisors' group has no code. */
  public String groupId(String divisionCode) {
    return level == Level.PROVINCE ? prefix : prefix + divisionCode;
  }

  public String prefix() {
    return prefix;
  }

  public Level level() {
    return level;
  }

  public String title() {
    return title;
  }

  public boolean registersHouseholds() {
    return registersHouseholds;
  }

  public boolean startsChecks() {
    return startsChecks;
  }

  public boolean watchesInCockpit() {
    return watchesInCockpit;
  }

  /** The role of a group id, if it is one of Anju's role groups. */
  public static java.util.Optional<Role> ofGroup(String groupId) {
    Role best = null;
    for (Role role : values()) {
      if (groupId.startsWith(role.prefix) && (best == null || role.prefix.length() > best.prefix.length())) {
        String rest = groupId.substring(role.prefix.length());
        if (role.level == Level.PROVINCE ? rest.isEmpty() : rest.matches("\\d+")) {
          best = role;
        }
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /** The division code of a role group id ({@code township140929102} → {@code 140929102}). */
  public String codeOf(String groupId) {
    return groupId.substring(prefix.length());
  }
}
