package org.anju.walk;

import org.anju.clock.AnjuClock;
import static org.anju.household.HouseholdCaseProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.anju.access.Role;
import org.anju.support.RestVariables;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdSteps;
import org.anju.household.Registration;
import org.anju.tasklist.FormOptions;
import org.anju.tasklist.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * One household from registration to "made safe by renovation" through the engine REST API alone,
 * as Tasklist drives it: each step's deployed form is read, only its editable fields are filled,
 * the task is claimed and the form submitted. Run on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class HouseholdWalkThrough {

  static final String TOWNSHIP_CLERK = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);

  /**
   * The renovation path: the household catalogue's steps, which it lists in the path's order, without those
   * of the other paths (relocation, alternative housing) and the archive's supply step, which a complete
   * file never needs. A step added to the catalogue in its place is walked without a change here.
   */
  static final List<String> RENOVATION_PATH = new HouseholdSteps().steps().stream().map(Step::elementId)
      .filter(id -> !List.of(TASK_CONFIRM_RELOCATION, TASK_ARRANGE_ALTERNATIVE_HOUSING, TASK_SUPPLY_ARCHIVE_DATA)
          .contains(id))
      .toList();

  @Autowired
  TestRestTemplate rest;

  /** The township clerk registers; each step is then done by the demo user of its candidate group. */
  @Test
  void shouldTakeAHouseholdFromRegistrationToMadeSafeByRenovationThroughForms() {
    TasklistRestClient tasklist = new TasklistRestClient(rest, TOWNSHIP_CLERK);
    Map<String, Object> definition = tasklist.get("/process-definition/key/" + HouseholdCaseProcess.KEY);
    Map<String, Object> startForm = tasklist.get("/process-definition/" + definition.get("id") + "/deployed-start-form");
    Map<String, Object> registration = uniqueRegistration().toVariables();
    assertThat(TasklistRestClient.editableFields(startForm)).containsOnlyKeys(registration.keySet());

    ResponseEntity<Map<String, Object>> started = tasklist.post("/process-definition/" + definition.get("id")
        + "/submit-form", Map.of("variables", RestVariables.typed(registration)));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    String instanceId = (String) started.getBody().get("id");
    String householdId = (String) started.getBody().get("businessKey");
    assertThat(householdId).startsWith("140929-");

    List<String> steps = new java.util.ArrayList<>();
    for (int guard = 0; guard < 30; guard++) {
      runDueTimers(tasklist, instanceId);
      List<Map<String, Object>> tasks = tasklist.as("admin").list("/task?processInstanceId=" + instanceId);
      if (tasks.isEmpty()) {
        break;
      }
      Map<String, Object> task = tasks.get(0);
      String step = (String) task.get("taskDefinitionKey");
      steps.add(step);
      assertThat((String) task.get("name")).as("the task name shows the household").contains("测试户主", "宋家沟村");
      submitStep(tasklist.as(userOfCandidateGroup(tasklist, (String) task.get("id"))), task);
    }

    assertThat(steps).as("the renovation path walks the catalogue's steps in order, each once")
        .containsExactlyElementsOf(RENOVATION_PATH);
    TasklistRestClient county = tasklist.as(DemoUsers.userOf(DemoUsers.KELAN, Role.HOUSING));
    Map<String, Object> history = county.get("/history/process-instance/" + instanceId);
    assertThat(history).containsEntry("state", "COMPLETED");
    assertThat(county.list("/history/activity-instance?processInstanceId=" + instanceId + "&activityId="
        + END_MADE_SAFE)).hasSize(1);
    List<Map<String, Object>> outcome = county.list("/history/variable-instance?processInstanceId=" + instanceId
        + "&variableName=" + Vars.OUTCOME);
    assertThat(outcome).singleElement().satisfies(v -> assertThat(v.get("value")).isEqualTo("MADE_SAFE_BY_RENOVATION"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> file = (List<Map<String, Object>>) county.anju(org.springframework.http.HttpMethod.GET,
        "/api/cases/" + instanceId + "/documents", null).getBody().get("documents");
    assertThat(file).as("the household file holds what each step asked for")
        .extracting(d -> d.get("record")).contains("ID_COPY", "PHOTOS_BEFORE", "AGREEMENT", "PHOTOS_DURING",
            "ACCEPTANCE_FORM", "PHOTOS_AFTER", "PAYMENT_PROOF");
  }

  @Test
  void shouldRefuseAFormWithInvalidValuesAndChangeNothing(CapturedOutput log) {
    TasklistRestClient tasklist = new TasklistRestClient(rest, TOWNSHIP_CLERK);
    Map<String, Object> definition = tasklist.get("/process-definition/key/" + HouseholdCaseProcess.KEY);
    Map<String, Object> registration = uniqueRegistration().toVariables();
    String instanceId = (String) tasklist.post("/process-definition/" + definition.get("id") + "/submit-form",
        Map.of("variables", RestVariables.typed(registration))).getBody().get("id");
    TasklistRestClient poverty = tasklist.as(DemoUsers.userOf(DemoUsers.KELAN, Role.POVERTY));
    submitStep(poverty, poverty.list("/task?processInstanceId=" + instanceId).get(0)); // identification confirmed
    Map<String, Object> task = tasklist.list("/task?processInstanceId=" + instanceId).get(0);
    assertThat(task.get("taskDefinitionKey")).isEqualTo(TASK_VERIFY_HOUSING);

    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(TASK_VERIFY_HOUSING, AnjuClock.today()));
    values.put(Vars.VERIFICATION_DATE, AnjuClock.today().plusDays(3).toString());
    values.put(Vars.HOUSE_STRUCTURE, "PALACE");
    tasklist.uploadRequiredDocuments((String) task.get("id"));
    ResponseEntity<Map<String, Object>> refused = tasklist.post("/task/" + task.get("id") + "/submit-form",
        Map.of("variables", RestVariables.typed(values)));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    String inFuture = AnjuClock.today().plusDays(3).toString();
    assertThat((String) refused.getBody().get("message")).isEqualTo("核验日期：不能晚于今天（" + inFuture
        + "） / Verification date: must not be in the future (" + inFuture + ")；房屋结构：只能从选项中选择，“PALACE”不是选项 / "
        + "House structure: must be one of " + FormOptions.HOUSE_STRUCTURES.stream().sorted().toList() + ", not 'PALACE'");
    assertThat(((List<?>) refused.getBody().get("errors")).stream().map(e -> String.valueOf(((Map<?, ?>) e).get("field"))).toList())
        .containsExactly(Vars.VERIFICATION_DATE, Vars.HOUSE_STRUCTURE);
    assertThat(tasklist.list("/task?processInstanceId=" + instanceId)).singleElement()
        .satisfies(open -> assertThat(open.get("taskDefinitionKey")).isEqualTo(TASK_VERIFY_HOUSING));
    assertThat(tasklist.get("/task/" + task.get("id") + "/form-variables")).doesNotContainKey(Vars.VERIFICATION_DATE);
    // a clerk's mistake is logged in one line with the case and the fields, never as a server error
    String householdId = (String) tasklist.get("/process-instance/" + instanceId).get("businessKey");
    assertThat(log.getOut().lines().filter(line -> line.contains("refused " + TASK_VERIFY_HOUSING + " of case " + householdId)))
        .singleElement().satisfies(line -> assertThat(line).contains(" INFO ").contains("houseStructure: must be one of"));
    assertThat(log.getOut()).doesNotContain("ENGINE-16004 Exception while closing command context: Invalid input");
  }

  @Test
  void shouldRefuseARegistrationWithAWrongCheckCharacter(CapturedOutput log) {
    TasklistRestClient tasklist = new TasklistRestClient(rest, TOWNSHIP_CLERK);
    Map<String, Object> definition = tasklist.get("/process-definition/key/" + HouseholdCaseProcess.KEY);
    Map<String, Object> registration = uniqueRegistration().toVariables();
    String id = (String) registration.get(Vars.RESIDENT_ID);
    registration.put(Vars.RESIDENT_ID, id.substring(0, 17) + (id.endsWith("0") ? "1" : "0"));
    TasklistRestClient county = tasklist.as(DemoUsers.userOf(DemoUsers.KELAN, Role.HOUSING));
    long before = county.list("/history/process-instance?processDefinitionKey=" + HouseholdCaseProcess.KEY).size();

    ResponseEntity<Map<String, Object>> refused = tasklist.post("/process-definition/" + definition.get("id")
        + "/submit-form", Map.of("variables", RestVariables.typed(registration)));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    char wrong = registration.get(Vars.RESIDENT_ID).toString().charAt(17);
    char expected = org.anju.region.ResidentIdNumber.checkCharacter(id.substring(0, 17));
    // the message alone, as Tasklist shows it: label and reason, Chinese first, no prefix with the definition's id
    assertThat((String) refused.getBody().get("message")).isEqualTo("身份证号：校验位错误，应为 " + expected
        + " / Resident ID number: has a wrong check character '" + wrong + "' (expected '" + expected + "')");
    assertThat(county.list("/history/process-instance?processDefinitionKey=" + HouseholdCaseProcess.KEY))
        .hasSize((int) before);
    assertThat(log.getOut().lines().filter(line -> line.contains("refused a registration by " + TOWNSHIP_CLERK)))
        .singleElement().satisfies(line -> assertThat(line).contains(" INFO ").contains("residentId"));
    assertThat(log.getOut()).doesNotContain("ENGINE-16004");
  }

  /** Reads the step's form, fills its editable fields as a clerk would, claims and submits. */
  private static void submitStep(TasklistRestClient tasklist, Map<String, Object> task) {
    String taskId = (String) task.get("id");
    String step = (String) task.get("taskDefinitionKey");
    Map<String, Object> form = tasklist.get("/task/" + taskId + "/deployed-form");
    Map<String, String> fields = TasklistRestClient.editableFields(form);
    Map<String, Object> known = tasklist.get("/task/" + taskId + "/form-variables");
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(step, AnjuClock.today()));
    if (step.equals(TASK_PAYOUT_SUBSIDY)) {
      @SuppressWarnings("unchecked")
      Object subsidy = ((Map<String, Object>) known.get(Vars.SUBSIDY_AMOUNT)).get("value");
      values.put(Vars.PAID_AMOUNT, subsidy);
    }
    assertThat(fields).as("the form of %s has a field for every value a clerk enters", step)
        .containsKeys(values.keySet().toArray(String[]::new));

    assertThat(tasklist.post("/task/" + taskId + "/claim", Map.of("userId", tasklist.user())).getStatusCode().value())
        .as("claim %s as %s", step, tasklist.user()).isEqualTo(204);
    tasklist.uploadRequiredDocuments(taskId);
    ResponseEntity<Map<String, Object>> submitted = tasklist.post("/task/" + taskId + "/submit-form",
        Map.of("variables", RestVariables.typed(values)));
    assertThat(submitted.getStatusCode().value()).as("submit %s: %s", step, submitted.getBody()).isEqualTo(204);
  }

  /** The notice periods would take days; an administrator's "execute job" in Cockpit does the same. */
  private static void runDueTimers(TasklistRestClient tasklist, String instanceId) {
    TasklistRestClient admin = tasklist.as("admin");
    // the job executor's work, as an administrator runs it: notice timers and the household file's compilation
    for (Map<String, Object> job : admin.list("/job?processInstanceId=" + instanceId)) {
      assertThat(admin.post("/job/" + job.get("id") + "/execute", Map.of()).getStatusCode().value()).isEqualTo(204);
    }
  }

  /** The demo user who holds the task's candidate group in 岢岚县. */
  private static String userOfCandidateGroup(TasklistRestClient tasklist, String taskId) {
    String group = (String) tasklist.as("admin").list("/task/" + taskId + "/identity-links?type=candidate").get(0)
        .get("groupId");
    Role role = Role.ofGroup(group).orElseThrow();
    return DemoUsers.userOf(DemoUsers.KELAN, role);
  }

  private static Registration uniqueRegistration() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String residentId = DemoSteps.residentId("140929", 1940 + random.nextInt(60), random.nextInt(1000));
    return new Registration("测试户主", residentId, KeyGroup.POOR, "1409", DemoUsers.KELAN.countyCode(),
        DemoUsers.KELAN.townshipCode(), "宋家沟村", "宋家沟村 8 号", 3, true);
  }
}
