package org.anju.field;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anju.access.Role;
import org.anju.clock.AnjuClock;
import org.anju.demo.CaseWalker;
import org.anju.demo.DemoDocuments;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCases;
import org.anju.support.TestFiles;
import org.anju.support.TestHouseholds;
import org.anju.support.Uploads;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The field page's API: my work, one task with its form, and a completion that happens once per submission id,
 * answers 409 when someone else completed the task meanwhile and 404 for another county's task as for none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FieldApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final String TOWNSHIP = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DemoDocuments demoDocuments;
  @Autowired
  HouseholdCases cases;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldListOpenAndCompleteAVerificationOnceWhateverTheRepeats() {
    Task task = verificationTask(DemoUsers.KELAN, "岳秀兰", "王家岔村");

    List<Map<String, Object>> mine = tasks(get("/api/field/tasks?q=王家岔").getBody());
    assertThat(mine).extracting(t -> t.get("id")).contains(task.getId());
    Map<String, Object> row = mine.stream().filter(t -> task.getId().equals(t.get("id"))).findFirst().orElseThrow();
    assertThat(row).containsEntry("headName", "岳秀兰").containsEntry("village", "王家岔村")
        .containsEntry("step", TASK_VERIFY_HOUSING).containsKeys("householdId", "address", "due");
    assertThat(tasks(get("/api/field/tasks?q=岳秀兰").getBody())).extracting(t -> t.get("id")).contains(task.getId());
    assertThat(tasks(get("/api/field/tasks?q=没有这个人").getBody())).isEmpty();
    List<Map<String, Object>> all = tasks(get("/api/field/tasks").getBody());
    assertThat(all).extracting(t -> t.get("due")).as("nearest due first")
        .isSortedAccordingTo((a, b) -> a == null ? (b == null ? 0 : 1) : b == null ? -1 : ((String) a).compareTo((String) b));

    Map<String, Object> detail = get("/api/field/tasks/" + task.getId()).getBody();
    assertThat(((Map<?, ?>) detail.get("form")).get("id")).isEqualTo("verify-housing");
    assertThat(((Map<?, ?>) detail.get("variables")).get("headName")).isEqualTo("岳秀兰");
    assertThat(((Map<?, ?>) detail.get("documents")).get("records").toString()).contains("SURVEY_FORM", "PHOTOS_BEFORE");

    // the step's rules refuse a submission without its documents, naming them; nothing is kept of it
    String submissionId = UUID.randomUUID().toString();
    ResponseEntity<Map<String, Object>> refused = complete(task.getId(), submissionId, values());
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").toString()).contains("改造前照片");
    assertThat(jdbc.queryForObject("select count(*) from field_submission where submission_id = ?", Integer.class,
        submissionId)).isZero();

    attachPhotos(task);
    ResponseEntity<Map<String, Object>> done = complete(task.getId(), submissionId, values());
    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(200);
    assertThat(done.getBody()).containsEntry("outcome", "COMPLETED").containsEntry("repeated", false);
    ResponseEntity<Map<String, Object>> again = complete(task.getId(), submissionId, values());
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).containsEntry("repeated", true).containsEntry("completedAt", done.getBody().get("completedAt"));
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(TASK_VERIFY_HOUSING).finished().count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName("verifierName").singleResult().getValue()).isEqualTo("郝建军");

    // another send, another id: the task is done, and the clerk is told so in plain words
    ResponseEntity<Map<String, Object>> late = complete(task.getId(), UUID.randomUUID().toString(), values());
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody().get("detail").toString()).contains("该任务已由他人办结", "completed by someone else meanwhile");
  }

  @Test
  void shouldAnswerAnotherCountysTaskAsOneThatDoesNotExist() {
    Task jingle = verificationTask(DemoUsers.JINGLE, "石来福", "鹅城村");
    ResponseEntity<Map<String, Object>> theirs = exchange(HttpMethod.GET, "/api/field/tasks/" + jingle.getId(), null);
    ResponseEntity<Map<String, Object>> none = exchange(HttpMethod.GET, "/api/field/tasks/no-such-task", null);
    assertThat(theirs.getStatusCode().value()).isEqualTo(404);
    assertThat(theirs.getBody()).isEqualTo(none.getBody());
    ResponseEntity<Map<String, Object>> complete = complete(jingle.getId(), UUID.randomUUID().toString(), values());
    assertThat(complete.getStatusCode().value()).isEqualTo(404);
    assertThat(complete.getBody()).isEqualTo(complete("no-such-task", UUID.randomUUID().toString(), values()).getBody());
    assertThat(tasks(get("/api/field/tasks?q=石来福").getBody())).isEmpty();
    // completed in its own county, it is still not ours: 404, never "completed meanwhile"
    Map<String, Object> values = values();
    demoDocuments.attachRequired(engine.getTaskService(), jingle, values);
    engine.getTaskService().complete(jingle.getId(), values);
    assertThat(complete(jingle.getId(), UUID.randomUUID().toString(), values()).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void shouldRefuseBadSubmissionsAndBadPositionsNamingTheField() {
    Task task = verificationTask(DemoUsers.KELAN, "康桂花", "宋家沟村");
    ResponseEntity<Map<String, Object>> noId = complete(task.getId(), "not a valid id!", values());
    assertThat(Uploads.errors(noId)).extracting(e -> e.get("field")).containsExactly("submissionId");
    Map<String, Object> extra = new HashMap<>(values());
    extra.put("subsidyAmount", 99999);
    attachPhotos(task);
    ResponseEntity<Map<String, Object>> whitelisted = complete(task.getId(), UUID.randomUUID().toString(), extra);
    assertThat(Uploads.errors(whitelisted)).extracting(e -> e.get("field")).containsExactly("subsidyAmount");
    Map<String, Object> blank = new HashMap<>(values());
    blank.remove("verifierName");
    assertThat(Uploads.errors(complete(task.getId(), UUID.randomUUID().toString(), blank))).extracting(e -> e.get("field"))
        .contains("verifierName");

    ResponseEntity<Map<String, Object>> far = upload(task.getId(), Map.of("latitude", "91", "longitude", "111.57",
        "accuracy", "-1", "takenAt", "yesterday"));
    assertThat(Uploads.errors(far)).extracting(e -> e.get("field")).containsExactly("latitude", "accuracy", "takenAt");
    ResponseEntity<Map<String, Object>> half = upload(task.getId(), Map.of("longitude", "111.57"));
    assertThat(Uploads.errors(half)).extracting(e -> e.get("field")).containsExactly("latitude");
  }

  @Test
  void shouldKeepThePhonesPositionForAPhotoWithoutExifAndTheCamerasForOneWithIt() {
    Task task = verificationTask(DemoUsers.KELAN, "冯二娃", "宋家沟村");
    ResponseEntity<Map<String, Object>> plain = upload(task.getId(), Map.of("latitude", "38.70", "longitude", "111.57",
        "accuracy", "12.5", "takenAt", "2026-11-20T01:30:00Z"));
    assertThat(plain.getStatusCode().value()).as("%s", plain.getBody()).isEqualTo(201);
    assertThat(Uploads.documents(plain.getBody()).get(0)).containsEntry("latitude", 38.70).containsEntry("longitude", 111.57)
        .containsEntry("accuracy", 12.5).containsEntry("takenAt", "2026-11-20T01:30:00Z");

    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("record", "PHOTOS_BEFORE");
    form.add("file", Uploads.file("exif.jpg", TestFiles.jpegWithExif(200, 100, java.time.LocalDateTime.of(2026, 11, 19, 9, 0),
        38.1, 111.1)));
    form.add("latitude", "38.70");
    form.add("longitude", "111.57");
    form.add("accuracy", "12.5");
    ResponseEntity<Map<String, Object>> exif = multipart(task.getId(), form);
    assertThat(Uploads.documents(exif.getBody()).get(0)).containsEntry("latitude", 38.1).containsEntry("accuracy", null)
        .containsEntry("takenAt", "2026-11-19T01:00:00Z");
  }

  @Test
  void shouldGiveAnAcceptanceTheValuesItsFormsConditionsRead() {
    Task verification = verificationTask(DemoUsers.KELAN, "梁满囤", "宋家沟村");
    Task acceptance = new CaseWalker(engine, demoDocuments).walkTo(verification.getProcessInstanceId(),
        org.anju.household.HouseholdCaseProcess.Elements.TASK_INSPECT_ACCEPTANCE);
    String housing = DemoUsers.userOf(DemoUsers.KELAN, Role.HOUSING);
    ResponseEntity<Map<String, Object>> detail = rest.withBasicAuth(housing, DemoUsers.PASSWORD)
        .exchange("/api/field/tasks/" + acceptance.getId(), HttpMethod.GET, null, MAP);
    assertThat(detail.getStatusCode().value()).isEqualTo(200);
    // "=seismicIntensity < 7" and "=renovationMethod != \"REBUILD\"" decide what the form shows
    assertThat(((Map<?, ?>) detail.getBody().get("variables")).keySet().stream().map(String::valueOf).toList()).contains("seismicIntensity", "renovationMethod",
        "headName").doesNotContain("REBUILD");
    assertThat(tasks(rest.withBasicAuth(housing, DemoUsers.PASSWORD).exchange("/api/field/tasks?q=梁满囤",
        HttpMethod.GET, null, MAP).getBody())).extracting(t -> t.get("step"))
        .containsExactly(org.anju.household.HouseholdCaseProcess.Elements.TASK_INSPECT_ACCEPTANCE);
    // the township clerk does not hold the county's acceptance
    assertThat(tasks(get("/api/field/tasks?q=梁满囤").getBody())).isEmpty();
  }

  @Test
  void shouldServeThePageWithoutALoginAsOneResponseCompressedWhenAsked() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var page = java.net.URI.create(rest.getRootUri() + "/field/");
    var plain = client.send(java.net.http.HttpRequest.newBuilder(page).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(plain.body()).contains("<style>", "indexedDB.open('anju-field'", "我的任务 My work")
        .doesNotContain("src=\"field.js\"");
    var gzip = client.send(java.net.http.HttpRequest.newBuilder(page).header("Accept-Encoding", "gzip").build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gzip.body().length).isLessThan(plain.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 2);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain.body());
    }
    var bare = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + "/field")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/field/");
  }

  static Map<String, Object> values() {
    return new HashMap<>(DemoSteps.valuesFor(TASK_VERIFY_HOUSING, AnjuClock.today()));
  }

  private Task verificationTask(DemoUsers.DemoCounty county, String headName, String village) {
    return verificationTask(cases, engine, demoDocuments, county, headName, village);
  }

  /** A new case of {@code county}, walked to its verification; shared with the field page's browser test. */
  static Task verificationTask(HouseholdCases cases, ProcessEngine engine, DemoDocuments demoDocuments,
      DemoUsers.DemoCounty county, String headName, String village) {
    return TestHouseholds.waitingAt(cases, engine, demoDocuments, county, headName, village, TASK_VERIFY_HOUSING);
  }

  private void attachPhotos(Task task) {
    for (String record : List.of("PHOTOS_BEFORE", "SURVEY_FORM")) {
      LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      form.add("record", record);
      form.add("file", Uploads.file(record + ".jpg", TestFiles.jpeg(80, 60, Color.ORANGE)));
      assertThat(multipart(task.getId(), form).getStatusCode().value()).isEqualTo(201);
    }
  }

  private ResponseEntity<Map<String, Object>> upload(String taskId, Map<String, String> position) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("record", "PHOTOS_BEFORE");
    form.add("file", Uploads.file("plain.jpg", TestFiles.jpeg(120, 90, Color.GREEN)));
    position.forEach(form::add);
    return multipart(taskId, form);
  }

  private ResponseEntity<Map<String, Object>> multipart(String taskId, LinkedMultiValueMap<String, Object> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return exchange(HttpMethod.POST, "/api/tasks/" + taskId + "/documents", new HttpEntity<>(form, headers));
  }

  private ResponseEntity<Map<String, Object>> complete(String taskId, String submissionId, Map<String, Object> values) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return exchange(HttpMethod.POST, "/api/field/tasks/" + taskId + "/complete",
        new HttpEntity<>(Map.of("submissionId", submissionId, "variables", values), headers));
  }

  private ResponseEntity<Map<String, Object>> get(String path) {
    ResponseEntity<Map<String, Object>> response = exchange(HttpMethod.GET, path, null);
    assertThat(response.getStatusCode().value()).as("GET %s: %s", path, response.getBody()).isEqualTo(200);
    return response;
  }

  private ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, HttpEntity<?> body) {
    return rest.withBasicAuth(TOWNSHIP, DemoUsers.PASSWORD).exchange(path, method, body, MAP);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tasks(Map<String, Object> body) {
    return (List<Map<String, Object>>) body.get("tasks");
  }

}
