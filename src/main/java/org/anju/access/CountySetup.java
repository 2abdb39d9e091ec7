package org.anju.access;

import java.util.ArrayList;
import java.util.List;

import org.anju.region.Division;
import org.anju.region.Divisions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;

/**
 * Sets up a county for Anju: its tenant, the groups of every role in the county and its townships
 * with their permissions, and the supervisors of its city and of the province as members of its
 * tenant. Idempotent: running it again adds only what is missing.
 */
@Service
public class CountySetup {

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final Divisions divisions;

  public CountySetup(IdentityService identity, AuthorizationService authorizations, Divisions divisions) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.divisions = divisions;
  }

  /** The group ids of the county, its townships and its supervisors. */
  public List<String> setUp(String countyCode) {
    Division county = divisions.find(countyCode).filter(d -> d.level() == Division.Level.COUNTY)
        .orElseThrow(() -> new IllegalArgumentException("countyCode: '" + countyCode + "' is not a county of Shanxi"));
    String tenantId = RoleGroups.tenant(countyCode);
    if (identity.createTenantQuery().tenantId(tenantId).count() == 0) {
      Tenant tenant = identity.newTenant(tenantId);
      tenant.setName(county.name());
      identity.saveTenant(tenant);
    }
    List<String> groups = new ArrayList<>();
    for (Role role : Role.values()) {
      switch (role.level()) {
        case COUNTY -> groups.add(roleGroup(role, countyCode, county.name(), tenantId));
        case TOWNSHIP -> divisions.childrenOf(countyCode).forEach(township ->
            groups.add(roleGroup(role, township.code(), township.name(), tenantId)));
        case CITY -> groups.add(roleGroup(role, county.parentCode(), divisions.nameOf(county.parentCode()), tenantId));
        case PROVINCE -> groups.add(roleGroup(role, "14", "山西省", tenantId));
      }
    }
    return groups;
  }

  /** The province supervisors and the administrators, which exist before any county. */
  public void setUpProvince() {
    String province = Role.PROVINCE_SUPERVISOR.groupId("14");
    ensureGroup(province, "山西省 " + Role.PROVINCE_SUPERVISOR.title());
    RolePermissions.grant(authorizations, province, Role.PROVINCE_SUPERVISOR);
    ensureGroup(Groups.CAMUNDA_ADMIN, "管理员 Administrators");
    AdminPermissions.grantAll(authorizations, Groups.CAMUNDA_ADMIN);
  }

  private String roleGroup(Role role, String code, String placeName, String tenantId) {
    String groupId = role.groupId(code);
    ensureGroup(groupId, placeName + " " + role.title());
    RolePermissions.grant(authorizations, groupId, role);
    if (identity.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
      identity.createTenantGroupMembership(tenantId, groupId);
    }
    return groupId;
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
  }
}
