package org.anju.rectification;

import org.anju.access.RoleGroups;
import org.anju.rectification.ProblemRectificationProcess.CheckLevel;

/**
 * Who does what at each level of the "three three" method: who checks, who rectifies (the party
 * checked), who verifies (the level above it) and who closes out (the county).
 */
record CheckGroups(String checker, String rectifier, String verifier, String closer) {

  static CheckGroups of(CheckLevel level, String countyCode, String townshipCode) {
    String village = RoleGroups.village(townshipCode);
    String township = RoleGroups.township(townshipCode);
    String county = RoleGroups.housing(countyCode);
    return switch (level) {
      case VILLAGE -> new CheckGroups(village, village, township, county);
      case TOWNSHIP -> new CheckGroups(township, village, township, county);
      case COUNTY -> new CheckGroups(county, township, county, county);
    };
  }
}
