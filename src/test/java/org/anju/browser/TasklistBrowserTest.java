package org.anju.browser;

import org.anju.clock.AnjuClock;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_APPRAISE_HOUSE;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.anju.demo.CaseWalker;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.anju.support.BrowserWindow;
import org.anju.support.Chromium;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * A township clerk of 宋家沟镇 verifies a house in Camunda Tasklist with a real browser (Debian's
 * headless Chromium): login page, filter, task list, claim, the Camunda Form, complete; what the
 * browser did is then checked through the engine's Java API.
 *
 * <p>On a failure, {@code target/browser/} receives a screenshot, the page's HTML, the browser's
 * console errors and a Playwright trace ({@code playwright show-trace}) of the failed test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The webapps resolve their filters through the Spring context started last (a static of the starter):
// a fresh context makes sure that is this one, whatever other test classes started before.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class TasklistBrowserTest {

  static final String TOWNSHIP_CLERK = "kltownship";
  static final String MY_GROUPS_TASKS = "我组的任务 My group's tasks";

  static final String VERIFICATION_DATE = "核验日期 Verification date";
  static final String VERIFIED_BY = "核验人 Verified by";
  static final String HOUSE_STRUCTURE = "房屋结构 House structure";
  static final String CAN_BUILD = "有能力自建或组织施工 Household can build or organise the work";
  static final String NOTES = "核验情况 Notes";

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium();

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ProcessEngine processEngine;

  @Autowired
  org.anju.demo.DemoDocuments demoDocuments;
  @Autowired
  HouseholdCases householdCases;

  BrowserWindow browserWindow;
  Page page;
  Tasklist tasklist;

  @BeforeEach
  void openBrowserWindow() {
    // the date picker's "today" is the browser's, the step rules' is the engine clock: keep both real
    ClockUtil.reset();
    browserWindow = CHROMIUM.open();
    page = browserWindow.page();
    tasklist = new Tasklist(page, "http://localhost:" + port);
  }

  @Test
  void townshipClerkVerifiesTheHouseOfLiJianguoInTasklist() {
    // Given: the demo household 李建国 of 长崖子村 waits for the township to verify its house
    Task verification = taskService.createTaskQuery().taskDefinitionKey(TASK_VERIFY_HOUSING)
        .processVariableValueEquals(Vars.HEAD_NAME, "李建国").singleResult();
    assertThat(verification).as("demo household 李建国 waiting at 入户核验").isNotNull();
    assertThat(verification.getAssignee()).as("nobody has claimed it yet").isNull();
    String caseId = verification.getProcessInstanceId();
    String taskName = "入户核验 Verify housing safety · 李建国 · 长崖子村";
    LocalDate visitDay = AnjuClock.today().minusDays(2);

    // When: the clerk logs in, finds the task among the group's work, claims it, fills the form and completes it
    tasklist.logIn(TOWNSHIP_CLERK, DemoUsers.PASSWORD);
    tasklist.openFilter(MY_GROUPS_TASKS);
    Tasklist.TaskForm form = tasklist.openTask(taskName);
    PlaywrightAssertions.assertThat(form.field("户主姓名 Head of household")).hasValue("李建国");
    PlaywrightAssertions.assertThat(form.field("户主姓名 Head of household")).isDisabled();
    tasklist.claim();
    tasklist.uploadWhatTheStepNeeds(); // the survey form and the photos of the house, on the Documents tab
    form.typeDate(VERIFICATION_DATE, visitDay);
    form.fill(VERIFIED_BY, "郝建军");
    form.choose(HOUSE_STRUCTURE, "砖木结构 Brick and timber");
    form.tick(CAN_BUILD);
    form.fill(NOTES, "后墙开裂，屋面漏雨 Cracked back wall, leaking roof");
    tasklist.complete(taskName);

    // Then: the values are the case's variables, and the case waits for the house to be appraised
    assertThat(runtimeService.getVariables(caseId))
        .containsEntry(Vars.VERIFICATION_DATE, visitDay.toString())
        .containsEntry(Vars.VERIFIER_NAME, "郝建军")
        .containsEntry(Vars.HOUSE_STRUCTURE, "BRICK_WOOD")
        .containsEntry(Vars.CAN_BUILD, true)
        .containsEntry(Vars.IN_RELOCATION_PROGRAMME, false)
        .containsEntry(Vars.VERIFICATION_NOTES, "后墙开裂，屋面漏雨 Cracked back wall, leaking roof");
    assertThat(runtimeService.getActiveActivityIds(caseId)).containsExactly(TASK_APPRAISE_HOUSE);
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery()
        .taskId(verification.getId()).singleResult();
    assertThat(done.getAssignee()).as("claimed in Tasklist by").isEqualTo(TOWNSHIP_CLERK);
    assertThat(done.getDeleteReason()).isEqualTo("completed");
  }

  @Test
  void tasklistShowsTheServersRefusalOfAFutureVerificationDateAndKeepsTheTaskOpen() {
    // Given: a newly registered household waits for the verification of its house
    String caseId = registerHouseholdWaitingForVerification("马占魁", "甘钦村");
    String taskName = "入户核验 Verify housing safety · 马占魁 · 甘钦村";

    // When: the clerk enters a visit next week — the date picker accepts it, only the server's rule does not
    tasklist.logIn(TOWNSHIP_CLERK, DemoUsers.PASSWORD);
    tasklist.openFilter(MY_GROUPS_TASKS);
    Tasklist.TaskForm form = tasklist.openTask(taskName);
    tasklist.claim();
    tasklist.uploadWhatTheStepNeeds();
    form.typeDate(VERIFICATION_DATE, AnjuClock.today().plusDays(7));
    form.fill(VERIFIED_BY, "王海");
    form.choose(HOUSE_STRUCTURE, "窑洞 Cave dwelling");
    Locator refusal = tasklist.completeExpectingRefusal();

    // Then: Tasklist shows the server's message, the task stays open with what was typed, nothing is saved
    // our sentence alone: the field's label and the reason, Chinese first, no prefix, no variable name
    PlaywrightAssertions.assertThat(refusal).hasText(Pattern.compile(
        "^(?:[×\\s]|Close)*核验日期：不能晚于今天（" + AnjuClock.today().plusDays(7) + "） / Verification date: must not be in the future \\("
            + AnjuClock.today().plusDays(7) + "\\)\\s*$"));
    PlaywrightAssertions.assertThat(tasklist.openedTask(taskName)).isVisible();
    PlaywrightAssertions.assertThat(tasklist.taskInList(taskName)).isVisible();
    PlaywrightAssertions.assertThat(form.field(VERIFIED_BY)).hasValue("王海");
    Task stillOpen = taskService.createTaskQuery().processInstanceId(caseId).singleResult();
    assertThat(stillOpen.getTaskDefinitionKey()).isEqualTo(TASK_VERIFY_HOUSING);
    assertThat(stillOpen.getAssignee()).isEqualTo(TOWNSHIP_CLERK);
    assertThat(runtimeService.getVariables(caseId))
        .doesNotContainKeys(Vars.VERIFICATION_DATE, Vars.VERIFIER_NAME, Vars.HOUSE_STRUCTURE);

    // And: once the date is corrected, the same form goes through
    tasklist.dismissError();
    form.typeDate(VERIFICATION_DATE, AnjuClock.today());
    tasklist.complete(taskName);
    assertThat(runtimeService.getVariable(caseId, Vars.VERIFICATION_DATE)).isEqualTo(AnjuClock.today().toString());
    assertThat(runtimeService.getActiveActivityIds(caseId)).containsExactly(TASK_APPRAISE_HOUSE);
  }

  /** Registers a household of 宋家沟镇 and confirms its identification, as the demo data does. */
  private String registerHouseholdWaitingForVerification(String headName, String village) {
    // born 1936: no demo or other test household uses that year, so the resident id is new
    Registration registration = new Registration(headName, DemoSteps.residentId("140929", 1936, 36),
        KeyGroup.POOR, DemoUsers.KELAN.cityCode(), DemoUsers.KELAN.countyCode(), DemoUsers.KELAN.townshipCode(),
        village, village + "36号", 2, false);
    String caseId = householdCases.register(registration).getId();
    new CaseWalker(processEngine, demoDocuments).walkTo(caseId, TASK_VERIFY_HOUSING);
    return caseId;
  }
}
