package org.anju.access;

import static org.anju.support.RestVariables.typed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.Registration;
import org.anju.region.Division;
import org.anju.region.Divisions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a province administrator does to bring a county on board, through Anju's admin API: set up the
 * county (迎泽区 of Taiyuan, which no demo data and no other suite uses), import its staff from CSV, and
 * the staff log in to the engine REST API and see their own county only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminApiTest {

  static final String COUNTY = "140106";
  static final String CITY = "1401";
  static final String TENANT = RoleGroups.tenant(COUNTY);
  static final String PASSWORD = "yingze-2020";

  @Autowired
  TestRestTemplate rest;

  @Autowired
  IdentityService identity;

  @Autowired
  AuthorizationService authorizations;

  @Autowired
  HistoryService history;

  @Autowired
  Divisions divisions;

  @Autowired
  JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldSetUpACountyWithItsTenantAndTheGroupsOfEveryRoleAndPlace() {
    Reply reply = send("admin", DemoUsers.PASSWORD, HttpMethod.POST, "/api/admin/counties/" + COUNTY, null, null);

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    Map<String, Object> answer = reply.json();
    assertThat(answer).containsEntry("tenant", TENANT);
    assertThat(groupsIn(answer)).containsExactlyInAnyOrderElementsOf(expectedGroups());
    Tenant tenant = identity.createTenantQuery().tenantId(TENANT).singleResult();
    assertThat(tenant.getName()).isEqualTo("迎泽区");
    assertThat(identity.createGroupQuery().memberOfTenant(TENANT).list()).extracting(Group::getId)
        .containsExactlyInAnyOrderElementsOf(expectedGroups());
    String township = RoleGroups.township(divisions.childrenOf(COUNTY).get(0).code());
    assertThat(identity.createGroupQuery().groupId(township).singleResult().getName()).endsWith("乡镇干部 Township staff");
    Authorization registers = authorizations.createAuthorizationQuery().groupIdIn(township)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(HouseholdCaseProcess.KEY).singleResult();
    assertThat(registers.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE))
        .as("township staff register households").isTrue();
    Authorization finance = authorizations.createAuthorizationQuery().groupIdIn(RoleGroups.finance(COUNTY))
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(HouseholdCaseProcess.KEY).singleResult();
    assertThat(finance.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE))
        .as("finance registers no household").isFalse();
  }

  @Test
  void shouldChangeNothingWhenACountyIsSetUpAgain() {
    Reply first = send("admin", DemoUsers.PASSWORD, HttpMethod.POST, "/api/admin/counties/" + COUNTY, null, null);
    Map<String, Object> before = identities();

    Reply again = send("admin", DemoUsers.PASSWORD, HttpMethod.POST, "/api/admin/counties/" + COUNTY, null, null);

    assertThat(again.status()).as("%s", again).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(identities()).isEqualTo(before);
  }

  @Test
  void shouldImportUsersWhoLogInAndSeeTheirCountyAndNothingOfXinzhou() {
    send("admin", DemoUsers.PASSWORD, HttpMethod.POST, "/api/admin/counties/" + COUNTY, null, null);
    String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000));
    String townshipCode = divisions.childrenOf(COUNTY).stream().filter(d -> d.name().equals("郝庄镇")).findFirst()
        .map(Division::code).orElseThrow();
    String clerk = "yztownship" + suffix;
    String housing = "yzhousing" + suffix;
    String supervisor = "tycity" + suffix;
    String csv = UserImport.HEADER + "\n"
        + clerk + ",郝庄镇,乡镇干部," + clerk + "@anju.example," + PASSWORD + "," + RoleGroups.township(townshipCode) + "\n"
        + housing + ",迎泽区,住建局,," + PASSWORD + "," + RoleGroups.housing(COUNTY) + "\n"
        + supervisor + ",太原市,督导,," + PASSWORD + "," + RoleGroups.citySupervisor(CITY) + ";" + RoleGroups.housing(COUNTY)
        + "\n";

    Reply imported = send("admin", DemoUsers.PASSWORD, HttpMethod.POST, "/api/admin/users", "text/csv;charset=UTF-8", csv);

    assertThat(imported.status()).as("%s", imported).isEqualTo(201);
    assertThat(imported.json()).containsEntry("created", 3);
    assertThat(identity.createUserQuery().userId(clerk).singleResult().getFirstName()).isEqualTo("郝庄镇");
    assertThat(identity.createGroupQuery().groupMember(supervisor).list()).extracting(Group::getId)
        .containsExactlyInAnyOrder(RoleGroups.citySupervisor(CITY), RoleGroups.housing(COUNTY));

    Reply registered = send(clerk, PASSWORD, HttpMethod.POST,
        "/engine-rest/process-definition/key/" + HouseholdCaseProcess.KEY + "/submit-form", "application/json",
        json(Map.of("variables", typed(registrationIn(townshipCode).toVariables()))));
    assertThat(registered.status()).as("the imported township clerk registers a household: %s", registered).isEqualTo(200);
    String ownCase = (String) registered.json().get("id");

    List<String> xinzhou = xinzhouMarkers();
    for (String user : List.of(clerk, housing, supervisor)) {
      for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance",
          "/engine-rest/history/variable-instance", "/engine-rest/incident")) {
        Reply reply = send(user, PASSWORD, HttpMethod.GET, path, null, null);
        assertThat(reply.status()).as("%s logs in: %s", user, reply).isEqualTo(200);
        assertThat(reply.body()).as("%s %s shows nothing of Xinzhou", user, path).doesNotContain(xinzhou.toArray(String[]::new));
      }
    }
    for (String watcher : List.of(housing, supervisor)) {
      assertThat(send(watcher, PASSWORD, HttpMethod.GET, "/engine-rest/process-instance", null, null).body())
          .as("%s sees 迎泽区's case", watcher).contains(ownCase);
    }
  }

  @Test
  void shouldImportNobodyWhenOneRowIsBad() {
    send("admin", DemoUsers.PASSWORD, HttpMethod.POST, "/api/admin/counties/" + COUNTY, null, null);
    String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000));
    String csv = UserImport.HEADER + "\n"
        + "good" + suffix + ",王,一,,good-password," + RoleGroups.housing(COUNTY) + "\n"
        + "short" + suffix + ",王,二,,short," + RoleGroups.housing(COUNTY) + "\n"
        + "fine" + suffix + ",王,三,,fine-password," + RoleGroups.finance(COUNTY) + "\n";
    long users = identity.createUserQuery().count();

    Reply refused = send("admin", DemoUsers.PASSWORD, HttpMethod.POST, "/api/admin/users", "text/csv;charset=UTF-8", csv);

    assertThat(refused.status()).as("%s", refused).isEqualTo(400);
    assertThat((String) refused.json().get("message")).contains("No user was imported");
    assertThat(refused.json()).as("an RFC 9457 problem detail").containsEntry("status", 400)
        .containsEntry("type", "urn:anju:problem:validation").containsEntry("title", "输入有误 Invalid input")
        .containsEntry("detail", refused.json().get("message"));
    assertThat(refused.json().get("errors"))
        .isEqualTo(List.of(Map.of("line", 3, "field", "password", "reason", "must have 8 to 128 characters")));
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createUserQuery().userIdIn("good" + suffix, "fine" + suffix).count()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  private List<String> expectedGroups() {
    List<String> groups = new ArrayList<>();
    for (Role role : Role.values()) {
      switch (role.level()) {
        case COUNTY -> groups.add(role.groupId(COUNTY));
        case TOWNSHIP -> divisions.childrenOf(COUNTY).forEach(township -> groups.add(role.groupId(township.code())));
        case CITY -> groups.add(role.groupId(CITY));
        case PROVINCE -> groups.add(RoleGroups.provinceSupervisor());
      }
    }
    assertThat(groups).as("7 county roles, 2 per township, city and province supervisors")
        .hasSize(7 + 2 * divisions.childrenOf(COUNTY).size() + 2);
    return groups;
  }

  @SuppressWarnings("unchecked")
  private static List<String> groupsIn(Map<String, Object> answer) {
    return (List<String>) answer.get("groups");
  }

  /** Groups, tenants, tenant memberships and authorizations: what setting up a county writes. */
  private Map<String, Object> identities() {
    Map<String, Object> state = new TreeMap<>();
    state.put("groups", identity.createGroupQuery().count());
    state.put("tenants", identity.createTenantQuery().count());
    state.put("members of the tenant", identity.createGroupQuery().memberOfTenant(TENANT).list().stream()
        .map(Group::getId).sorted().toList());
    state.put("authorizations", authorizations.createAuthorizationQuery().count());
    state.put("authorizations of the county's groups", authorizations.createAuthorizationQuery()
        .groupIdIn(expectedGroups().toArray(String[]::new)).list().stream()
        .map(a -> a.getGroupId() + " " + a.getResourceType() + " " + a.getResourceId() + " "
            + ((AuthorizationEntity) a).getPermissions())
        .sorted().toList());
    return state;
  }

  private List<String> xinzhouMarkers() {
    List<String> markers = new ArrayList<>(List.of(RoleGroups.tenant(DemoUsers.KELAN.countyCode()),
        RoleGroups.tenant(DemoUsers.JINGLE.countyCode()), DemoUsers.KELAN.name(), DemoUsers.JINGLE.name(), "忻州"));
    history.createHistoricProcessInstanceQuery()
        .tenantIdIn(RoleGroups.tenant(DemoUsers.KELAN.countyCode()), RoleGroups.tenant(DemoUsers.JINGLE.countyCode()))
        .list().stream().map(HistoricProcessInstance::getId).forEach(markers::add);
    return markers;
  }

  private Registration registrationIn(String townshipCode) {
    String residentId;
    do {
      residentId = DemoSteps.residentId(COUNTY, 1900 + ThreadLocalRandom.current().nextInt(40),
          ThreadLocalRandom.current().nextInt(1000));
    } while (jdbc.queryForObject("select count(*) from household where resident_id = ?", Long.class, residentId) > 0);
    return new Registration("郝庄户", residentId, KeyGroup.POOR, CITY, COUNTY, townshipCode, "郝庄村", "郝庄村 5 号", 3, true);
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One answer of the server. */
  record Reply(int status, String body, ObjectMapper mapper) {

    Map<String, Object> json() {
      try {
        return mapper.readValue(body, new TypeReference<Map<String, Object>>() {});
      } catch (IOException e) {
        throw new AssertionError("not a JSON object: " + this, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
  }

  private Reply send(String user, String password, HttpMethod method, String path, String contentType, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password, UTF_8);
    if (contentType != null) {
      headers.setContentType(MediaType.parseMediaType(contentType));
    }
    ResponseEntity<byte[]> response = rest.exchange(path, method,
        new HttpEntity<>(body == null ? null : body.getBytes(UTF_8), headers), byte[].class);
    return new Reply(response.getStatusCode().value(), response.getBody() == null ? "" : new String(response.getBody(), UTF_8),
        json);
  }
}
