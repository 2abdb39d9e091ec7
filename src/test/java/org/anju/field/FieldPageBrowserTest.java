package org.anju.field;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.anju.access.Role;
import org.anju.clock.AnjuClock;
import org.anju.demo.DemoDocuments;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.anju.support.BrowserWindow;
import org.anju.support.Chromium;
import org.anju.support.TestFiles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;

/**
 * The field page on a phone (Chromium with a phone's viewport and touch, its position granted): a township
 * clerk of 岢岚县 logs in, fills a verification from its deployed form, takes photos and completes it; offline,
 * two completions and their photos wait on the phone through a reload and are sent once each when the network
 * returns, and one that someone else completed meanwhile stays on the phone, marked for review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FieldPageBrowserTest {

  static final String CLERK = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);
  static final double LATITUDE = 38.70;
  static final double LONGITUDE = 111.57;
  private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 60_000));

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DemoDocuments demoDocuments;
  @Autowired
  HouseholdCases cases;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;

  BrowserWindow window;
  Page page;

  @BeforeEach
  void openPhone() {
    window = CHROMIUM.open(new Browser.NewContextOptions()
        .setLocale("zh-CN").setTimezoneId(AnjuClock.zone().getId())
        .setViewportSize(390, 844).setDeviceScaleFactor(3).setIsMobile(true).setHasTouch(true)
        .setPermissions(List.of("geolocation")).setGeolocation(new Geolocation(LATITUDE, LONGITUDE).setAccuracy(8)));
    page = window.page();
  }

  @Test
  void aClerkVerifiesAHouseOnThePhoneWithTwoPhotosAndTheirPositions() throws Exception {
    int n = SEQUENCE.incrementAndGet();
    String headName = "贾" + chinese(n);
    Task task = verificationTask(DemoUsers.KELAN, headName, "王家岔村");
    logIn();

    Locator card = search(headName, task);
    PlaywrightAssertions.assertThat(card).containsText("王家岔村");
    PlaywrightAssertions.assertThat(card).containsText("入户核验 Verification");
    card.click();

    // the deployed form's fields with its labels; the household's own are shown and cannot be changed
    PlaywrightAssertions.assertThat(page.getByLabel("户主姓名 Head of household")).hasValue(headName);
    PlaywrightAssertions.assertThat(page.getByLabel("户主姓名 Head of household")).isDisabled();
    PlaywrightAssertions.assertThat(page.getByLabel("对象类别 Key group").locator("option:checked"))
        .hasText("建档立卡贫困户 Registered poor household");
    fillVerification();
    List<byte[]> photos = List.of(TestFiles.jpeg(640, 480, Color.ORANGE), TestFiles.jpeg(480, 640, Color.CYAN));
    takePhotos("PHOTOS_BEFORE", photos);
    takePhotos("SURVEY_FORM", List.of(TestFiles.jpeg(300, 400, Color.WHITE)));
    // each photo's SHA-256, computed on the phone, and its position
    Locator shown = page.locator(".record[data-record=PHOTOS_BEFORE] .photo");
    PlaywrightAssertions.assertThat(shown).hasCount(2);
    PlaywrightAssertions.assertThat(shown.nth(0).locator(".sha")).hasText(org.anju.documents.CaseDocuments.sha256(photos.get(0)));
    PlaywrightAssertions.assertThat(shown.nth(1).locator(".sha")).hasText(org.anju.documents.CaseDocuments.sha256(photos.get(1)));
    PlaywrightAssertions.assertThat(shown.nth(0).locator(".where")).containsText("38.70000, 111.57000 ±8 m");
    page.getByText("完成 Complete").click();

    PlaywrightAssertions.assertThat(page.locator("#work")).isVisible();
    waitFor(() -> finished(task) == 1, "the verification completed");
    PlaywrightAssertions.assertThat(page.locator("#outbox")).isHidden();
    assertThat(finished(task)).isEqualTo(1);
    List<Map<String, Object>> stored = jdbc.queryForList("select record, sha256, latitude, longitude, position_accuracy, "
        + "taken_at from case_document where task_id = ? order by id", task.getId());
    assertThat(stored).extracting(r -> r.get("RECORD")).containsExactly("PHOTOS_BEFORE", "PHOTOS_BEFORE", "SURVEY_FORM");
    assertThat(stored.subList(0, 2)).extracting(r -> r.get("SHA256"))
        .containsExactly(org.anju.documents.CaseDocuments.sha256(photos.get(0)), org.anju.documents.CaseDocuments.sha256(photos.get(1)));
    assertThat(stored).allSatisfy(r -> {
      assertThat((Double) r.get("LATITUDE")).isEqualTo(LATITUDE);
      assertThat((Double) r.get("LONGITUDE")).isEqualTo(LONGITUDE);
      assertThat((Double) r.get("POSITION_ACCURACY")).isEqualTo(8.0);
      assertThat(r.get("TAKEN_AT")).isNotNull();
    });
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName(Vars.VERIFIER_NAME).singleResult().getValue())
        .isEqualTo("郝建军");

    // another county's task cannot be opened or completed from the phone: 404, as a task that does not exist
    Task jingle = verificationTask(DemoUsers.JINGLE, "静" + chinese(n), "鹅城村");
    APIResponse opened = page.request().get(base() + "/api/field/tasks/" + jingle.getId());
    assertThat(opened.status()).isEqualTo(404);
    assertThat(opened.text()).isEqualTo(page.request().get(base() + "/api/field/tasks/none").text());
    String csrf = new ObjectMapper().readTree(page.request().get(base() + "/api/field/me").text()).path("csrfToken").asText();
    APIResponse completed = page.request().post(base() + "/api/field/tasks/" + jingle.getId() + "/complete",
        RequestOptions.create().setHeader("X-XSRF-TOKEN", csrf).setHeader("Content-Type", "application/json")
            .setData("{\"submissionId\":\"s-" + n + "\",\"variables\":{}}"));
    assertThat(completed.status()).isEqualTo(404);
    assertThat(engine.getTaskService().createTaskQuery().taskId(jingle.getId()).count()).isEqualTo(1);
  }

  @Test
  void aCompletionTheServerRefusesIsKeptAndFilledInAgainWithItsPhotosStoredOnce() throws Exception {
    int n = SEQUENCE.incrementAndGet();
    String headName = "退" + chinese(n);
    Task task = verificationTask(DemoUsers.KELAN, headName, "宋家沟村");
    logIn();
    search(headName, task).click();
    fillVerification();
    String tomorrow = AnjuClock.today().plusDays(1).toString();
    page.getByLabel("核验日期 Verification date").fill(tomorrow); // the step's rule: not in the future
    takePhotos("PHOTOS_BEFORE", List.of(TestFiles.jpeg(320, 240, Color.PINK)));
    takePhotos("SURVEY_FORM", List.of(TestFiles.jpeg(200, 280, Color.WHITE)));
    page.getByText("完成 Complete").click();

    Locator refused = page.locator("#outbox-list li.review[data-task-id='" + task.getId() + "']");
    PlaywrightAssertions.assertThat(refused).containsText("核验日期：不能晚于今天");
    PlaywrightAssertions.assertThat(refused).containsText("Verification date: must not be in the future");
    assertThat(finished(task)).isZero();
    refused.getByText("重新填写 Fill in again").click();
    PlaywrightAssertions.assertThat(page.getByLabel("核验人 Verified by")).hasValue("郝建军");
    PlaywrightAssertions.assertThat(page.getByLabel("核验日期 Verification date")).hasValue(tomorrow);
    page.getByLabel("核验日期 Verification date").fill(AnjuClock.today().toString());
    page.getByText("完成 Complete").click();
    waitFor(() -> finished(task) == 1, "the verification completed");
    PlaywrightAssertions.assertThat(page.locator("#outbox")).isHidden();
    assertThat(jdbc.queryForObject("select count(*) from case_document where task_id = ? and uploaded_by = ?",
        Integer.class, task.getId(), CLERK)).as("the photos sent before the refusal, once").isEqualTo(2);
  }

  @Test
  void anInspectionShowsTheCompletionDateOnlyOnceTheWorkIsFinishedAsItsFormSays() {
    int n = SEQUENCE.incrementAndGet();
    String headName = "巡" + chinese(n);
    Task verification = verificationTask(DemoUsers.KELAN, headName, "宋家沟村");
    Task inspection = new org.anju.demo.CaseWalker(engine, demoDocuments).walkTo(verification.getProcessInstanceId(),
        org.anju.household.HouseholdCaseProcess.Elements.TASK_INSPECT_CONSTRUCTION);
    logIn();
    Locator card = search(headName, inspection);
    PlaywrightAssertions.assertThat(card).containsText("施工巡查 Construction inspection");
    card.click();
    PlaywrightAssertions.assertThat(page.getByLabel("已巡查次数 Inspections so far")).hasValue("0");
    PlaywrightAssertions.assertThat(page.getByLabel("已巡查次数 Inspections so far")).isDisabled();
    // conditional.hide "=constructionCompleted != true": hidden until the work is ticked as finished
    Locator completionDate = page.locator(".field[data-key=constructionCompletedDate]");
    PlaywrightAssertions.assertThat(completionDate).isHidden();
    page.getByLabel("已竣工 Construction completed").check();
    PlaywrightAssertions.assertThat(completionDate).isVisible();
    PlaywrightAssertions.assertThat(completionDate.locator("label.required")).hasText("竣工日期 Completion date");
    PlaywrightAssertions.assertThat(page.locator(".record[data-record=PHOTOS_DURING] input[type=file]"))
        .hasAttribute("capture", "environment");
  }

  @Test
  void offlineCompletionsWaitThroughAReloadAndAreSentOnceEachWhenTheNetworkReturns() throws Exception {
    int n = SEQUENCE.incrementAndGet();
    String village = "离线" + chinese(n) + "村";
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tasks.add(verificationTask(DemoUsers.KELAN, "任" + chinese(n * 3 + i), village));
    }
    logIn();
    search(village, tasks.get(0));
    for (Task task : tasks) { // what is on the list is loaded onto the phone for use without a network
      PlaywrightAssertions.assertThat(page.locator("#tasks a[data-task-id='" + task.getId() + "'] .cached"))
          .containsText("可离线");
    }
    page.waitForFunction("() => navigator.serviceWorker.controller !== null");

    page.context().setOffline(true);
    for (Task task : tasks) {
      page.locator("#tasks a[data-task-id='" + task.getId() + "']").click();
      fillVerification();
      takePhotos("PHOTOS_BEFORE", List.of(TestFiles.jpeg(320, 240, new Color(task.hashCode() & 0xFFFFFF)),
          TestFiles.jpeg(240, 320, new Color((task.hashCode() >> 3) & 0xFFFFFF))));
      takePhotos("SURVEY_FORM", List.of(TestFiles.jpeg(200, 280, Color.WHITE)));
      page.getByText("完成 Complete").click();
      PlaywrightAssertions.assertThat(page.locator("#outbox-list li[data-task-id='" + task.getId() + "']"))
          .containsText("待发送 queued");
    }
    PlaywrightAssertions.assertThat(page.locator("#network")).hasText("离线 Offline");

    // the queue survives a reload without a network: the page comes from the service worker, the queue from IndexedDB
    page.reload();
    PlaywrightAssertions.assertThat(page.locator("#outbox-list li")).hasCount(3);
    assertThat(tasks).allSatisfy(task -> assertThat(finished(task)).isZero());

    // meanwhile someone completes the third in Tasklist
    Task meanwhile = tasks.get(2);
    Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(TASK_VERIFY_HOUSING, AnjuClock.today()));
    demoDocuments.attachRequired(engine.getTaskService(), meanwhile, values);
    engine.getTaskService().complete(meanwhile.getId(), values);

    page.context().setOffline(false);
    Locator review = page.locator("#outbox-list li.review[data-task-id='" + meanwhile.getId() + "']");
    PlaywrightAssertions.assertThat(review).containsText("该任务已由他人办结",
        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
    PlaywrightAssertions.assertThat(review).containsText("this task was completed by someone else meanwhile");
    PlaywrightAssertions.assertThat(page.locator("#outbox-list li")).hasCount(1);
    for (Task task : tasks.subList(0, 2)) {
      assertThat(finished(task)).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from case_document where task_id = ?", Integer.class,
          task.getId())).as("each photo stored once").isEqualTo(3);
      assertThat(jdbc.queryForObject("select count(distinct client_id) from case_document where task_id = ?",
          Integer.class, task.getId())).isEqualTo(3);
    }
    assertThat(jdbc.queryForObject("select count(*) from case_document where task_id = ? and uploaded_by = ?",
        Integer.class, meanwhile.getId(), CLERK)).as("none of the late task's photos: its step was closed").isZero();

    // a send repeated by hand is a no-op that answers the first outcome
    Task first = tasks.get(0);
    String submissionId = jdbc.queryForObject("select submission_id from field_submission where task_id = ?",
        String.class, first.getId());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> again = rest.withBasicAuth(CLERK, DemoUsers.PASSWORD).exchange(
        "/api/field/tasks/" + first.getId() + "/complete", HttpMethod.POST, new HttpEntity<>(Map.of("submissionId",
            submissionId, "variables", Map.of("verifierName", "别人")), headers),
        new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).containsEntry("repeated", true);
    assertThat(finished(first)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from field_submission where task_id = ?", Integer.class,
        first.getId())).isEqualTo(1);

    // the entry kept for review stays after another reload, until the clerk removes it
    page.reload();
    PlaywrightAssertions.assertThat(page.locator("#outbox-list li.review")).containsText("该任务已由他人办结");
  }

  private void logIn() {
    page.navigate(base() + "/field/");
    page.getByLabel("用户名 User").fill(CLERK);
    page.getByLabel("密码 Password").fill(DemoUsers.PASSWORD);
    page.getByText("登录 Log in", new Page.GetByTextOptions().setExact(true)).last().click();
    PlaywrightAssertions.assertThat(page.locator("#work")).isVisible();
  }

  /** Searches "my work" for {@code q}: the card of {@code task}. */
  private Locator search(String q, Task task) {
    page.locator("#q").fill(q);
    page.locator("#search-form button").click();
    return page.locator("#tasks a[data-task-id='" + task.getId() + "']");
  }

  /** The step's demo values, typed and chosen in the rendered form by their labels. */
  private void fillVerification() {
    Map<String, Object> values = DemoSteps.valuesFor(TASK_VERIFY_HOUSING, AnjuClock.today());
    page.getByLabel("核验日期 Verification date").fill((String) values.get(Vars.VERIFICATION_DATE));
    page.getByLabel("核验人 Verified by").fill((String) values.get(Vars.VERIFIER_NAME));
    page.getByLabel("房屋结构 House structure").selectOption(new SelectOption().setLabel("土木结构 Earth and timber"));
    page.getByLabel("有能力自建或组织施工 Household can build or organise the work").check();
    page.getByLabel("核验情况 Notes").fill((String) values.get(Vars.VERIFICATION_NOTES));
  }

  private void takePhotos(String record, List<byte[]> photos) {
    FilePayload[] files = new FilePayload[photos.size()];
    for (int i = 0; i < files.length; i++) {
      files[i] = new FilePayload(record.toLowerCase() + "-" + (i + 1) + ".jpg", "image/jpeg", photos.get(i));
    }
    Locator record_ = page.locator(".record[data-record=" + record + "]");
    int before = record_.locator(".photo").count();
    record_.locator("input[type=file]").setInputFiles(files);
    PlaywrightAssertions.assertThat(record_.locator(".photo")).hasCount(before + photos.size());
  }

  private long finished(Task task) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count();
  }

  private Task verificationTask(DemoUsers.DemoCounty county, String headName, String village) {
    return FieldApiTest.verificationTask(cases, engine, demoDocuments, county, headName, village);
  }

  /** A name no other case has: {@code n} in Chinese digits. */
  private static String chinese(int n) {
    String digits = "零一二三四五六七八九";
    StringBuilder s = new StringBuilder();
    for (char c : String.valueOf(n).toCharArray()) {
      s.append(digits.charAt(c - '0'));
    }
    return s.toString();
  }


  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("waited 60 s for " + what);
      }
      Thread.sleep(200);
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
