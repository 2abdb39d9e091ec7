package org.anju.access;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What Anju's own API needs to know of the logged-in user: administrator or not, and their counties. */
public final class CurrentUser {

  private CurrentUser() {}

  public static boolean isAdministrator(Authentication user) {
    return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }

  /** The county codes of the given tenant ids ({@code county140929} → {@code 140929}), sorted. */
  public static List<String> counties(Collection<String> tenantIds) {
    return tenantIds == null ? List.of() : tenantIds.stream().filter(t -> t.startsWith(RoleGroups.TENANT_PREFIX))
        .map(t -> t.substring(RoleGroups.TENANT_PREFIX.length())).filter(c -> c.matches("\\d{6}")).sorted().toList();
  }

  /** The counties whose data the user may see; null for an administrator, who sees every county. */
  public static List<String> visibleCounties(Authentication user) {
    if (user == null) {
      return List.of();
    }
    return isAdministrator(user) ? null : counties(user.getTenantIds());
  }
}
