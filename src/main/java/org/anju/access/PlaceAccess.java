package org.anju.access;

import java.util.List;

import org.anju.tasklist.FieldErrors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Whether the user who starts something may do so for a place: a clerk registers households and
 * starts checks in their own county only, a village or township clerk in their own township only.
 * Calls without a user (the engine itself, a called process) are not restricted.
 */
public final class PlaceAccess {

  private PlaceAccess() {}

  public static void check(IdentityService identity, String countyCode, String townshipCode, FieldErrors errors) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (CurrentUser.isAdministrator(user)) {
      return;
    }
    List<String> tenants = user.getTenantIds() == null ? List.of() : user.getTenantIds();
    if (!tenants.contains(RoleGroups.tenant(countyCode))) {
      errors.add("countyCode", "用户 " + user.getUserId() + " 无权办理该县（" + countyCode + "）的事务",
          "user " + user.getUserId() + " may not act for county " + countyCode);
      return;
    }
    List<String> townships = groups.stream()
        .filter(g -> Role.ofGroup(g).filter(r -> r.level() == Role.Level.TOWNSHIP).isPresent())
        .map(g -> Role.ofGroup(g).get().codeOf(g)).toList();
    boolean countyRole = groups.stream().anyMatch(g -> Role.ofGroup(g)
        .filter(r -> r.level() != Role.Level.TOWNSHIP).isPresent());
    if (!countyRole && !townships.isEmpty() && !townships.contains(townshipCode)) {
      errors.add("townshipCode", "用户 " + user.getUserId() + " 无权办理该乡镇（" + townshipCode + "）的事务",
          "user " + user.getUserId() + " may not act for township " + townshipCode);
    }
  }
}
