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

  boolean mayImport() {
    return administrator() || !counties().isEmpty();
  }

  /** The county scope recorded with an import. */
  String scope() {
    return administrator() ? ANY_COUNTY : String.join(",", counties());
  }

  /** Whether the user may see an import of that scope: administrators all, clerks their county's. */
  boolean sees(String scope) {
    if (administrator()) {
      return true;
    }
    List<String> mine = counties();
    return Arrays.stream(scope.split(",")).anyMatch(mine::contains);
  }
}
