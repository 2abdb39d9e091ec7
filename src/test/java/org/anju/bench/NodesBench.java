package org.anju.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.anju.demo.DemoUsers;
import org.anju.region.Division;
import org.anju.region.Divisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The cluster run (issue 17): one or two nodes ({@link BenchNode}, each a process of its own) on one fresh
 * PostgreSQL database, as an operator runs them, with a mail server in this process (GreenMail) that every
 * node mails. Measures the intake of a register uploaded in two halves at once (to both nodes when there are
 * two), then the deadline storm: every node's clock moved past the end-of-May deadline, until every overdue
 * step has its incident and every notification is delivered; with {@code --kill=true} the node busiest with
 * the storm is killed ({@code kill -9}) once it has done some, and the time to drain after the kill is the
 * recovery. Counts what each node did (the engine's job log records each job's node) and whether anything was
 * done twice: an incident per step, a notification per step, level and channel, a mail per digest and address,
 * a campaign supervision task per county and deadline. Writes one JSON file.
 *
 * <p>Arguments: {@code --nodes=1|2 --size=2000 --kill=false --storm-timeout=900 --out=FILE}; the database from
 * POSTGRES_URL/USER/PASSWORD, created empty by scripts/bench.sh.
 */
public final class NodesBench {

  private static final String[] NAMES = {"node-a", "node-b"};
  private static final String WATCHED = "('household-case','problem-rectification','housing-campaign')";

  private final Map<String, String> options;
  private final Map<String, Object> metrics = new LinkedHashMap<>();
  private final List<Process> nodes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private final String url = System.getenv("POSTGRES_URL");

