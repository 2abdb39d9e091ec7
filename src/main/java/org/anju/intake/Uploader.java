package org.anju.intake;

import java.util.Arrays;
import java.util.List;

import org.anju.access.CurrentUser;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user who uploads a register, with the groups and tenants the request authenticated. */
record Uploader(String userId, List<String> groups, List<String> tenants) {

  static final String ANY_COUNTY = "*";

  static Uploader of(Authentication user) {
    if (user == null || user.getUserId() == null) {
      return null;
    }
    return new Uploader(user.getUserId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
        user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds()));
  }

  /** A province administrator imports into any county. */
  boolean administrator() {
    return groups.contains(Groups.CAMUNDA_ADMIN);
  }

  /** The counties whose tenant the user belongs to. */
  List<String> counties() {
    return CurrentUser.counties(tenants);
  }

  /** Whether the user acts for any county at all; whether they may register is the engine's to say. */
  boolean hasCounty() {
    return administrator() || !counties().isEmpty();
  }

  /** The county scope recorded with an import. */
  String scope() {
    return administrator() ? ANY_COUNTY : String.join(",", counties());
  }

  /**
   * Whether the user sees every county an import of that scope may touch, and so all of it: an
   * administrator any import, a clerk one made in their own county. Others see only the rows of
   * their counties ({@link RegisterImports#counted}).
   */
  boolean seesAll(String scope) {
    if (administrator()) {
      return true;
    }
    return !ANY_COUNTY.equals(scope) && counties().containsAll(Arrays.asList(scope.split(",")));
  }

  /**
   * The county a row of this uploader's file concerns: its county code when the uploader may import
   * into that county, else '' (a row refused for its county, or with none), which only those who see
   * the whole import see.
   */
  String countyOf(Object countyCode) {
    if (!(countyCode instanceof String code) || !code.matches("\\d{6}")) {
      return "";
    }
    return administrator() || counties().contains(code) ? code : "";
  }
}
