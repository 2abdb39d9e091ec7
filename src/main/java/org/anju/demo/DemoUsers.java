package org.anju.demo;

import java.util.List;
import java.util.Map;

import org.anju.access.RoleGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The demo staff of two counties of Xinzhou (岢岚县 and 静乐县), one user per role, plus a city and a
 * province supervisor and an administrator. Every password is {@code demo}.
 */
@Component
public class DemoUsers {

  public static final String PASSWORD = "demo";

  /** A demo county: its code, one township with demo households, and the prefix of its user ids. */
  public record DemoCounty(String prefix, String name, String cityCode, String countyCode, String townshipCode,
      String townshipName) {}

  public static final DemoCounty KELAN = new DemoCounty("kl", "岢岚县", "1409", "140929", "140929102", "宋家沟镇");
  public static final DemoCounty JINGLE = new DemoCounty("jl", "静乐县", "1409", "140926", "140926100", "鹅城镇");
  public static final List<DemoCounty> COUNTIES = List.of(KELAN, JINGLE);

  private final IdentityService identity;

  public DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  /** Creates whatever of the demo identities does not exist yet. */
  public void create() {
    for (DemoCounty county : COUNTIES) {
      String c = county.countyCode();
      String t = county.townshipCode();
      Map<String, String[]> roles = Map.of(
          "village", new String[] {RoleGroups.village(t), county.townshipName() + " 村干部 Village cadres"},
          "township", new String[] {RoleGroups.township(t), county.townshipName() + " 乡镇干部 Township staff"},
          "appraiser", new String[] {RoleGroups.appraiser(c), county.name() + " 鉴定人员 Appraisers"},
          "housing", new String[] {RoleGroups.housing(c), county.name() + " 住建局 Housing bureau"},
          "poverty", new String[] {RoleGroups.poverty(c), county.name() + " 扶贫办 Poverty-alleviation office"},
          "civil", new String[] {RoleGroups.civilAffairs(c), county.name() + " 民政局 Civil-affairs bureau"},
          "disabled", new String[] {RoleGroups.disabledFederation(c), county.name() + " 残联 Disabled persons' federation"},
          "finance", new String[] {RoleGroups.finance(c), county.name() + " 财政局 Finance bureau"},
          "leader", new String[] {RoleGroups.leadingGroup(c), county.name() + " 扶贫开发领导小组 Leading group"});
      roles.forEach((role, group) -> {
        group(group[0], group[1]);
        user(county.prefix() + role, group[1], county.name(), group[0]);
      });
    }
    group(RoleGroups.citySupervisor("1409"), "忻州市 督导 City supervisors");
    user("xzsupervisor", "忻州市 督导 City supervisor", "忻州市", RoleGroups.citySupervisor("1409"));
    group(RoleGroups.provinceSupervisor(), "山西省 督导 Province supervisors");
    user("provincesupervisor", "省级督导 Province supervisor", "山西省", RoleGroups.provinceSupervisor());
    group(Groups.CAMUNDA_ADMIN, "管理员 Administrators");
    user("admin", "管理员 Administrator", "山西省", Groups.CAMUNDA_ADMIN);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(PASSWORD);
      user.setEmail(id + "@anju.example");
      identity.saveUser(user);
      identity.createMembership(id, groupId);
    }
  }
}
