package org.anju.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each role may do, as engine authorizations of its group. The tenant check narrows every grant
 * to the group's own counties; tasks are granted by the engine itself to their candidate groups, so
 * a role works exactly the steps whose candidate group it is.
 */
final class RolePermissions {

  static final String HOUSEHOLD_CASE = "household-case";
  static final String PROBLEM_RECTIFICATION = "problem-rectification";
  static final String RELOCATION_FOLLOW_UP = "relocation-follow-up";
  /** The processes of a county's cases, each instance in its county's tenant. */
  static final List<String> CASE_PROCESSES = List.of(HOUSEHOLD_CASE, PROBLEM_RECTIFICATION, RELOCATION_FOLLOW_UP);

  private RolePermissions() {}

  /** A grant: resource, resource id and permissions. */
  record Grant(Resource resource, String resourceId, Permission... permissions) {}

  static List<Grant> of(Role role) {
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(new Grant(Resources.FILTER, ANY, Permissions.READ));
    // READ_INSTANCE: Tasklist shows the household on each task card from the case's variables; the
    // tenant check keeps that to the staff's own county
    for (String key : CASE_PROCESSES) {
      grants.add(new Grant(Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE));
    }
    if (role.registersHouseholds()) {
      grants.add(new Grant(Resources.PROCESS_DEFINITION, HOUSEHOLD_CASE, ProcessDefinitionPermissions.CREATE_INSTANCE));
      grants.add(new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
    }
    if (role.startsChecks()) {
      grants.add(new Grant(Resources.PROCESS_DEFINITION, PROBLEM_RECTIFICATION,
          ProcessDefinitionPermissions.CREATE_INSTANCE));
      grants.add(new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
    }
    if (role.watchesInCockpit()) {
      grants.add(new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS));
      // the cases only, not ANY: the machinery's instances and jobs (overdue watch, deliveries) and the
      // province-wide campaign instance carry no county and must not show to a county's staff
      for (String key : CASE_PROCESSES) {
        grants.add(new Grant(Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK));
      }
      grants.add(new Grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
      grants.add(new Grant(Resources.DEPLOYMENT, ANY, Permissions.READ));
    }
    return grants;
  }

  /** Grants the role's permissions to a group, adding to what it has; idempotent. */
  static void grant(AuthorizationService authorizations, String groupId, Role role) {
    // earlier releases granted Cockpit's watchers every process definition; withdrawn
    authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(ANY).list().forEach(stale -> authorizations.deleteAuthorization(stale.getId()));
    for (Grant grant : of(role)) {
      Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
          .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
      Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
      for (Permission permission : grant.permissions()) {
        authorization.addPermission(permission);
      }
      authorizations.saveAuthorization(authorization);
    }
  }
}
