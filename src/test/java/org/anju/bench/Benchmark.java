package org.anju.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.anju.AnjuApplication;
import org.anju.access.CountySetup;
import org.anju.access.Role;
import org.anju.campaign.Campaign;
import org.anju.campaign.CampaignCalendar;
import org.anju.demo.DemoUsers;
import org.anju.region.Division;
import org.anju.household.HouseholdCases;
import org.anju.region.Divisions;
import org.anju.tasklist.TasklistFilters;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One run of the benchmark (scripts/bench.sh runs several and tabulates them): starts the whole
 * application on a fresh database with the job executor on, as in production, then measures in turn
 * the database baseline, register intake, queries, the lifecycle against the bare engine, and the
 * deadline storm, with the peak heap and resident memory of each phase; writes one JSON file.
 *
 * <p>Arguments: {@code --db=h2|postgres --size=8994 --archived=100000 --history=10000 --lifecycle=300 --samples=60
 * --threads=2 --out=FILE --skip=queries,lifecycle}; for PostgreSQL the database is taken from POSTGRES_URL/USER/PASSWORD.
 */
public final class Benchmark {

  private final Map<String, String> options;
  private final Map<String, Object> metrics = new LinkedHashMap<>();
  private final Map<String, Object> phases = new LinkedHashMap<>();
  private final MemoryWatch memory = new MemoryWatch();

