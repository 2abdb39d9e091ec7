package org.anju.browser;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_INSPECT_CONSTRUCTION;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_SIGN_AGREEMENT;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_TOWNSHIP_REVIEW;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VILLAGE_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.anju.demo.CaseWalker;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.anju.support.BrowserWindow;
import org.anju.support.Chromium;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * A township clerk's day in a real browser beyond a single form: the register upload page used with the
 * Tasklist login, and the forms that adapt to the case (self-build offered where the household can build,
 * the inspection counter from 0, the completion date marked required once the work is finished).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class ClerksDayBrowserTest {

  static final String TOWNSHIP_CLERK = "kltownship";

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium();

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ProcessEngine processEngine;

  @Autowired
  org.anju.demo.DemoDocuments demoDocuments;
  @Autowired
  HouseholdCases householdCases;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;

  BrowserWindow browserWindow;
  Page page;
  Tasklist tasklist;

  @BeforeEach
  void openBrowserWindow() {
    ClockUtil.reset();
    browserWindow = CHROMIUM.open();
    page = browserWindow.page();
    tasklist = new Tasklist(page, base());
  }

  @Test
  void aClerkLoggedInToTasklistUploadsARegisterWithoutAPasswordPopup(@TempDir Path dir) throws Exception {
    // Opened before any login: a page that says where to log in, not the browser's Basic-auth popup
    Response before = page.navigate(base() + "/intake/");
    assertThat(before.status()).isEqualTo(401);
    assertThat(before.headers()).doesNotContainKey("www-authenticate");
    PlaywrightAssertions.assertThat(page.locator("#login-first")).containsText("Tasklist");

    // After the Tasklist login the page works with that login, its upload included (CSRF token and all)
    tasklist.logIn(TOWNSHIP_CLERK, DemoUsers.PASSWORD);
    page.navigate(base() + "/intake/");
    Path register = dir.resolve("宋家沟镇花名册.csv");
    String residentId = DemoSteps.residentId("140929", 1931, 31);
    Files.writeString(register, "headName,residentId,keyGroup,cityCode,countyCode,townshipCode,village,houseAddress,"
        + "householdSize,dynamicGuarantee\n高秀英," + residentId + ",DIBAO,1409,140929,140929102,宋家沟村,宋家沟村31号,1,否\n",
        StandardCharsets.UTF_8);
    page.locator("#file").setInputFiles(register);
    page.getByText("上传并导入 Upload and import").click();
    PlaywrightAssertions.assertThat(page.locator("#status")).hasText("完成 Done");
    PlaywrightAssertions.assertThat(page.locator("#rowsImported")).hasText("1");
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals(Vars.RESIDENT_ID, residentId).count())
        .isEqualTo(1);

    // The login expires: the page says so and where to log in again, and uploads nothing
    browserWindow.page().context().clearCookies();
    page.reload();
    PlaywrightAssertions.assertThat(page.locator("#login-first")).isVisible();
  }

  @Test
  void theAgreementOffersSelfBuildAndTheInspectionCountsFromZero() {
    String caseId = registerHousehold("郭存仁", "宋家沟村", 1932);
    new CaseWalker(processEngine, demoDocuments).walkTo(caseId, TASK_SIGN_AGREEMENT);
    String agreement = "签订改造协议 Sign renovation agreement · 郭存仁 · 宋家沟村";

    tasklist.logIn(TOWNSHIP_CLERK, DemoUsers.PASSWORD);
    tasklist.openFilter("我组的任务 My group's tasks");
    tasklist.openTask(agreement);
    tasklist.claim();
    // verification found that the household can build: self-build is one of the choices
    page.locator("label").filter(new Locator.FilterOptions().setHasText("施工方 Builder")).first().click();
    PlaywrightAssertions.assertThat(page.getByText("农户自建(工匠指导) Self-build, guided by a craftsman",
        new Page.GetByTextOptions().setExact(true))).isVisible();
    page.keyboard().press("Escape");

    new CaseWalker(processEngine, demoDocuments).walkTo(caseId, TASK_INSPECT_CONSTRUCTION);
    String inspection = "施工质量安全巡查 Inspect construction · 郭存仁 · 宋家沟村";
    page.reload();
    Tasklist.TaskForm form = tasklist.openTask(inspection);
    PlaywrightAssertions.assertThat(form.field("已巡查次数 Inspections so far")).hasValue("0");
    // the completion date appears, marked required, once the work is ticked as finished
    Locator completionDate = page.locator(".fjs-form-field").filter(
        new Locator.FilterOptions().setHasText("竣工日期 Completion date"));
    PlaywrightAssertions.assertThat(completionDate).hasCount(0);
    tasklist.claim();
    form.tick("已竣工 Construction completed");
    PlaywrightAssertions.assertThat(completionDate.locator(".fjs-asterix"))
        .not().hasCount(0);
  }

  @Test
  void anAdministratorSeesTheCaseInItsNoticeFirstOnCockpitsStartPageAndEndsTheNoticeNow() {
    String caseId = registerHousehold("霍满仓", "宋家沟村", 1933);
    new CaseWalker(processEngine, demoDocuments).walkTo(caseId, TASK_VILLAGE_REVIEW);
    org.camunda.bpm.engine.task.Task review = taskService.createTaskQuery().processInstanceId(caseId).singleResult();
    var approved = DemoSteps.valuesFor(TASK_VILLAGE_REVIEW, org.anju.clock.AnjuClock.today());
    demoDocuments.attachRequired(taskService, review, approved);
    taskService.complete(review.getId(), approved);
    String householdId = runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult()
        .getBusinessKey();

    logInToCockpit("admin");

    // the housing-security section is the first of the start page, above Cockpit's own panels
    Locator plugin = page.locator("section.anju-hs");
    PlaywrightAssertions.assertThat(plugin.locator("table.anju-notices")).isVisible();
    assertThat(page.evaluate("() => { const s = document.querySelector('section.anju-hs').closest('section.deprecate');"
        + " return s.parentElement.firstElementChild === s; }")).isEqualTo(true);
    Locator row = plugin.locator("table.anju-notices tr").filter(new Locator.FilterOptions().setHasText(householdId));
    PlaywrightAssertions.assertThat(row).containsText("村级公示 Village notice");
    PlaywrightAssertions.assertThat(row).containsText(org.anju.clock.AnjuClock.today().plusDays(7).toString());

    // the administrator ends the notice: a write with the Cockpit session and its CSRF token
    row.getByText("立即结束公示 End this notice now").click();
    PlaywrightAssertions.assertThat(plugin.locator("table.anju-notices tr").filter(
        new Locator.FilterOptions().setHasText(householdId))).hasCount(0);
    assertThat(taskService.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey())
        .isEqualTo(TASK_TOWNSHIP_REVIEW);
  }

  @Test
  void aClerkWhoRegistersAHouseholdInTasklistIsToldItsHouseholdId() throws Exception {
    Registration registration = new Registration("田有福", DemoSteps.residentId("140929", 1935, 35), KeyGroup.POOR,
        "1409", "140929", "140929102", "宋家沟村", "宋家沟村35号", 3, false);
    tasklist.logIn(TOWNSHIP_CLERK, DemoUsers.PASSWORD);
    page.getByText("启动流程", new Page.GetByTextOptions().setExact(true))
        .or(page.getByText("Start process", new Page.GetByTextOptions().setExact(true))).first().click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("农户住房安全保障"))).first().click();
    java.util.Map<String, Object> values = new java.util.HashMap<>(registration.toVariables());
    fill(new Tasklist.TaskForm(page), "register-household", values);
    page.locator(".modal-content").getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName(Pattern.compile("^(启动|Start)$"))).click();

    // the notification names the new case's household id, as the engine registered it
    Locator notice = page.locator(".notifications").getByText(Pattern.compile("编号 Case id: 140929-"));
    PlaywrightAssertions.assertThat(notice).isVisible();
    String householdId = runtimeService.createProcessInstanceQuery()
        .variableValueEquals(Vars.RESIDENT_ID, registration.residentId()).singleResult().getBusinessKey();
    PlaywrightAssertions.assertThat(notice).hasText("编号 Case id: " + householdId);
  }

  /**
   * The walk of issue 13, kept in step: one household from its first task to "made safe by renovation",
   * every task opened, claimed, filled and completed in Tasklist by the demo user of its group, the notice
   * timers run as the dashboard's "end this notice now" does. Values are the catalogue's demo values, typed
   * into the deployed form's editable fields by their labels.
   */
  @Test
  void oneHouseholdGoesFromIdentificationToMadeSafeByRenovationThroughTasklist() throws Exception {
    String caseId = registerHousehold("韩福来", "宋家沟村", 1934);
    java.util.Set<String> walked = new java.util.LinkedHashSet<>();
    int uploaded = 0;
    String loggedIn = null;
    for (int guard = 0; guard < 40; guard++) {
      runNoticeTimers(caseId);
      org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().processInstanceId(caseId).singleResult();
      if (task == null) {
        break;
      }
      String user = userOf(task);
      if (!user.equals(loggedIn)) {
        page.context().clearCookies();
        tasklist.logIn(user, DemoUsers.PASSWORD);
        loggedIn = user;
      }
      tasklist.openFilter("我组的任务 My group's tasks");
      Tasklist.TaskForm form = tasklist.openTask(task.getName());
      tasklist.claim();
      uploaded += tasklist.uploadWhatTheStepNeeds();
      fillLikeAClerk(form, task);
      tasklist.complete(task.getName());
      walked.add(task.getTaskDefinitionKey());
    }
    assertThat(historyOf(caseId).getEndActivityId()).isEqualTo(org.anju.household.HouseholdCaseProcess.Elements.END_MADE_SAFE);
    assertThat(uploaded).as("photos and scans given on the Documents tab").isGreaterThanOrEqualTo(12);

    // the county's archivist downloads the household file from Cockpit's dashboard
    logInToCockpit(DemoUsers.userOf(DemoUsers.KELAN, org.anju.access.Role.HOUSING));
    Locator finder = page.locator(".anju-find-input");
    finder.fill("韩福来");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找 Find")).click();
    com.microsoft.playwright.Download download = page.waitForDownload(
        () -> page.locator("a.anju-household-file").first().click());
    byte[] pdf = Files.readAllBytes(download.path());
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text).contains("韩福来", "岢岚县", "入户核验调查表", "改造前照片", "改造后照片", "竣工验收表");
    }
    assertThat(walked).containsAll(java.util.List.of(TASK_SIGN_AGREEMENT, TASK_INSPECT_CONSTRUCTION,
        org.anju.household.HouseholdCaseProcess.Elements.TASK_INSPECT_ACCEPTANCE,
        org.anju.household.HouseholdCaseProcess.Elements.TASK_ARCHIVE_CASE));
  }

  private org.camunda.bpm.engine.history.HistoricProcessInstance historyOf(String caseId) {
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(caseId)
        .singleResult();
  }

  /** Logs in to Cockpit as {@code user}: the login form may render again once the locale has loaded. */
  private void logInToCockpit(String user) {
    page.context().clearCookies();
    page.navigate(base() + "/camunda/app/cockpit/");
    Locator name = page.getByPlaceholder(Pattern.compile("用户名|Username"));
    Locator secret = page.getByPlaceholder(Pattern.compile("密码|Password"));
    for (int tries = 0; tries < 5; tries++) {
      name.fill(user);
      secret.fill(DemoUsers.PASSWORD);
      if (user.equals(name.inputValue()) && DemoUsers.PASSWORD.equals(secret.inputValue())) {
        break;
      }
      page.waitForTimeout(300);
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("登录|Log in"))).click();
  }

  /** The notice timers as the dashboard's "end this notice now" does, and the archive's household file. */
  private void runNoticeTimers(String caseId) {
    for (org.camunda.bpm.engine.runtime.Job job : processEngine.getManagementService().createJobQuery()
        .processInstanceId(caseId).list()) {
      processEngine.getManagementService().executeJob(job.getId());
    }
  }

  /** The demo user of the task's candidate group. */
  private String userOf(org.camunda.bpm.engine.task.Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> org.anju.access.Role.ofGroup(link.getGroupId()))
        .flatMap(java.util.Optional::stream).map(role -> DemoUsers.userOf(DemoUsers.KELAN, role)).findFirst()
        .orElseThrow(() -> new AssertionError("no demo user for " + task.getName()));
  }

  /** Types the step's demo values into the editable fields of its deployed form, as a clerk would. */
  private void fillLikeAClerk(Tasklist.TaskForm form, org.camunda.bpm.engine.task.Task task) throws Exception {
    java.util.Map<String, Object> values = new java.util.HashMap<>(
        DemoSteps.valuesFor(task.getTaskDefinitionKey(), org.anju.clock.AnjuClock.today()));
    if (values.containsKey(Vars.PAYMENT_DATE)) {
      values.put(Vars.PAID_AMOUNT, runtimeService.getVariable(task.getProcessInstanceId(), Vars.SUBSIDY_AMOUNT));
    }
    String formId = new org.anju.household.HouseholdSteps().steps().stream()
        .filter(step -> step.elementId().equals(task.getTaskDefinitionKey())).findFirst().orElseThrow().formId();
    fill(form, formId, values);
  }

  /** Types {@code values} into the editable fields of form {@code formId} by their labels. */
  private void fill(Tasklist.TaskForm form, String formId, java.util.Map<String, Object> values) throws Exception {
    fill(form, formId, values, 1);
  }

  private void fill(Tasklist.TaskForm form, String formId, java.util.Map<String, Object> values, int retypes)
      throws Exception {
    com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Path.of("forms", formId + ".form").toFile());
    java.util.List<com.fasterxml.jackson.databind.JsonNode> fields = new java.util.ArrayList<>();
    collect(schema, fields);
    java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode field : fields) {
      String key = field.path("key").asText();
      if (!values.containsKey(key) || field.path("disabled").asBoolean()) {
        continue;
      }
      Object value = values.get(key);
      String label = field.has("dateLabel") ? field.path("dateLabel").asText() : field.path("label").asText();
      if (field.has("conditional") && !form.field(label).last().isVisible()) {
        continue; // hidden for this case (e.g. the earthquake question of a C/D house): a clerk cannot fill it
      }
      switch (field.path("type").asText()) {
        case "checkbox" -> form.field(label).last().setChecked(Boolean.TRUE.equals(value));
        case "datetime" -> form.typeDate(label, LocalDate.parse((String) value));
        case "select" -> choose(label, optionLabel(field, (String) value));
        case "radio" -> page.getByLabel(optionLabel(field, (String) value), new Page.GetByLabelOptions().setExact(true))
            .check();
        default -> {
          form.fill(label, String.valueOf(value));
          typed.put(label, String.valueOf(value));
        }
      }
    }
    // a late render of the form empties what was typed before it: then the clerk fills the form once more
    if (typed.entrySet().stream().anyMatch(entry -> !form.holds(entry.getKey(), entry.getValue()))) {
      if (retypes > 0) {
        fill(form, formId, values, retypes - 1);
      } else {
        throw new AssertionError("the form kept losing what was typed: " + typed.keySet());
      }
    }
  }

  /** Picks an option of a form-js select by its text: opens the select's display (once more if focus closed it). */
  private void choose(String label, String option) {
    Locator select = page.locator(".fjs-form-field-select").filter(new Locator.FilterOptions().setHasText(label));
    Locator choice = select.getByText(option, new Locator.GetByTextOptions().setExact(true));
    for (int tries = 0; tries < 3 && !choice.isVisible(); tries++) {
      select.locator(".fjs-select-display, input").first().click();
      page.waitForTimeout(200);
    }
    choice.click();
    Locator search = select.locator("input.fjs-input");
    if (search.count() > 0) { // a searchable select shows the choice in its input
      PlaywrightAssertions.assertThat(search.first()).hasValue(option);
    } else {
      PlaywrightAssertions.assertThat(select).containsText(option);
    }
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode node,
      java.util.List<com.fasterxml.jackson.databind.JsonNode> into) {
    for (com.fasterxml.jackson.databind.JsonNode component : node.path("components")) {
      if (component.has("key")) {
        into.add(component);
      }
      collect(component, into);
    }
  }

  /** The label the form shows for an option's value: from its values, or from its values expression. */
  private static String optionLabel(com.fasterxml.jackson.databind.JsonNode field, String value) {
    for (com.fasterxml.jackson.databind.JsonNode option : field.path("values")) {
      if (option.path("value").asText().equals(value)) {
        return option.path("label").asText();
      }
    }
    java.util.regex.Matcher offered = Pattern.compile("label: \"([^\"]+)\", value: \"" + Pattern.quote(value) + "\"")
        .matcher(field.path("valuesExpression").asText());
    if (offered.find()) {
      return offered.group(1);
    }
    throw new AssertionError("no option " + value + " in " + field.path("key").asText());
  }

  private String registerHousehold(String headName, String village, int birthYear) {
    Registration registration = new Registration(headName, DemoSteps.residentId("140929", birthYear, birthYear % 100),
        KeyGroup.POOR, DemoUsers.KELAN.cityCode(), DemoUsers.KELAN.countyCode(), DemoUsers.KELAN.townshipCode(),
        village, village + birthYear % 100 + "号", 2, false);
    return householdCases.register(registration).getId();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
