package org.anju.intake;

import org.anju.api.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.anju.access.BasicAuthenticationFilter;
import org.anju.intake.RegisterImports.RegisterImport;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk intake of household registers: upload a CSV or XLSX register, watch its progress, read its
 * bad rows. Staff who may register households import into their own county, an administrator into
 * any. A user sees all of an import made within their counties, and of an import that spans other
 * counties too only their counties' rows, problems and counts.
 */
@RestController
@RequestMapping("/api/intake")
class IntakeController {

  static final String TEMPLATE = "intake/register-template.csv";

  private final RegisterIntake intake;
  private final RegisterImports imports;
  private final IdentityService identity;
  private final RegisterPermission permission;
  private final MultipartConfigElement limits;

  IntakeController(RegisterIntake intake, RegisterImports imports, IdentityService identity,
      RegisterPermission permission, MultipartConfigElement limits) {
    this.intake = intake;
    this.imports = imports;
    this.identity = identity;
    this.permission = permission;
    this.limits = limits;
  }

  /**
   * Whether the user may upload registers, and if not why: the page says so before anyone chooses a
   * file. With the size limit: a browser sending a file far beyond it may see the connection closed
   * before the 413, so the page checks the size itself first.
   */
  @GetMapping("/permission")
  Map<String, Object> permission(HttpServletRequest request) {
    Uploader who = Uploader.of(identity.getCurrentAuthentication());
    boolean may = permission.mayRegister(who);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("mayImport", may);
    answer.put("message", may ? null : permission.refusal(who));
    answer.put("maxFileSize", limits.getMaxFileSize());
    answer.put("tooLarge", "file: " + IntakeWebConfig.tooLargeReason(limits));
    // the upload page, logged in through Tasklist, sends its write with the session's CSRF token. The webapps'
    // XSRF-TOKEN cookie is scoped to /camunda, so this page (at /intake/) cannot read it as the Cockpit plugin
    // does; only a same-origin page can read this answer, so the token reaches no other site
    HttpSession session = request.getSession(false);
    answer.put("csrfToken", session == null ? null : session.getAttribute(BasicAuthenticationFilter.CSRF_SESSION_KEY));
    return answer;
  }

