package org.anju.demo;

import java.util.List;

import org.anju.access.CountySetup;
import org.anju.access.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Component;

/**
 * The demo staff of two counties of Xinzhou (岢岚县 and 静乐县): both counties set up as an
 * administrator would, one user per role, plus a city and a province supervisor and an administrator.
 * Every password is {@code demo}.
 */
@Component
public class DemoUsers {

  public static final String PASSWORD = "demo";

  /** A demo county: its codes, the township of its demo households, and the prefix of its user ids. */
  public record DemoCounty(String prefix, String name, String cityCode, String countyCode, String townshipCode,
      String townshipName) {}

  public static final DemoCounty KELAN = new DemoCounty("kl", "岢岚县", "1409", "140929", "140929102", "宋家沟镇");
  public static final DemoCounty JINGLE = new DemoCounty("jl", "静乐县", "1409", "140926", "140926100", "鹅城镇");
  public static final List<DemoCounty> COUNTIES = List.of(KELAN, JINGLE);

  /** The county and township roles with the suffix of their demo user's id. */
  static final List<Object[]> COUNTY_USERS = List.of(
      new Object[] {Role.VILLAGE, "village"}, new Object[] {Role.TOWNSHIP, "township"},
      new Object[] {Role.APPRAISER, "appraiser"}, new Object[] {Role.HOUSING, "housing"},
      new Object[] {Role.POVERTY, "poverty"}, new Object[] {Role.CIVIL_AFFAIRS, "civil"},
      new Object[] {Role.DISABLED_FEDERATION, "disabled"}, new Object[] {Role.FINANCE, "finance"},
      new Object[] {Role.LEADING_GROUP, "leader"});

  private final IdentityService identity;
  private final CountySetup counties;

  public DemoUsers(IdentityService identity, CountySetup counties) {
    this.identity = identity;
    this.counties = counties;
  }

  /** The demo user id of a role in a demo county, e.g. {@code kltownship}. */
  public static String userOf(DemoCounty county, Role role) {
    return COUNTY_USERS.stream().filter(entry -> entry[0] == role)
        .map(entry -> county.prefix() + entry[1]).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo user for " + role));
  }

  /** Creates whatever of the demo identities does not exist yet. */
  public void create() {
    for (DemoCounty county : COUNTIES) {
      counties.setUp(county.countyCode());
      for (Object[] entry : COUNTY_USERS) {
        Role role = (Role) entry[0];
        String code = role.level() == Role.Level.TOWNSHIP ? county.townshipCode() : county.countyCode();
        String place = role.level() == Role.Level.TOWNSHIP ? county.townshipName() : county.name();
        user(county.prefix() + entry[1], place + " " + role.title(), county.name(), role.groupId(code));
      }
    }
    user("xzsupervisor", "忻州市 " + Role.CITY_SUPERVISOR.title(), "忻州市", Role.CITY_SUPERVISOR.groupId("1409"));
    user("provincesupervisor", "山西省 " + Role.PROVINCE_SUPERVISOR.title(), "山西省",
        Role.PROVINCE_SUPERVISOR.groupId("14"));
    user("admin", "管理员 Administrator", "山西省", Groups.CAMUNDA_ADMIN);
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(PASSWORD);
      user.setEmail(id + "@anju.example");
      // demo data only: "demo" is shorter than the password policy allows (PasswordRules), and the README
      // promises it, so the policy is skipped here and nowhere else; the profile rules still apply
      ((IdentityServiceImpl) identity).saveUser(user, true);
      identity.createMembership(id, groupId);
    }
  }
}
