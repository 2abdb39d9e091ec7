package org.anju.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>Arguments: {@code --db=h2|postgres --size=8994 --archived=100000 --lifecycle=300 --samples=60
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
    options.put("uploads", "10"); // the documents phase: uploads of a 5 MB photo, photos of the archive PDF
    options.put("photos", "20");
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

      t = System.nanoTime();
      intake(port, workload);
      phase("intake", t);

      if (!options.get("skip").contains("queries")) {
        t = System.nanoTime();
        workload.seedArchived(jdbc, option("archived"), year, today());
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

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("options", options);
      result.put("machine", facts);
      result.put("metrics", metrics);
      result.put("phases", phases);
      Path out = Path.of(options.get("out"));
      Files.createDirectories(out.toAbsolutePath().getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
      System.out.println("benchmark run written to " + out);
    } finally {
      ClockUtil.reset();
      memory.close();
    }
  }

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
    return new SpringApplicationBuilder(AnjuApplication.class).run(args.toArray(String[]::new));
  }

  private void intake(int port, Workload workload) throws InterruptedException {
    int size = option("size");
    byte[] register = workload.register(size);
    Http admin = new Http(port, "admin", DemoUsers.PASSWORD);
    long started = System.nanoTime();
    Object id = Http.map(admin.postFile("/api/intake/registers", "register.csv", register)).get("id");
    Map<String, Object> status;
    do {
      Thread.sleep(100);
      status = Http.map(admin.get("/api/intake/registers/" + id));
    } while ("RUNNING".equals(status.get("status")));
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!"DONE".equals(status.get("status")) || ((Number) status.get("rowsImported")).intValue() != size) {
      throw new IllegalStateException("intake did not import all " + size + " rows: " + status);
    }
    metrics.put("intake.seconds", seconds);
    metrics.put("intake.householdsPerSecond", size / seconds);
    metrics.put("intake.percentOfDatabase", 100 * (size / seconds)
        / (double) metrics.get("database.insertCommitsPerSecond"));
  }

  private void queries(int port, JdbcTemplate jdbc, int year) {
    metrics.put("queries.openCases", jdbc.queryForObject(
        "select count(*) from household where campaign_year = ? and outcome is null", Long.class, year));
    metrics.put("queries.archivedCases", jdbc.queryForObject(
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
    metrics.put("queries.taskListRows", ((List<?>) ((Map<?, ?>) first.get("_embedded")).get("task")).size());
    metrics.put("queries.taskListTotal", ((Number) first.get("count")).longValue());
    record("queries.taskList", Latency.of(10, samples, () -> tasklist.postHal(page, listBody)));
    Http clerk = new Http(port, clerkId, DemoUsers.PASSWORD);
    Http province = new Http(port, "provincesupervisor", DemoUsers.PASSWORD);
    record("queries.progressProvince", Latency.of(5, samples, () -> province.get("/api/progress?level=province")));
    record("queries.progressCounty", Latency.of(5, samples, () -> clerk.get("/api/progress?level=county")));
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
    ProcessEngine bare = bareEngine(dataSource);
    try {
      String deployment = bare.getRepositoryService().createDeployment().name("bench-bare")
          .addModelInstance("bare-case.bpmn", Lifecycle.bareModel(steps)).deploy().getId();
      String definitionId = bare.getRepositoryService().createProcessDefinitionQuery()
          .deploymentId(deployment).singleResult().getId();
      int warmUp = Math.max(5, cases / 10);
      // warm both up (JIT, caches), then measure the bare engine and Anju on the same database state
      lifecycle.run(warmUp, n -> lifecycle.walkBare(bare, definitionId, 100_000 + n, steps));
      lifecycle.run(warmUp, n -> lifecycle.walkAnju(100_000 + n).size());
      Lifecycle.Figures bareFigures = lifecycle.run(cases, n -> lifecycle.walkBare(bare, definitionId, 200_000 + n,
          steps));
      Lifecycle.Figures anjuFigures = lifecycle.run(cases, n -> lifecycle.walkAnju(n).size());
      metrics.put("lifecycle.tasksPerCase", steps.size());
      metrics.put("lifecycle.casesPerSecond", anjuFigures.casesPerSecond());
      metrics.put("lifecycle.tasksPerSecond", anjuFigures.tasksPerSecond());
      metrics.put("lifecycle.msPerTask", anjuFigures.msPerTask());
      metrics.put("bare.casesPerSecond", bareFigures.casesPerSecond());
      metrics.put("bare.tasksPerSecond", bareFigures.tasksPerSecond());
      metrics.put("bare.msPerTask", bareFigures.msPerTask());
      metrics.put("lifecycle.overheadRatio", anjuFigures.msPerTask() / bareFigures.msPerTask());
      bare.getRepositoryService().deleteDeployment(deployment, true);
    } finally {
      bare.close();
    }
  }

  /** A plain engine on the same database and tables: no Anju plugins, listeners or authorization. */
  private static ProcessEngine bareEngine(DataSource dataSource) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bare");
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setIdGenerator(new StrongUuidGenerator());
    return config.buildProcessEngine();
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
