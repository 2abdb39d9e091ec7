package org.anju.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tabulates the cluster runs of scripts/bench.sh --nodes (issue 17): one column per run (one node, two nodes,
 * two nodes with the busy one killed), the ratio of two nodes' throughput to one node's, and the checks that
 * nothing was done twice. Writes results.md.
 *
 * <p>Arguments: {@code RUNS_DIR OUT_DIR}.
 */
public final class NodesReport {

  record Line(String metric, String label) {}

  static final List<Line> LINES = List.of(
      new Line("startupSeconds", "Nodes started together, until every one is ready (s)"),
      new Line("intake.cases", "Open cases after the intake"),
      new Line("intake.seconds", "Intake of the register, two halves uploaded at once (s)"),
      new Line("intake.householdsPerSecond", "Intake rate (households/s)"),
      new Line("storm.overdueSteps", "Storm: overdue steps"),
      new Line("storm.incidents", "Storm: overdue incidents"),
      new Line("storm.notifications", "Storm: notifications"),
      new Line("storm.seconds", "Storm drained (s)"),
      new Line("work.node-a", "Storm jobs done by node-a (county scans, deliveries)"),
      new Line("work.node-b", "Storm jobs done by node-b"),
      new Line("kill.atSeconds", "Busy node killed (kill -9) after (s)"),
      new Line("kill.recoverySeconds", "Recovery: kill until drained (s)"),
      new Line("storm.failedJobs", "Jobs failed for good"),
      new Line("mail.messages", "Mails received (one per digest and address)"),
      new Line("mail.noticesInMessages", "Step notices in those mails"),
      new Line("twice.incidents", "Done twice: steps with two incidents"),
      new Line("twice.notifications", "Done twice: notifications (step, level, channel) recorded twice"),
      new Line("twice.mails", "Done twice: mails received again (same Message-ID and address)"),
      new Line("storm.supervisions", "Campaign deadlines: county supervisions started"),
      new Line("twice.supervisions", "Done twice: supervision of one county started twice for one deadline"));

  public static void main(String[] args) throws IOException {
    List<Map<String, Object>> runs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> run = json.readValue(file.toFile(), Map.class);
        runs.add(run);
      }
    }
    if (runs.isEmpty()) {
      throw new IllegalStateException("no runs in " + args[0]);
    }
    StringBuilder md = new StringBuilder("Measured ").append(java.time.LocalDate.now()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, one PostgreSQL; each node a process of")
        .append(" its own (-Xmx1g) on the same machine, so two nodes share its cores.\n\n| Measure |");
    for (Map<String, Object> run : runs) {
      Map<?, ?> options = (Map<?, ?>) run.get("options");
      md.append(' ').append(options.get("nodes")).append(" node(s)")
          .append(Boolean.parseBoolean(String.valueOf(options.get("kill"))) ? ", busy one killed" : "").append(" |");
    }
    md.append("\n|---|");
    runs.forEach(r -> md.append("---|"));
    md.append('\n');
    for (Line line : LINES) {
      md.append("| ").append(line.label()).append(" |");
      for (Map<String, Object> run : runs) {
        Object value = ((Map<?, ?>) run.get("metrics")).get(line.metric());
        md.append(' ').append(value instanceof Number n ? BenchReport.number(n.doubleValue()) : value == null ? "–" : value)
            .append(" |");
      }
      md.append('\n');
    }
    Double one = figure(runs, 1, false, "storm.seconds");
    Double two = figure(runs, 2, false, "storm.seconds");
    Double intakeOne = figure(runs, 1, false, "intake.seconds");
    Double intakeTwo = figure(runs, 2, false, "intake.seconds");
    if (one != null && two != null && intakeOne != null && intakeTwo != null) {
      md.append("\nTwo nodes ÷ one node, throughput: intake ").append(BenchReport.number(intakeOne / intakeTwo))
          .append("×, storm ").append(BenchReport.number(one / two)).append("× (1 = no gain: both nodes share the same")
          .append(" two cores and one database, so the second node brings failover and spreads the work, not")
          .append(" cores).\n");
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.md"), md, StandardCharsets.UTF_8);
    System.out.println(md);
  }

  private static Double figure(List<Map<String, Object>> runs, int nodes, boolean kill, String metric) {
    for (Map<String, Object> run : runs) {
      Map<?, ?> options = (Map<?, ?>) run.get("options");
      if (String.valueOf(nodes).equals(String.valueOf(options.get("nodes")))
          && kill == Boolean.parseBoolean(String.valueOf(options.get("kill")))
          && ((Map<?, ?>) run.get("metrics")).get(metric) instanceof Number n) {
        return n.doubleValue();
      }
    }
    return null;
  }
}