  @PostMapping(path = "/registers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> upload(@RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    Uploader who = Uploader.of(identity.getCurrentAuthentication());
    // UploadGate refused this already before the file was read; checked again should it be bypassed
    if (!permission.mayRegister(who)) {
      return error(HttpStatus.FORBIDDEN, "AuthorizationException", permission.refusal(who));
    }
    if (file == null || file.isEmpty()) {
      return badRequest("file", "is required: send the register as multipart field 'file' (.csv or .xlsx)");
    }
    String fileName = Optional.ofNullable(file.getOriginalFilename()).map(n -> n.replaceAll(".*[/\\\\]", ""))
        .filter(n -> !n.isBlank()).orElse("register");
    Optional<RegisterFormat> format = RegisterFormat.ofFileName(fileName);
    if (format.isEmpty()) {
      return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
          "file: '" + fileName + "' is neither .csv nor .xlsx; download the template at /api/intake/template.csv");
    }
    Path copy = Files.createTempFile("anju-register-", "." + format.get().name().toLowerCase());
    boolean handedOver = false;
    try {
      MessageDigest sha = sha256();
      try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      Optional<String> problem = format.get().contentProblem(copy);
      if (problem.isPresent()) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType", "file: '" + fileName + "' " + problem.get());
      }
      String digest = HexFormat.of().formatHex(sha.digest());
      Optional<RegisterImport> running = intake.running(digest);
      if (running.isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>(error(HttpStatus.CONFLICT, "Conflict",
            "file: the same file is being imported right now (import " + running.get().id() + ")").getBody());
        body.put("id", running.get().id());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
      }
      long id;
      try {
        id = intake.start(who, fileName, copy, digest, format.get(), Files.size(copy));
      } catch (TaskRejectedException busy) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "Busy", RegisterIntake.BUSY);
      }
      handedOver = true;
      return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/intake/registers/" + id)
          .body(view(imports.find(id).orElseThrow()));
    } finally {
      if (!handedOver) {
        Files.deleteIfExists(copy);
      }
    }
  }

  @GetMapping("/registers")
  List<Map<String, Object>> list() {
    Uploader who = Uploader.of(identity.getCurrentAuthentication());
    if (who == null) {
      return List.of();
    }
    intake.interruptStale();
    List<RegisterImport> recent = imports.recent(2000);
    // only imports that span counties the user does not see need a look at their rows
    Set<Long> partly = imports.withRowsIn(who.counties(), recent.stream()
        .filter(i -> i.rowsRecorded() && !who.seesAll(i.countyScope())).map(RegisterImport::id).toList());
    return recent.stream().filter(i -> who.seesAll(i.countyScope()) || partly.contains(i.id())).limit(200)
        .map(i -> view(shown(i, who))).toList();
  }

  @GetMapping("/registers/{id}")
  ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
    Optional<RegisterImport> found = visible(id);
    return found.<ResponseEntity<Map<String, Object>>>map(i -> ResponseEntity.ok(view(i)))
        .orElseGet(() -> notFound(id));
  }

  @GetMapping("/registers/{id}/errors")
  ResponseEntity<?> errors(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "1000") int limit) {
    return problems(id, RegisterImports.ERROR, offset, limit);
  }

  /** The rows that were already registered, each with the household id it is registered under. */
  @GetMapping("/registers/{id}/skipped")
  ResponseEntity<?> skipped(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "1000") int limit) {
    return problems(id, RegisterImports.SKIPPED, offset, limit);
  }

  @GetMapping("/template.csv")
  ResponseEntity<Resource> template() {
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-template.csv\"")
        .body(new ClassPathResource(TEMPLATE));
  }

  private ResponseEntity<?> problems(long id, String kind, int offset, int limit) {
    if (visible(id).isEmpty()) {
      return notFound(id);
    }
    if (offset < 0 || limit < 1 || limit > RegisterIntake.MAX_STORED) {
      return badRequest("limit", "offset must be 0 or more and limit between 1 and " + RegisterIntake.MAX_STORED);
    }
    Uploader who = Uploader.of(identity.getCurrentAuthentication());
    // the import's own scope: the part visible() gives has the user's counties as its scope
    boolean whole = imports.find(id).map(i -> who.seesAll(i.countyScope())).orElse(false);
    return ResponseEntity.ok(imports.problems(id, kind, whole ? null : who.counties(), offset, limit));
  }

  private Optional<RegisterImport> visible(long id) {
    Uploader who = Uploader.of(identity.getCurrentAuthentication());
    if (who == null) {
      return Optional.empty();
    }
    Optional<RegisterImport> found = imports.find(id);
    if (found.isPresent() && RegisterImports.RUNNING.equals(found.get().status()) && !intake.isActive(id)) {
      intake.interruptStale();
      found = imports.find(id);
    }
    if (found.isEmpty() || who.seesAll(found.get().countyScope())) {
      return found;
    }
    RegisterImport part = shown(found.get(), who);
    return part.rowsDone() > 0 ? Optional.of(part) : Optional.empty();
  }

  /**
   * The import as the user may see it: all of it, or, of an import that spans counties they do not
   * see, the rows of their counties, counted from the recorded rows and with the status those rows
   * earn. Imports that recorded no rows (made before rows were recorded) show nothing of themselves.
   */
  private RegisterImport shown(RegisterImport i, Uploader who) {
    if (who.seesAll(i.countyScope())) {
      return i;
    }
    RegisterImports.Counts part = i.rowsRecorded() ? imports.counted(i.id(), who.counties())
        : new RegisterImports.Counts();
    RegisterImports.Counts whole = new RegisterImports.Counts();
    whole.imported = i.rowsImported();
    whole.skipped = i.rowsSkipped();
    whole.failed = i.rowsFailed();
    boolean finishedByRows = RegisterImports.DONE.equals(i.status())
        || RegisterImports.DONE_WITH_ERRORS.equals(i.status())
        || RegisterImports.FAILED.equals(i.status()) && Objects.equals(i.message(),
            RegisterIntake.outcomeMessage(whole));
    // the part's scope: the user's counties among the import's, not the counties they do not see
    String scope = who.counties().stream().filter(c -> Uploader.ANY_COUNTY.equals(i.countyScope())
        || List.of(i.countyScope().split(",")).contains(c)).collect(Collectors.joining(","));
    return finishedByRows ? i.part(scope, part, RegisterIntake.outcome(part), RegisterIntake.outcomeMessage(part))
        : i.part(scope, part, i.status(), i.message());
  }

  static Map<String, Object> view(RegisterImport i) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", i.id());
    v.put("fileName", i.fileName());
    v.put("sha256", i.sha256());
    v.put("format", i.format());
    v.put("fileSize", i.fileSize());
    v.put("importedBy", i.importedBy());
    v.put("countyScope", i.countyScope());
    v.put("status", i.status());
    v.put("message", i.message());
    v.put("startedAt", i.startedAt());
    v.put("finishedAt", i.finishedAt());
    v.put("rowsTotal", i.rowsTotal());
    v.put("rowsDone", i.rowsDone());
    v.put("rowsImported", i.rowsImported());
    v.put("rowsSkipped", i.rowsSkipped());
    v.put("rowsFailed", i.rowsFailed());
    v.put("errorsStored", i.errorsStored());
    v.put("skippedStored", i.skippedStored());
    return v;
  }

  private static ResponseEntity<Map<String, Object>> notFound(long id) {
    return error(HttpStatus.NOT_FOUND, "NotFound", "no register import " + id + " of your county");
  }

  static ResponseEntity<Map<String, Object>> badRequest(String field, String reason) {
    return ApiProblem.badRequest(field, reason);
  }

  /** A refusal as a problem detail; {@code type} names its kind in the problem's type URI. */
  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message) {
    return ApiProblem.of(status, type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(), message);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
