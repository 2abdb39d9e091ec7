package org.anju.documents;

import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.anju.access.Role;
import org.anju.clock.AnjuClock;
import org.anju.demo.DemoDocuments;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCases;
import org.anju.support.TestFiles;
import org.anju.support.TestHouseholds;
import org.anju.support.Uploads;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The household file's documents through Anju's API, as the Documents tab uses it: what a step needs, uploads
 * checked by their bytes, previews, removal while the step is open, and a step refused until its documents are
 * there. The limit is lowered to 2 MB so that a file over it is cheap to make.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "anju.documents.max-file-size=2MB")
@ActiveProfiles("test")
class DocumentsApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final String TOWNSHIP = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);
  private static final String HOUSING = DemoUsers.userOf(DemoUsers.KELAN, Role.HOUSING);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DemoDocuments demoDocuments;
  @Autowired
  HouseholdCases cases;
  @Autowired
  CaseDocuments documents;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldRefuseAVerificationUntilItsPhotosAndSurveyAreThereAndKeepThemInTheFile() throws IOException {
    Task task = verificationTask("白玉兰");
    Map<String, Object> listing = get(TOWNSHIP, "/api/tasks/" + task.getId() + "/documents").getBody();
    assertThat(records(listing)).extracting(r -> r.get("record") + ":" + r.get("required"))
        .containsExactly("SURVEY_FORM:true", "PHOTOS_BEFORE:true");

    ResponseEntity<Map<String, Object>> refused = submit(task);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message"))
        .isEqualTo("资料：缺少入户核验调查表、改造前照片，请在“资料”页上传 / Documents: missing House-to-house survey form, "
            + "Photos before renovation: upload them on the Documents tab");

    byte[] withExif = TestFiles.jpegWithExif(1600, 1200, LocalDateTime.of(2026, 11, 20, 9, 30), 38.7036, 111.5656);
    byte[] plain = TestFiles.png(800, 600, Color.LIGHT_GRAY);
    ResponseEntity<Map<String, Object>> photos = upload(TOWNSHIP, task.getId(), "PHOTOS_BEFORE", null,
        Uploads.file("东墙裂缝.jpg", withExif), Uploads.file("屋面.png", plain));
    assertThat(photos.getStatusCode().value()).as("%s", photos.getBody()).isEqualTo(201);
    List<Map<String, Object>> added = Uploads.documents(photos.getBody());
    assertThat(added).extracting(d -> d.get("fileName")).containsExactly("东墙裂缝.jpg", "屋面.png");
    assertThat(added.get(0)).containsEntry("mediaType", "image/jpeg").containsEntry("width", 1600)
        .containsEntry("sha256", CaseDocuments.sha256(withExif))
        .containsEntry("takenAt", "2026-11-20T01:30:00Z"); // 09:30 in Beijing, as the phone's clock said
    assertThat((Double) added.get(0).get("latitude")).isCloseTo(38.7036, org.assertj.core.data.Offset.offset(1e-4));
    assertThat((Double) added.get(0).get("longitude")).isCloseTo(111.5656, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(added.get(1).get("takenAt")).as("a photo without EXIF has no time taken").isNull();

    ResponseEntity<byte[]> thumbnail = rest.withBasicAuth(TOWNSHIP, DemoUsers.PASSWORD)
        .getForEntity((String) added.get(0).get("thumbnail"), byte[].class);
    assertThat(thumbnail.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
    var preview = ImageIO.read(new ByteArrayInputStream(thumbnail.getBody()));
    assertThat(Math.max(preview.getWidth(), preview.getHeight())).isEqualTo(Thumbnails.EDGE);
    ResponseEntity<byte[]> content = rest.withBasicAuth(TOWNSHIP, DemoUsers.PASSWORD)
        .getForEntity((String) added.get(0).get("content"), byte[].class);
    assertThat(content.getBody()).isEqualTo(withExif);
    assertThat(content.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    assertThat(upload(TOWNSHIP, task.getId(), "SURVEY_FORM", null, Uploads.file("调查表.pdf", TestFiles.pdf(false)))
        .getStatusCode().value()).isEqualTo(201);
    assertThat(submit(task).getStatusCode().value()).isEqualTo(204);

    long id = ((Number) added.get(1).get("id")).longValue();
    ResponseEntity<Map<String, Object>> late = exchange(TOWNSHIP, HttpMethod.DELETE, "/api/documents/" + id, null);
    assertThat(late.getStatusCode().value()).as("a completed step's document is part of the file").isEqualTo(409);
    Map<String, Object> file = get(HOUSING, "/api/cases/" + task.getProcessInstanceId() + "/documents").getBody();
    assertThat(Uploads.documents(file)).filteredOn(d -> TASK_VERIFY_HOUSING.equals(d.get("step"))).extracting(d -> d.get("record"))
        .containsExactly("PHOTOS_BEFORE", "PHOTOS_BEFORE", "SURVEY_FORM");
  }

  @Test
  void shouldRefuseEveryBadFileNamingItAndStoreNothing() throws IOException {
    Task task = verificationTask("贺小平");
    Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
    bad.put("setup.jpg", TestFiles.executable());
    bad.put("empty.jpg", new byte[0]);
    byte[] huge = Arrays.copyOf(TestFiles.jpeg(10, 10, Color.RED), 3 * 1024 * 1024);
    bad.put("huge.jpg", huge);
    bad.put("bomb.png", TestFiles.pngBomb(100_000, 100_000));
    bad.put("renamed.jpg", TestFiles.png(20, 20, Color.BLUE));
    Map<String, String> reasons = Map.of(
        "setup.jpg", "is not a JPEG or PNG photo or a PDF scan",
        "empty.jpg", "is empty",
        "huge.jpg", "is larger than the limit of 2 MB",
        "bomb.png", "has too many pixels (100000×100000); the limit is 50 megapixels",
        "renamed.jpg", "is named as JPEG but its content is PNG");
    for (Map.Entry<String, byte[]> each : bad.entrySet()) {
      ResponseEntity<Map<String, Object>> refused = upload(TOWNSHIP, task.getId(), "PHOTOS_BEFORE", null,
          Uploads.file(each.getKey(), each.getValue()));
      assertThat(refused.getStatusCode().value()).as(each.getKey()).isEqualTo(400);
      assertThat(Uploads.errors(refused)).as(each.getKey()).singleElement().satisfies(e -> {
        assertThat(e.get("field")).isEqualTo("file");
        assertThat((String) e.get("reason")).contains("\"" + each.getKey() + "\" " + reasons.get(each.getKey()));
      });
    }
    ResponseEntity<Map<String, Object>> script = upload(TOWNSHIP, task.getId(), "SURVEY_FORM", null,
        Uploads.file("调查表.pdf", TestFiles.pdf(true)));
    assertThat(Uploads.errors(script)).singleElement().satisfies(e -> assertThat((String) e.get("reason"))
        .contains("contains JavaScript or a launch action"));
    ResponseEntity<Map<String, Object>> scanAsPhoto = upload(TOWNSHIP, task.getId(), "PHOTOS_BEFORE", null,
        Uploads.file("scan.pdf", TestFiles.pdf(false)));
    assertThat(Uploads.errors(scanAsPhoto)).singleElement().satisfies(e -> assertThat((String) e.get("reason"))
        .contains("is not a photo"));
    ResponseEntity<Map<String, Object>> oneBadOfTwo = upload(TOWNSHIP, task.getId(), "PHOTOS_BEFORE", null,
        Uploads.file("good.jpg", TestFiles.jpeg(40, 30, Color.GREEN)), Uploads.file("setup.jpg", TestFiles.executable()));
    assertThat(oneBadOfTwo.getStatusCode().value()).as("one bad file refuses the whole upload").isEqualTo(400);
    ResponseEntity<Map<String, Object>> notThisStep = upload(TOWNSHIP, task.getId(), "PAYMENT_PROOF", null,
        Uploads.file("good.jpg", TestFiles.jpeg(40, 30, Color.GREEN)));
    assertThat(Uploads.errors(notThisStep)).singleElement().satisfies(e -> assertThat(e.get("field")).isEqualTo("record"));

    assertThat(documents.ofTask(task.getId())).isEmpty();
    assertThat(storedFiles()).as("no content of a refused upload is stored")
        .doesNotContain(CaseDocuments.sha256(TestFiles.jpeg(40, 30, Color.GREEN)));
  }

  @Test
  void shouldStoreARetriedUploadOnceAndTheSameContentOnce() throws IOException {
    Task task = verificationTask("乔润生");
    byte[] photo = TestFiles.jpeg(320, 240, Color.PINK);
    var first = Uploads.documents(upload(TOWNSHIP, task.getId(), "PHOTOS_BEFORE", "phone-7f3a", Uploads.file("a.jpg", photo)).getBody());
    var again = Uploads.documents(upload(TOWNSHIP, task.getId(), "PHOTOS_BEFORE", "phone-7f3a", Uploads.file("a.jpg", photo)).getBody());
    assertThat(again).extracting(d -> d.get("id")).isEqualTo(first.stream().map(d -> d.get("id")).toList());
    var other = Uploads.documents(upload(TOWNSHIP, task.getId(), "SURVEY_FORM", null, Uploads.file("same.jpg", photo)).getBody());
    assertThat(documents.ofTask(task.getId())).hasSize(2);
    assertThat(other.get(0).get("sha256")).isEqualTo(first.get(0).get("sha256"));
    assertThat(storedFiles().stream().filter(CaseDocuments.sha256(photo)::equals)).as("one content").hasSize(1);
  }

  @Test
  void shouldSweepContentThatACrashLeftWithoutItsRecordAndKeepTheRest() throws IOException {
    Task task = verificationTask("曹二板");
    byte[] kept = TestFiles.jpeg(100, 80, Color.CYAN);
    upload(TOWNSHIP, task.getId(), "PHOTOS_BEFORE", null, Uploads.file("kept.jpg", kept));
    // a crash after the content was written and before its row: the store has it, the table does not
    byte[] orphan = TestFiles.jpeg(100, 80, Color.MAGENTA);
    documents.store().put(CaseDocuments.sha256(orphan), new ByteArrayInputStream(orphan), orphan.length);
    Path part = Files.createDirectories(root().resolve("ab")).resolve("ab12" + FileSystemContentStore.PART_SUFFIX);
    Files.write(part, new byte[] {1, 2, 3});

    int swept = documents.sweepOrphans(Duration.ZERO.minusSeconds(5));

    assertThat(swept).isGreaterThanOrEqualTo(1);
    assertThat(documents.store().exists(CaseDocuments.sha256(orphan))).isFalse();
    assertThat(documents.store().exists(CaseDocuments.sha256(kept))).isTrue();
    assertThat(part).doesNotExist();
  }

  @Test
  void shouldLetOnlyWhoMayWorkTheStepRemoveItsDocuments() {
    Task task = verificationTask("范三妹");
    long id = ((Number) Uploads.documents(upload(TOWNSHIP, task.getId(), "PHOTOS_BEFORE", null,
        Uploads.file("x.jpg", TestFiles.jpeg(50, 50, Color.YELLOW))).getBody()).get(0).get("id")).longValue();
    ResponseEntity<Map<String, Object>> byHousing = exchange(HOUSING, HttpMethod.DELETE, "/api/documents/" + id, null);
    assertThat(byHousing.getStatusCode().value()).as("%s", byHousing.getBody()).isIn(403, 404);
    assertThat(documents.find(id)).isPresent();
    assertThat(exchange(TOWNSHIP, HttpMethod.DELETE, "/api/documents/" + id, null).getStatusCode().value())
        .isEqualTo(204);
    assertThat(documents.find(id)).isEmpty();
  }

  private Task verificationTask(String headName) {
    return TestHouseholds.waitingAt(cases, engine, demoDocuments, DemoUsers.KELAN, headName, "宋家沟村",
        TASK_VERIFY_HOUSING);
  }

  private ResponseEntity<Map<String, Object>> submit(Task task) {
    Map<String, Object> variables = new HashMap<>();
    DemoSteps.valuesFor(TASK_VERIFY_HOUSING, AnjuClock.today()).forEach((k, v) -> {
      VariableValueDto value = new VariableValueDto();
      value.setValue(v);
      value.setType(v instanceof Boolean ? "Boolean" : "String");
      variables.put(k, value);
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return exchange(TOWNSHIP, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form",
        new HttpEntity<>(Map.of("variables", variables), headers));
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String taskId, String record, String clientId,
      ByteArrayResource... files) {
    Map<String, Object> fields = new HashMap<>(Map.of("record", record, "file", List.of(files)));
    if (clientId != null) {
      fields.put("clientId", clientId);
    }
    return exchange(user, HttpMethod.POST, "/api/tasks/" + taskId + "/documents",
        Uploads.multipart(new HttpHeaders(), fields));
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    ResponseEntity<Map<String, Object>> response = exchange(user, HttpMethod.GET, path, null);
    assertThat(response.getStatusCode().value()).as("GET %s: %s", path, response.getBody()).isEqualTo(200);
    return response;
  }

  private ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String path, HttpEntity<?> body) {
    return rest.withBasicAuth(user, DemoUsers.PASSWORD).exchange(path, method, body, MAP);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(Map<String, Object> listing) {
    return (List<Map<String, Object>>) listing.get("records");
  }

  /** Where this context's file-system store keeps its content. */
  private Path root() {
    return ((FileSystemContentStore) documents.store()).root();
  }

  private List<String> storedFiles() throws IOException {
    Path root = root();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
    }
  }
}