  private Benchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("db", "h2", "size", "8994", "archived", "100000",
        "lifecycle", "200", "samples", "60", "threads", "2", "out", "target/bench/run.json",
        "storm-timeout", "1800", "skip", ""));
    options.put("scale", ""); // OPEN:ARCHIVED,... : the scale run instead of the phases
    options.put("history", "10000"); // archived households given engine history (cloned: 334 rows each)
    options.put("uploads", "10"); // the documents phase: uploads of a 5 MB photo, photos of the archive PDF
    options.put("photos", "20");
    options.put("field", "20"); // the field phase: queued completions, two 3 MB photos each
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      if (!options.containsKey(kv[0]) || kv.length < 2) {
        throw new IllegalArgumentException("unknown option " + arg + "; options: " + options.keySet());
      }
      options.put(kv[0], kv[1]);
    }
    new Benchmark(options).run();
    System.exit(0);
  }

  private int option(String name) {
    return Integer.parseInt(options.get(name));
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    try (ConfigurableApplicationContext app = start()) {
      phase("startup", started);
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      DataSource dataSource = app.getBean(DataSource.class);
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      Divisions divisions = app.getBean(Divisions.class);
      Workload workload = new Workload(divisions);
      CampaignCalendar campaigns = app.getBean(CampaignCalendar.class);
      int year = campaigns.currentYear();
      Campaign campaign = campaigns.find(year).orElseThrow();
      Map<String, Object> facts = facts(dataSource);
      for (Division county : workload.registerCounties()) {
        app.getBean(CountySetup.class).setUp(county.code());
      }

      long t = System.nanoTime();
      metrics.put("database.insertCommitsPerSecond", DatabaseBaseline.insertCommitsPerSecond(dataSource, 2_000));
      phase("database", t);

      if (!options.get("scale").isEmpty()) {
        for (Division county : workload.provinceCounties()) {
          app.getBean(CountySetup.class).setUp(county.code());
        }
        scale(port, engine, jdbc, workload, year);
        write(facts);
        return;
      }

      t = System.nanoTime();
      intake(port, workload);
      bareIntake(dataSource);
      phase("intake", t);

      if (!options.get("skip").contains("queries")) {
        t = System.nanoTime();
        workload.seedArchived(jdbc, option("archived"), year, today());
        archivedHistory(engine, dataSource, app.getBean(org.anju.demo.DemoDocuments.class), year);
        queries(port, jdbc, year);
        phase("queries", t);
      }

      if (!options.get("skip").contains("lifecycle")) {
        t = System.nanoTime();
        lifecycle(engine, dataSource, app.getBean(org.anju.demo.DemoDocuments.class));
        phase("lifecycle", t);
      }

      if (!options.get("skip").contains("documents")) {
        t = System.nanoTime();
        DocumentsBench.Figures d = new DocumentsBench().run(port, engine, app.getBean(HouseholdCases.class),
            app.getBean(org.anju.demo.DemoDocuments.class), app.getBean(org.anju.documents.CaseDocuments.class),
            app.getBean(org.anju.documents.pdf.HouseholdFilePdf.class), option("uploads"), option("photos"));
        metrics.put("documents.uploadMs", d.uploadMsP50());
        metrics.put("documents.storePutMs", d.storePutMsP50());
        metrics.put("documents.uploadRatio", d.uploadMsP50() / d.storePutMsP50());
        metrics.put("documents.pdfPhotos", d.photos());
        metrics.put("documents.pdfSeconds", d.pdfSeconds());
        metrics.put("documents.pdfRatio", d.pdfSeconds() / d.decodeSeconds());
        metrics.put("documents.pdfMegabytes", d.pdfBytes() / 1024.0 / 1024.0);
        phase("documents", t);
      }

      if (!options.get("skip").contains("field")) {
        t = System.nanoTime();
        FieldBench.Figures f = new FieldBench().run(port, engine, app.getBean(HouseholdCases.class),
            app.getBean(org.anju.demo.DemoDocuments.class), option("field"));
        metrics.put("field.shellKiBGzip", f.shellKiBGzip());
        metrics.put("field.shellKiB", f.shellKiB());
        metrics.put("field.firstLoadMs", f.firstLoadMs());
        metrics.put("field.reloadMs", f.reloadMs());
        metrics.put("field.completions", f.completions());
        metrics.put("field.photos", f.photos());
        metrics.put("field.photoMiB", f.photoMiB());
        metrics.put("field.syncSeconds", f.syncSeconds());
        phase("field", t);
      }

      if (!options.get("skip").contains("storm")) {
        t = System.nanoTime();
        Storm.Figures storm = new Storm(engine, jdbc).run(campaign.completionDeadline(), option("storm-timeout"));
        metrics.put("storm.seconds", storm.seconds());
        metrics.put("storm.drained", storm.drained() ? 1 : 0);
        metrics.put("storm.overdueSteps", storm.overdueSteps());
        metrics.put("storm.incidents", storm.incidents());
        metrics.put("storm.notifications", storm.notifications());
        metrics.put("storm.undelivered", storm.undelivered());
        metrics.put("storm.failedJobs", storm.failedJobs());
        metrics.put("storm.supervisionTasks", storm.supervisionTasks());
        phase("storm", t);
        if (!storm.drained() || storm.failedJobs() > 0 || storm.incidents() < storm.overdueSteps()) {
          throw new IllegalStateException("the deadline storm was not processed: " + storm);
        }
      }

      // the live heap (after a collection) and the resident memory at their highest in any phase: targets that
      // can be missed, unlike "under -Xmx", which a run can only meet or crash on
      metrics.put("memory.peakLiveHeapMiB", phases.values().stream()
          .mapToDouble(p -> ((Number) ((Map<?, ?>) p).get("peakHeapAfterGcMiB")).doubleValue()).max().orElse(0));
      metrics.put("memory.peakRssMiB", phases.values().stream()
          .mapToDouble(p -> ((Number) ((Map<?, ?>) p).get("peakRssMiB")).doubleValue()).max().orElse(0));
      write(facts);
    } finally {
      ClockUtil.reset();
      memory.close();
    }
  }

  private void write(Map<String, Object> facts) throws IOException {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("options", options);
    result.put("machine", facts);
    result.put("metrics", metrics);
    result.put("phases", phases);
    Path out = Path.of(options.get("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    System.out.println("benchmark run written to " + out);
  }

  /**
   * The scale run (issue 17): the work grown in steps ({@code --scale=OPEN:ARCHIVED,...}, open cases of one
   * campaign spread over the province's 121 counties in proportion to their townships, archived households);
   * at each step the intake rate of the step's households, the clerk's task list and the progress report, the
   * overdue scan of the whole province (every open step one day late, from no incident), and the memory of the
   * step. Figures named {@code scale.N.*}, N from 1.
   */
  private void scale(int port, ProcessEngine engine, JdbcTemplate jdbc, Workload workload, int year) throws Exception {
    Http admin = new Http(port, "admin", DemoUsers.PASSWORD);
    Storm storm = new Storm(engine, jdbc);
    int open = 0;
    int archived = 0;
    int step = 0;
    for (String target : options.get("scale").split(",")) {
      step++;
      String prefix = "scale." + step + ".";
      long t = System.nanoTime();
      int openTarget = Integer.parseInt(target.split(":")[0].strip());
      int archivedTarget = Integer.parseInt(target.split(":")[1].strip());
      ClockUtil.reset(); // the step's cases get their due dates from today
      long intakeStarted = System.nanoTime();
      for (int from = open; from < openTarget; from += SCALE_REGISTER_ROWS) {
        int to = Math.min(openTarget, from + SCALE_REGISTER_ROWS);
        Workload.importRegister(admin, workload.provinceRegister(from, to), to - from);
      }
      if (openTarget > open) {
        metrics.put(prefix + "intakePerSecond", (openTarget - open) / ((System.nanoTime() - intakeStarted) / 1e9));
      }
      open = Math.max(open, openTarget);
      if (archivedTarget > archived) {
        workload.seedArchived(jdbc, archived, archivedTarget - archived, year, today());
        archived = archivedTarget;
      }
      queries(port, jdbc, year, prefix);
      Storm.Figures scan = storm.scanWholeProvince(option("storm-timeout"));
      metrics.put(prefix + "scanSteps", scan.overdueSteps());
      metrics.put(prefix + "scanIncidents", scan.incidents());
      metrics.put(prefix + "scanNotifications", scan.notifications());
      metrics.put(prefix + "scanSeconds", scan.seconds());
      metrics.put(prefix + "scanDrained", scan.drained() ? 1 : 0);
      phase("scale-" + step, t);
      Map<?, ?> peaks = (Map<?, ?>) phases.get("scale-" + step);
      metrics.put(prefix + "liveHeapMiB", peaks.get("peakHeapAfterGcMiB"));
      metrics.put(prefix + "rssMiB", peaks.get("peakRssMiB"));
      if (!scan.drained() || scan.failedJobs() > 0) {
        throw new IllegalStateException("the overdue scan of step " + step + " was not processed: " + scan);
      }
    }
  }

  /** Registers of the scale run are uploaded this many rows at a time, as a county's office would. */
  private static final int SCALE_REGISTER_ROWS = 20_000;

  /** The whole application as `mvn spring-boot:run` starts it, on the chosen database, on a free port. */
  private ConfigurableApplicationContext start() {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--anju.demo-data=true",
        // the postgres profile's first administrator meets the password policy; the demo's admin/demo acts here
        "--camunda.bpm.job-execution.enabled=true", "--ANJU_ADMIN_USER=benchadmin", "--ANJU_ADMIN_PASSWORD=bench-first-admin"));
    // the household files' documents in a folder of this run's own, not the developer's ./data/documents
    args.add("--anju.documents.root=" + Path.of("target/bench/documents-" + ProcessHandle.current().pid()).toAbsolutePath());
    if ("postgres".equals(options.get("db"))) {
      args.add("--spring.profiles.active=postgres");
    } else {
      Path dir = Path.of("target/bench/h2-" + ProcessHandle.current().pid()).toAbsolutePath();
      // the default profile's URL and settings, with the file in a directory of this run's own
      YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(new ClassPathResource("application.yaml"));
      String url = yaml.getObject().getProperty("spring.datasource.url");
      args.add("--spring.datasource.url=" + url.replace("./data/", dir + "/"));
    }
    // the equivalent model's empty delegate, for when Anju's job executor takes one of its asynchronous jobs
    return new SpringApplicationBuilder(AnjuApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton(Lifecycle.NOTHING,
            (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> { }))
        .run(args.toArray(String[]::new));
  }

  private void intake(int port, Workload workload) throws InterruptedException {
    int size = option("size");
    byte[] register = workload.register(size);
    Http admin = new Http(port, "admin", DemoUsers.PASSWORD);
    long started = System.nanoTime();
    Workload.importRegister(admin, register, size);
    double seconds = (System.nanoTime() - started) / 1e9;
    metrics.put("intake.seconds", seconds);
    metrics.put("intake.householdsPerSecond", size / seconds);
    metrics.put("intake.percentOfDatabase", 100 * (size / seconds)
        / (double) metrics.get("database.insertCommitsPerSecond"));
  }

  /**
   * The intake's baseline (issue 17): the plain engine starting as many cases with the same start variables and
   * a first user task, in batches of the intake's size (one transaction each) on as many threads, so that the
   * ratio says what Anju adds to a case's start: the register's parsing and checks, the household row, the
   * start listener, due dates, the deadline watches' timers.
   */
  private void bareIntake(DataSource dataSource) throws Exception {
    int size = option("size");
    int batch = 50; // anju.intake.batch-rows
    int threads = 4; // anju.intake.row-threads
    ProcessEngine bare = bareEngine(dataSource, "bare-intake", false);
    try {
      String deployment = bare.getRepositoryService().createDeployment().name("bench-intake")
          .addModelInstance("bench-intake.bpmn", Bpmn.createExecutableProcess("bench-intake").camundaHistoryTimeToLive(180)
              .startEvent().userTask("confirm").camundaCandidateGroups("${confirmingGroup}").endEvent().done())
          .deploy().getId();
      String definitionId = bare.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment)
          .singleResult().getId();
      var commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
      long started = System.nanoTime();
      try {
        List<java.util.concurrent.Future<?>> batches = new ArrayList<>();
        for (int from = 0; from < size; from += batch) {
          int first = from;
          batches.add(pool.submit(() -> commands.execute(context -> {
            for (int n = first; n < Math.min(size, first + batch); n++) {
              Map<String, Object> variables = new HashMap<>(Lifecycle.registration(3_000_000 + n).toVariables());
              variables.put("confirmingGroup", "poverty140929");
              bare.getRuntimeService().startProcessInstanceById(definitionId, "bench-intake-" + n, variables);
            }
            return null;
          })));
        }
        for (var f : batches) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      metrics.put("intake.bareSeconds", seconds);
      metrics.put("intake.bareRatio", (double) metrics.get("intake.seconds") / seconds);
      bare.getRepositoryService().deleteDeployment(deployment, true);
    } finally {
      bare.close();
    }
  }

  /** Real engine history for the archived households: a few cases walked to their end, cloned by SQL. */
  private void archivedHistory(ProcessEngine engine, DataSource dataSource, org.anju.demo.DemoDocuments documents,
      int year) throws Exception {
    Lifecycle walker = new Lifecycle(engine, 1, documents);
    for (int n = 0; n < 4; n++) {
      walker.walkAnju(500_000 + n);
    }
    ArchivedHistory.Figures history = new ArchivedHistory(dataSource).cloneFor(engine, year, option("history"));
    metrics.put("history.templates", history.templates());
    metrics.put("history.households", history.households());
    metrics.put("history.rowsPerCase", history.rowsPerCase());
    metrics.put("history.rows", history.rows());
    metrics.put("history.seconds", history.seconds());
    metrics.put("history.rowsPerSecond", history.rows() / history.seconds());
  }

  private void queries(int port, JdbcTemplate jdbc, int year) {
    queries(port, jdbc, year, "queries.");
  }

  /** The clerk's task list and the progress report, as figures named {@code prefix...}. */
  private void queries(int port, JdbcTemplate jdbc, int year, String prefix) {
    metrics.put(prefix + "openCases", jdbc.queryForObject(
        "select count(*) from household where campaign_year = ? and outcome is null", Long.class, year));
    metrics.put(prefix + "archivedCases", jdbc.queryForObject(
        "select count(*) from household where campaign_year = ? and outcome is not null", Long.class, year));
    int samples = option("samples");
    String clerkId = DemoUsers.userOf(DemoUsers.KELAN, Role.CIVIL_AFFAIRS);
    // the clerk in Tasklist: a webapp session, the group filter's first page as Tasklist asks for it
    // (HAL: the page, the total count and the variables of the list's columns in one request)
    Http tasklist = Http.webappSession(port, "tasklist", clerkId, DemoUsers.PASSWORD);
    String engineApi = "/camunda/api/engine/engine/default";
    String filterId = findFilter(tasklist, engineApi, TasklistFilters.MY_GROUPS);
    Map<String, Object> listBody = Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    String page = engineApi + "/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    Map<String, Object> first = Http.map(tasklist.postHal(page, listBody));
    Object rows = ((Map<?, ?>) first.get("_embedded")).get("task"); // absent from an empty page
    metrics.put(prefix + "taskListRows", rows == null ? 0 : ((List<?>) rows).size());
    metrics.put(prefix + "taskListTotal", ((Number) first.get("count")).longValue());
    record(prefix + "taskList", Latency.of(10, samples, () -> tasklist.postHal(page, listBody)));
    Http clerk = new Http(port, clerkId, DemoUsers.PASSWORD);
    Http province = new Http(port, "provincesupervisor", DemoUsers.PASSWORD);
    record(prefix + "progressProvince", Latency.of(5, samples, () -> province.get("/api/progress?level=province")));
    record(prefix + "progressCounty", Latency.of(5, samples, () -> clerk.get("/api/progress?level=county")));
  }

  private void record(String name, Latency latency) {
    metrics.put(name + ".p50Ms", latency.p50Ms());
    metrics.put(name + ".p95Ms", latency.p95Ms());
    metrics.put(name + ".maxMs", latency.maxMs());
  }

  private static String findFilter(Http user, String engineApi, String name) {
    for (Object filter : (List<?>) Http.parse(user.get(engineApi + "/filter?resourceType=Task"))) {
      Map<?, ?> f = (Map<?, ?>) filter;
      if (name.equals(f.get("name"))) {
        return (String) f.get("id");
      }
    }
    throw new IllegalStateException("no filter " + name);
  }

  private void lifecycle(ProcessEngine anju, DataSource dataSource, org.anju.demo.DemoDocuments documents)
      throws Exception {
    int cases = option("lifecycle");
    Lifecycle lifecycle = new Lifecycle(anju, option("threads"), documents);
    List<Lifecycle.Step> steps = lifecycle.walkAnju(300_000);
    ProcessEngine bare = bareEngine(dataSource, "bare", false);
    ProcessEngine equivalent = bareEngine(dataSource, "equivalent", true);
    try {
      String deployment = bare.getRepositoryService().createDeployment().name("bench-bare")
          .addModelInstance("bare-case.bpmn", Lifecycle.bareModel(steps)).deploy().getId();
      String definitionId = bare.getRepositoryService().createProcessDefinitionQuery()
          .deploymentId(deployment).singleResult().getId();
      String equivalentDeployment = deployEquivalent(equivalent, steps);
      String equivalentId = equivalent.getRepositoryService().createProcessDefinitionQuery()
          .deploymentId(equivalentDeployment).processDefinitionKey(Lifecycle.EQUIVALENT_KEY).singleResult().getId();
      int warmUp = Math.max(5, cases / 10);
      // warm all three up (JIT, caches); then measure each in two halves, in the order bare, equivalent, Anju
      // and back, so that neither the database's growth nor the JIT favours one
      lifecycle.run(warmUp, n -> lifecycle.walkBare(bare, definitionId, 100_000 + n, steps));
      lifecycle.run(warmUp, n -> lifecycle.walkBare(equivalent, equivalentId, 150_000 + n, steps));
      lifecycle.run(warmUp, n -> lifecycle.walkAnju(100_000 + n).size());
      int half = Math.max(1, cases / 2);
      Lifecycle.Figures bareFigures = lifecycle.run(half, n -> lifecycle.walkBare(bare, definitionId, 200_000 + n, steps));
      Lifecycle.Figures equivalentFigures = lifecycle.run(half,
          n -> lifecycle.walkBare(equivalent, equivalentId, 250_000 + n, steps));
      Lifecycle.Figures anjuFigures = lifecycle.run(half, n -> lifecycle.walkAnju(n).size());
      anjuFigures = anjuFigures.plus(lifecycle.run(half, n -> lifecycle.walkAnju(50_000 + n).size()));
      equivalentFigures = equivalentFigures.plus(lifecycle.run(half,
          n -> lifecycle.walkBare(equivalent, equivalentId, 260_000 + n, steps)));
      bareFigures = bareFigures.plus(lifecycle.run(half, n -> lifecycle.walkBare(bare, definitionId, 210_000 + n, steps)));
      metrics.put("lifecycle.tasksPerCase", steps.size());
      metrics.put("lifecycle.casesPerSecond", anjuFigures.casesPerSecond());
      metrics.put("lifecycle.tasksPerSecond", anjuFigures.tasksPerSecond());
      metrics.put("lifecycle.msPerTask", anjuFigures.msPerTask());
      metrics.put("bare.casesPerSecond", bareFigures.casesPerSecond());
      metrics.put("bare.tasksPerSecond", bareFigures.tasksPerSecond());
      metrics.put("bare.msPerTask", bareFigures.msPerTask());
      metrics.put("equivalent.msPerTask", equivalentFigures.msPerTask());
      metrics.put("lifecycle.overheadRatio", anjuFigures.msPerTask() / bareFigures.msPerTask());
      metrics.put("lifecycle.equivalentRatio", anjuFigures.msPerTask() / equivalentFigures.msPerTask());
      bare.getRepositoryService().deleteDeployment(deployment, true);
      equivalent.getRepositoryService().deleteDeployment(equivalentDeployment, true);
    } finally {
      bare.close();
      equivalent.close();
    }
  }

  /**
   * The equivalent model with Anju's two decisions under ids of their own (the database is shared with Anju's
   * engine), and every grant the roles hold on {@code household-case} given on it too.
   */
  private static String deployEquivalent(ProcessEngine equivalent, List<Lifecycle.Step> steps) throws Exception {
    var deployment = equivalent.getRepositoryService().createDeployment().name("bench-equivalent")
        .addModelInstance("equivalent-case.bpmn", Lifecycle.equivalentModel(steps));
    for (String decision : List.of("renovation-plan", "renovation-subsidy")) {
      String dmn;
      try (var in = Benchmark.class.getClassLoader().getResourceAsStream("processes/" + decision + ".dmn")) {
        dmn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      deployment.addString("bench-" + decision + ".dmn", dmn.replace("\"" + decision + "\"", "\"bench-" + decision + "\""));
    }
    String id = deployment.deploy().getId();
    var authorizations = equivalent.getAuthorizationService();
    for (var granted : authorizations.createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
        .resourceId(org.anju.household.HouseholdCaseProcess.KEY).list()) {
      var copy = authorizations.createNewAuthorization(granted.getAuthorizationType());
      copy.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
      copy.setResourceId(Lifecycle.EQUIVALENT_KEY);
      copy.setGroupId(granted.getGroupId());
      copy.setUserId(granted.getUserId());
      for (var permission : granted.getPermissions(org.camunda.bpm.engine.authorization.Permissions.values())) {
        copy.addPermission(permission);
      }
      for (var permission : granted.getPermissions(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.values())) {
        copy.addPermission(permission);
      }
      authorizations.saveAuthorization(copy);
    }
    return id;
  }

  /**
   * An engine on the same database and tables without Anju's plugins and listeners. The plain one has no
   * authorization either; the equivalent one has what Anju's has: authorization (candidates work their tasks
   * with TASK_WORK, no revoke checks), the tenant check, and each case in its county's tenant.
   */
  private static ProcessEngine bareEngine(DataSource dataSource, String name, boolean asAnju) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName(name);
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setIdGenerator(new StrongUuidGenerator());
    if (asAnju) {
      config.setAuthorizationEnabled(true);
      config.setTenantCheckEnabled(true);
      config.setDefaultUserPermissionNameForTask("TASK_WORK");
      config.setAuthorizationCheckRevokes("never");
      config.setTenantIdProvider(new CountyTenants());
      config.setBeans(new java.util.HashMap<>(Map.of(Lifecycle.NOTHING,
          (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> { })));
    }
    return config.buildProcessEngine();
  }

  /** Each case in its county's tenant, as Anju's tenant provider puts it. */
  private static final class CountyTenants implements org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider {
    @Override
    public String provideTenantIdForProcessInstance(
        org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext context) {
      return org.anju.access.RoleGroups.tenant((String) context.getVariables().get(
          org.anju.household.HouseholdCaseProcess.Vars.COUNTY_CODE));
    }

    @Override
    public String provideTenantIdForCaseInstance(
        org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext context) {
      return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(
        org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext context) {
      return null;
    }
  }

  private void phase(String name, long startedNanos) {
    MemoryWatch.Peaks peaks = memory.nextPhase();
    Map<String, Object> phase = new LinkedHashMap<>();
    phase.put("seconds", (System.nanoTime() - startedNanos) / 1e9);
    phase.put("peakHeapMiB", peaks.heapBytes() / 1024.0 / 1024);
    phase.put("peakHeapAfterGcMiB", peaks.liveBytes() / 1024.0 / 1024);
    phase.put("peakRssMiB", peaks.rssBytes() / 1024.0 / 1024);
    phases.put(name, phase);
    System.out.printf("== phase %s: %s%n", name, phase);
  }

  private Map<String, Object> facts(DataSource dataSource) throws Exception {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("cores", Runtime.getRuntime().availableProcessors());
    facts.put("memoryGiB", memTotalGiB());
    facts.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1024 / 1024);
    facts.put("cpu", cpuModel());
    facts.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    try (Connection c = dataSource.getConnection()) {
      facts.put("database", c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
    }
    facts.put("camunda", ProcessEngine.class.getPackage().getImplementationVersion());
    facts.put("date", java.time.OffsetDateTime.now().toString());
    return facts;
  }

  private static double memTotalGiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024 * 10) / 10.0;
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return 0;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
