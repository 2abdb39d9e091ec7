package org.anju.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/** Administrators may do everything; the engine also exempts them from the tenant check. */
final class AdminPermissions {

  private AdminPermissions() {}

  static void grantAll(AuthorizationService authorizations, String groupId) {
    for (Resource resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(ANY).count() > 0) {
        continue;
      }
      Authorization all = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      all.setGroupId(groupId);
      all.setResource(resource);
      all.setResourceId(ANY);
      all.addPermission(Permissions.ALL);
      authorizations.saveAuthorization(all);
    }
  }
}
