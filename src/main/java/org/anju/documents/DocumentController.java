package org.anju.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.access.CurrentUser;
import org.anju.api.ApiProblem;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdFileRecord;
import org.anju.household.HouseholdSteps;
import org.anju.tasklist.FieldErrors;
import org.anju.tasklist.MapVariableScope;
import org.anju.tasklist.Step;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The household file's documents over HTTP, for Tasklist's Documents tab and any client: what a task's step
 * requires and holds, uploads (several files at once), the content and thumbnails, and removal while the step
 * is open. Whether the user may see a task or a case is the engine's own answer (authorization and the
 * tenant check of the logged-in user); a task or document that is not theirs answers the same 404 as one that
 * does not exist.
 */
@RestController
@RequestMapping("/api")
public class DocumentController {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentController.class);
  static final String NOT_FOUND = "未找到 / not found";

  private final CaseDocuments documents;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final HouseholdSteps steps;
  private final Thumbnails thumbnails;

  DocumentController(CaseDocuments documents, TaskService tasks, HistoryService history, IdentityService identity,
      HouseholdSteps steps, Thumbnails thumbnails) {
    this.documents = documents;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.steps = steps;
    this.thumbnails = thumbnails;
  }

  /** What the task's step requires, the records it may hold, and the documents given so far (the field page's too). */
  @GetMapping("/tasks/{taskId}/documents")
  public ResponseEntity<?> ofTask(@PathVariable String taskId) {
    Optional<OpenTask> open = openTask(taskId);
    if (open.isEmpty()) {
      return ApiProblem.notFound(NOT_FOUND);
    }
    OpenTask task = open.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("taskId", taskId);
    body.put("step", task.step.elementId());
    body.put("householdId", task.place.householdId());
    body.put("processInstanceId", task.place.processInstanceId());
    body.put("mayChange", task.mayWork);
    body.put("maxFileSize", documents.maxBytes());
    var values = new MapVariableScope(tasks.getVariables(taskId));
    List<Map<String, Object>> records = new ArrayList<>();
    for (Step.Document record : task.step.documents()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("record", record.name());
      r.put("zh", record.zh());
      r.put("en", record.en());
      r.put("photo", record.photo());
      Optional<Step.Requirement> requirement = task.step.required().stream()
          .filter(q -> q.document().equals(record)).findFirst();
      // required now for what the case holds; a condition on what this form will say is shown as such
      r.put("required", requirement.map(q -> q.always() || q.applies(values)).orElse(false));
      r.put("condition", requirement.filter(q -> !q.always())
          .map(q -> Map.of("zh", q.conditionZh(), "en", q.conditionEn())).orElse(null));
      records.add(r);
    }
    body.put("records", records);
    body.put("documents", documents.ofTask(taskId).stream().map(DocumentController::describe).toList());
    return ResponseEntity.ok(body);
  }

  /**
   * Adds one or more files as one record of the task's step; all or none. A phone may say where and when its
   * photos were taken ({@code latitude}, {@code longitude}, {@code accuracy} in metres, {@code takenAt}), kept for
   * photos whose EXIF data does not say.
   */
  @PostMapping(path = "/tasks/{taskId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> upload(@PathVariable String taskId, @RequestParam(name = "record", required = false) String record,
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      @RequestParam(name = "clientId", required = false) String clientId,
      @RequestParam(name = "latitude", required = false) String latitude,
      @RequestParam(name = "longitude", required = false) String longitude,
      @RequestParam(name = "accuracy", required = false) String accuracy,
      @RequestParam(name = "takenAt", required = false) String takenAt) throws IOException {
    Optional<OpenTask> open = openTask(taskId);
    if (open.isEmpty()) {
      return ApiProblem.notFound(NOT_FOUND);
    }
    OpenTask task = open.get();
    if (!task.mayWork) {
      return ApiProblem.forbidden("只有该任务的办理人或候选组成员可以上传资料 / only the task's assignee or candidates may add documents");
    }
    Optional<Step.Document> kind = task.step.documents().stream().filter(d -> d.name().equals(record)).findFirst();
    if (kind.isEmpty()) {
      FieldErrors errors = new FieldErrors();
      errors.add("record", "须为本步骤的资料之一：" + String.join("、", task.step.documents().stream().map(Step.Document::zh)
          .toList()), "must be one of this step's records: " + String.join(", ", task.step.documents().stream()
          .map(Step.Document::name).toList()));
      return refused(errors);
    }
    FieldErrors badPosition = new FieldErrors();
    CaseDocuments.Position position = DevicePosition.of(latitude, longitude, accuracy, takenAt, badPosition);
    if (!badPosition.isEmpty()) {
      return refused(badPosition);
    }
    List<CaseDocuments.Upload> given = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      given.add(new CaseDocuments.Upload(file.getOriginalFilename(), file.getBytes()));
    }
    try {
      List<CaseDocuments.Document> added = documents.add(task.place, kind.get().name(), kind.get().photo(), given,
          identity.getCurrentAuthentication().getUserId(), clientId, position);
      return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("documents",
          added.stream().map(DocumentController::describe).toList()));
    } catch (FieldErrors.Refusal refusal) {
      LOG.info("refused documents for task {} of case {}: {}", taskId, task.place.householdId(), FieldErrors.forLog(refusal));
      return refused(refusal.problems());
    }
  }

  /** Every document of a case, for its county's staff and the supervisors above. */
  @GetMapping("/cases/{processInstanceId}/documents")
  ResponseEntity<?> ofCase(@PathVariable String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null || !visible(countyOf(instance))) {
      return ApiProblem.notFound(NOT_FOUND);
    }
    return ResponseEntity.ok(Map.of("processInstanceId", processInstanceId, "householdId",
        String.valueOf(instance.getBusinessKey()), "documents",
        documents.ofCase(processInstanceId).stream().map(DocumentController::describe).toList()));
  }

  /** The archived household file (PDF) of a household, for its county's staff and the supervisors above. */
  @GetMapping("/households/{householdId}/household-file")
  ResponseEntity<?> householdFile(@PathVariable String householdId) throws IOException {
    Optional<CaseDocuments.Document> file = documents.householdFile(householdId).filter(d -> visible(d.countyCode()));
    if (file.isEmpty()) {
      return ApiProblem.notFound("没有该户的一户一档 PDF（未归档或无权查看） / no household file for this household "
          + "(not archived, or not yours)");
    }
    return serve(file.get(), true);
  }

  @GetMapping("/documents/{id}/content")
  ResponseEntity<?> content(@PathVariable String id) throws IOException {
    Optional<CaseDocuments.Document> document = visibleDocument(id);
    if (document.isEmpty()) {
      return ApiProblem.notFound(NOT_FOUND);
    }
    return serve(document.get(), false);
  }

  private ResponseEntity<?> serve(CaseDocuments.Document d, boolean download) throws IOException {
    byte[] bytes;
    try (InputStream in = documents.store().get(d.sha256())) {
      bytes = in.readAllBytes();
    } catch (NoSuchFileException e) {
      LOG.error("document {} of case {} has no content {} in {}", d.id(), d.householdId(), d.sha256(),
          documents.store().describe());
      return ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "missing-content", "资料内容缺失 / the document's content is missing");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, (download ? ContentDisposition.attachment() : ContentDisposition.inline())
            .filename(d.fileName(),
            java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .eTag("\"" + d.sha256() + "\"").cacheControl(CacheControl.noCache().cachePrivate()).body(bytes);
  }

  @GetMapping("/documents/{id}/thumbnail")
  ResponseEntity<?> thumbnail(@PathVariable String id) throws IOException {
    Optional<CaseDocuments.Document> document = visibleDocument(id);
    if (document.isEmpty() || !document.get().image()) {
      return ApiProblem.notFound(NOT_FOUND);
    }
    byte[] jpeg = thumbnails.of(document.get().sha256());
    return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).header("X-Content-Type-Options", "nosniff")
        .eTag("\"" + document.get().sha256() + "-t\"").cacheControl(CacheControl.noCache().cachePrivate()).body(jpeg);
  }

  /** Removes a document while its step is open, by someone who may work the step. */
  @DeleteMapping("/documents/{id}")
  ResponseEntity<?> remove(@PathVariable String id) {
    Optional<CaseDocuments.Document> document = visibleDocument(id);
    if (document.isEmpty()) {
      return ApiProblem.notFound(NOT_FOUND);
    }
    String taskId = document.get().taskId();
    Optional<OpenTask> open = taskId == null ? Optional.empty() : openTask(taskId);
    if (open.isEmpty()) {
      return ApiProblem.of(HttpStatus.CONFLICT, "conflict",
          "该资料所属步骤已办结，已归入一户一档，不能删除 / the document's step is completed: it is part of the household file");
    }
    if (!open.get().mayWork) {
      return ApiProblem.forbidden("只有该任务的办理人或候选组成员可以删除资料 / only the task's assignee or candidates may remove documents");
    }
    documents.remove(document.get().id());
    return ResponseEntity.noContent().build();
  }

  /** A task of a household case that the user sees, with where its documents belong. */
  private record OpenTask(Task task, Step step, CaseDocuments.Place place, boolean mayWork) {}

  private Optional<OpenTask> openTask(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult(); // the user's view: authorization, tenants
    if (task == null) {
      return Optional.empty();
    }
    Optional<Step> step = steps.steps().stream().filter(s -> s.elementId().equals(task.getTaskDefinitionKey())).findFirst();
    if (step.isEmpty()) {
      return Optional.empty(); // not a step of a household's case: it has no file
    }
    Map<String, Object> variables = tasks.getVariables(taskId, List.of(Vars.HOUSEHOLD_ID, Vars.COUNTY_CODE,
        Vars.TOWNSHIP_CODE));
    String county = (String) variables.get(Vars.COUNTY_CODE);
    if (!visible(county)) {
      return Optional.empty();
    }
    CaseDocuments.Place place = new CaseDocuments.Place((String) variables.get(Vars.HOUSEHOLD_ID),
        task.getProcessInstanceId(), county, (String) variables.get(Vars.TOWNSHIP_CODE), task.getTaskDefinitionKey(),
        taskId);
    return Optional.of(new OpenTask(task, step.get(), place, mayWork(task)));
  }

  /** The assignee, or, while unassigned, a member of a candidate group (as Tasklist lets them complete it). */
  private boolean mayWork(Task task) {
    Authentication user = identity.getCurrentAuthentication();
    if (CurrentUser.isAdministrator(user)) {
      return true;
    }
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(user.getUserId());
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (user.getUserId().equals(link.getUserId()) || groups.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private Optional<CaseDocuments.Document> visibleDocument(String id) {
    if (!id.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    return documents.find(Long.parseLong(id)).filter(d -> visible(d.countyCode()));
  }

  private boolean visible(String countyCode) {
    List<String> counties = CurrentUser.visibleCounties(identity.getCurrentAuthentication());
    return countyCode != null && (counties == null || counties.contains(countyCode));
  }

  private static String countyOf(HistoricProcessInstance instance) {
    String tenant = instance.getTenantId();
    List<String> counties = CurrentUser.counties(tenant == null ? List.of() : List.of(tenant));
    return counties.isEmpty() ? null : counties.get(0);
  }

  private static ResponseEntity<?> refused(FieldErrors errors) {
    return refused(errors.problems());
  }

  private static ResponseEntity<?> refused(List<FieldErrors.Problem> problems) {
    return ApiProblem.invalid(FieldErrors.message(problems), problems.stream().map(p -> Map.of("field", p.field(),
        "reason", p.reasonZh() + " / " + p.reasonEn(), "message", p.sentence())).toList());
  }

  static Map<String, Object> describe(CaseDocuments.Document d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("record", d.record());
    HouseholdFileRecord.valueOfName(d.record()).ifPresent(r -> {
      m.put("zh", r.zh());
      m.put("en", r.en());
    });
    m.put("step", d.step());
    m.put("taskId", d.taskId());
    m.put("fileName", d.fileName());
    m.put("mediaType", d.mediaType());
    m.put("size", d.size());
    m.put("sha256", d.sha256());
    m.put("width", d.width());
    m.put("height", d.height());
    m.put("uploadedBy", d.uploadedBy());
    m.put("uploadedAt", String.valueOf(d.uploadedAt()));
    m.put("takenAt", d.takenAt() == null ? null : d.takenAt().toString());
    m.put("latitude", d.latitude());
    m.put("longitude", d.longitude());
    m.put("accuracy", d.accuracy());
    m.put("content", "/api/documents/" + d.id() + "/content");
    if (d.image()) {
      m.put("thumbnail", "/api/documents/" + d.id() + "/thumbnail");
    }
    return m;
  }
}