  private NodesBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("nodes", "2", "size", "2000", "kill", "false",
        "storm-timeout", "900", "out", "target/bench/nodes.json"));
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      if (!options.containsKey(kv[0]) || kv.length < 2) {
        throw new IllegalArgumentException("unknown option " + arg + "; options: " + options.keySet());
      }
      options.put(kv[0], kv[1]);
    }
    NodesBench bench = new NodesBench(options);
    try {
      bench.run();
    } finally {
      bench.nodes.forEach(Process::destroyForcibly);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    int count = Integer.parseInt(options.get("nodes"));
    int size = Integer.parseInt(options.get("size"));
    boolean kill = Boolean.parseBoolean(options.get("kill"));
    Path dir = Path.of("target/bench/nodes-" + ProcessHandle.current().pid()).toAbsolutePath();
    Files.createDirectories(dir);
    Path clockFile = dir.resolve("clock");
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try {
      long started = System.nanoTime();
      for (int n = 0; n < count; n++) { // started at the same moment, as an operator starts a cluster
        nodes.add(startNode(n, dir, clockFile, mail.getSmtp().getPort()));
      }
      for (int n = 0; n < count; n++) {
        awaitReady(n);
      }
      metrics.put("nodes", count);
      metrics.put("startupSeconds", (System.nanoTime() - started) / 1e9);

      Workload workload = new Workload(new Divisions());
      Http admin = new Http(ports.get(0), "admin", DemoUsers.PASSWORD);
      for (Division county : workload.registerCounties()) {
        admin.postJson("/api/admin/counties/" + county.code(), Map.of());
      }
      intake(workload, size);
      storm(count, kill, clockFile, mail);
    } finally {
      mail.stop();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("options", options);
    result.put("metrics", metrics);
    Path out = Path.of(options.get("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    System.out.println("nodes run written to " + out + ": " + metrics);
  }

  private Process startNode(int n, Path dir, Path clockFile, int smtpPort) throws Exception {
    int port = freePort();
    ports.add(port);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseG1GC",
        "-cp", System.getProperty("java.class.path"), "-Danju.bench.clock-file=" + clockFile,
        BenchNode.class.getName(), "--server.port=" + port, "--spring.profiles.active=postgres",
        // one node brings the demo's users and counties, as the first node of a cluster set up once
        "--anju.demo-data=" + (n == 0), "--ANJU_ADMIN_USER=benchadmin", "--ANJU_ADMIN_PASSWORD=bench-first-admin",
        "--camunda.bpm.job-execution.enabled=true", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
        "--camunda.bpm.generic-properties.properties.hostname=" + NAMES[n],
        "--anju.documents.root=" + dir.resolve("documents")));
    File log = Path.of("target/bench/logs/" + NAMES[n] + ".log").toAbsolutePath().toFile();
    log.getParentFile().mkdirs();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private void awaitReady(int n) throws Exception {
    long until = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < until) {
      if (!nodes.get(n).isAlive()) {
        throw new IllegalStateException(NAMES[n] + " died starting: see target/bench/logs/" + NAMES[n] + ".log");
      }
      try { // anonymous, as a load balancer asks: a login tried before the users exist would be throttled
        var health = (java.net.HttpURLConnection) java.net.URI.create("http://localhost:" + ports.get(n)
            + "/actuator/health/readiness").toURL().openConnection();
        health.setConnectTimeout(1_000);
        health.setReadTimeout(5_000);
        if (health.getResponseCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(NAMES[n] + " not ready within 5 minutes");
  }

  /** The register in two halves uploaded at once: to both nodes when there are two. */
  private void intake(Workload workload, int size) throws Exception {
    long started = System.nanoTime();
    List<CompletableFuture<Void>> uploads = new ArrayList<>();
    for (int half = 0; half < 2; half++) {
      int from = half * size / 2;
      int to = (half + 1) * size / 2;
      Http admin = new Http(ports.get(half % ports.size()), "admin", DemoUsers.PASSWORD);
      byte[] register = workload.register(from, to);
      uploads.add(CompletableFuture.runAsync(() -> {
        try {
          Workload.importRegister(admin, register, to - from);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    uploads.forEach(CompletableFuture::join);
    double seconds = (System.nanoTime() - started) / 1e9;
    metrics.put("intake.seconds", seconds);
    metrics.put("intake.householdsPerSecond", size / seconds);
    try (Connection c = connect()) {
      metrics.put("intake.cases", count(c, "select count(*) from household where outcome is null"));
    }
  }

  private void storm(int count, boolean kill, Path clockFile, GreenMail mail) throws Exception {
    LocalDate deadline;
    try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery(
        "select completion_deadline from campaign where completion_deadline >= current_date order by campaign_year limit 1")) {
      r.next();
      deadline = r.getDate(1).toLocalDate();
    }
    long at = deadline.plusDays(1).atTime(8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
    Timestamp from = new Timestamp(at);
    long started = System.nanoTime();
    Path written = clockFile.resolveSibling("clock.tmp");
    Files.writeString(written, Long.toString(at));
    Files.move(written, clockFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

    long timeout = Long.parseLong(options.get("storm-timeout"));
    Double killedAt = null;
    Map<String, Long> figures;
    try (Connection c = connect()) {
      while (true) {
        figures = observe(c, from, at + (System.nanoTime() - started) / 1_000_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (figures.get("drained") == 1 || seconds > timeout) {
          break;
        }
        if (kill && killedAt == null && count > 1 && figures.get("scansDone") >= 1) {
          Map<String, Long> work = workPerNode(c, from);
          int busy = work.getOrDefault(NAMES[1], 0L) > work.getOrDefault(NAMES[0], 0L) ? 1 : 0;
          nodes.get(busy).destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, locks left held
          killedAt = seconds;
          metrics.put("kill.node", NAMES[busy]);
          metrics.put("kill.atSeconds", seconds);
          metrics.put("kill.incidentsBefore", figures.get("incidents"));
          System.out.println("killed " + NAMES[busy] + " after " + seconds + " s: " + figures + ", work " + work);
        }
        Thread.sleep(250);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      metrics.put("storm.seconds", seconds);
      if (killedAt != null) {
        metrics.put("kill.recoverySeconds", seconds - killedAt);
      }
      figures.forEach((name, value) -> metrics.put("storm." + name, value));
      workPerNode(c, from).forEach((node, jobs) -> metrics.put("work." + node, jobs));
      metrics.put("twice.incidents", count(c, "select count(*) from (select configuration_ from act_ru_incident"
          + " where incident_type_ = 'overdue' group by configuration_ having count(*) > 1) d"));
      metrics.put("twice.notifications", count(c, "select count(*) from (select dedup_key from notification"
          + " group by dedup_key having count(*) > 1) d"));
      // the supervision of each lagging county is an instance of a multi-instance sub-process per deadline, whose
      // element variable countyCode lies on the instance's execution, under the multi-instance body
      metrics.put("twice.supervisions", count(c, "select count(*) from (select e.parent_id_, v.text_"
          + " from act_ru_variable v join act_ru_execution e on e.id_ = v.execution_id_ join act_re_procdef d"
          + " on d.id_ = e.proc_def_id_ where v.name_ = 'countyCode' and d.key_ = 'housing-campaign'"
          + " group by e.parent_id_, v.text_ having count(*) > 1) d"));
      metrics.put("storm.supervisions", count(c, "select count(*) from act_ru_variable v join act_ru_execution e"
          + " on e.id_ = v.execution_id_ join act_re_procdef d on d.id_ = e.proc_def_id_"
          + " where v.name_ = 'countyCode' and d.key_ = 'housing-campaign'"));
    }
    mails(mail);
    if (figures.get("drained") != 1) {
      throw new IllegalStateException("the storm was not processed within " + timeout + " s: " + figures);
    }
  }

  /** Mails received, and those received more than once (one Message-ID per digest and address). */
  private void mails(GreenMail mail) throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    int notices = 0;
    for (MimeMessage message : mail.getReceivedMessages()) {
      String to = String.valueOf(List.of(message.getRecipients(Message.RecipientType.TO)));
      seen.merge(message.getMessageID() + " " + to, 1, Integer::sum);
      notices += message.getContent().toString().split("\n案件 Case ", -1).length - 1;
    }
    metrics.put("mail.messages", seen.values().stream().mapToInt(Integer::intValue).sum());
    metrics.put("mail.noticesInMessages", notices);
    metrics.put("twice.mails", seen.values().stream().filter(n -> n > 1).mapToInt(n -> n - 1).sum());
  }

  /** Where the storm stands, read from the database as an operator would. */
  private Map<String, Long> observe(Connection c, Timestamp from, long now) throws Exception {
    Timestamp clock = new Timestamp(now);
    Map<String, Long> f = new LinkedHashMap<>();
    f.put("overdueSteps", count(c, "select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_"
        + " where d.key_ in " + WATCHED + " and t.due_date_ < ?", from));
    f.put("incidents", count(c, "select count(*) from act_ru_incident where incident_type_ = 'overdue'"));
    f.put("notifications", count(c, "select count(*) from notification"));
    f.put("undelivered", count(c, "select count(*) from notification where status <> 'DELIVERED'"));
    f.put("executableJobs", count(c, "select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
        + " and (duedate_ is null or duedate_ <= ?) and handler_type_ <> 'history-cleanup'", clock));
    f.put("failedJobs", count(c, "select count(*) from act_ru_job where retries_ = 0"));
    f.put("scansDone", count(c, "select count(*) from act_hi_job_log where process_def_key_ = 'overdue-county-scan'"
        + " and job_state_ = 2 and timestamp_ >= ?", from));
    f.put("drained", f.get("overdueSteps") > 0 && f.get("incidents") >= f.get("overdueSteps")
        && f.get("executableJobs") == 0 && f.get("undelivered") == 0 ? 1L : 0L);
    return f;
  }

  /** The storm's jobs each node completed (county scans and deliveries), from the engine's job log. */
  private static Map<String, Long> workPerNode(Connection c, Timestamp from) throws Exception {
    Map<String, Long> work = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("select hostname_, count(*) from act_hi_job_log where job_state_ = 2"
        + " and timestamp_ >= ? and process_def_key_ in ('overdue-county-scan','notification-delivery')"
        + " group by hostname_ order by hostname_")) {
      s.setTimestamp(1, from);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          work.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return work;
  }

  private static long count(Connection c, String sql, Timestamp... params) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setTimestamp(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(url, System.getenv("POSTGRES_USER"), System.getenv("POSTGRES_PASSWORD"));
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
