package org.anju.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tabulates the scale runs of scripts/bench.sh --scale (issue 17): per database, one row per step of the
 * work, each figure the median of the runs, each target met or missed; and the growth of the clerk's task
 * list from the first step to the last. Writes results.md.
 *
 * <p>Arguments: {@code RUNS_DIR OUT_DIR}.
 */
public final class ScaleReport {

  /** A column: a figure of each step, and the limit it is held below, if any. */
  record Column(String figure, String label, Double below) {}

  static final List<Column> COLUMNS = List.of(
      new Column("openCases", "Open cases", null),
      new Column("archivedCases", "Archived", null),
      new Column("intakePerSecond", "Intake (households/s)", null),
      new Column("taskListTotal", "Clerk's list: tasks", null),
      new Column("taskList.p50Ms", "Task list p50 (ms)", null),
      new Column("taskList.p95Ms", "Task list p95 (ms) < 100", 100.0),
      new Column("progressProvince.p50Ms", "Report, province p50 (ms)", null),
      new Column("progressProvince.p95Ms", "Report, province p95 (ms) < 500", 500.0),
      new Column("progressCounty.p50Ms", "Report, county p50 (ms)", null),
      new Column("progressCounty.p95Ms", "Report, county p95 (ms) < 500", 500.0),
      new Column("scanSteps", "Overdue steps scanned", null),
      new Column("scanNotifications", "Notifications delivered", null),
      new Column("scanSeconds", "Scan drained (s) < 300", 300.0),
      new Column("liveHeapMiB", "Live heap (MiB) < 512", 512.0),
      new Column("rssMiB", "RSS (MiB) < 1,536", 1536.0));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> DATABASES = Map.of("h2", "H2", "postgres", "PostgreSQL");

  public static void main(String[] args) throws IOException {
    Map<String, List<Map<String, Object>>> runs = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> run = JSON.readValue(file.toFile(), Map.class);
        runs.computeIfAbsent(String.valueOf(((Map<?, ?>) run.get("options")).get("db")), k -> new ArrayList<>()).add(run);
      }
    }
    if (runs.isEmpty()) {
      throw new IllegalStateException("no runs in " + args[0]);
    }
    String table = markdown(runs);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.md"), table, StandardCharsets.UTF_8);
    System.out.println(table);
  }

  static String markdown(Map<String, List<Map<String, Object>>> runs) {
    StringBuilder md = new StringBuilder();
    for (Map.Entry<String, List<Map<String, Object>>> db : runs.entrySet()) {
      List<Map<String, Object>> list = db.getValue();
      Map<?, ?> machine = (Map<?, ?>) list.get(list.size() - 1).get("machine");
      md.append("### ").append(DATABASES.getOrDefault(db.getKey(), db.getKey())).append("\n\nMeasured ")
          .append(String.valueOf(machine.get("date")), 0, 10).append(" on ").append(machine.get("cores"))
          .append(" cores, heap limit ").append(machine.get("maxHeapMiB")).append(" MiB, ").append(machine.get("database"))
          .append("; steps ").append(((Map<?, ?>) list.get(0).get("options")).get("scale")).append(" (open:archived); ")
          .append("each cell the median of ").append(list.size()).append(list.size() == 1 ? " run" : " runs")
          .append(".\n\n| Step |");
      COLUMNS.forEach(c -> md.append(' ').append(c.label()).append(" |"));
      md.append("\n|---|");
      COLUMNS.forEach(c -> md.append("---|"));
      md.append('\n');
      int steps = (int) ((Map<?, ?>) list.get(0).get("metrics")).keySet().stream().map(String::valueOf)
          .filter(k -> k.startsWith("scale.") && k.endsWith(".openCases")).count();
      for (int step = 1; step <= steps; step++) {
        md.append("| ").append(step).append(" |");
        for (Column column : COLUMNS) {
          Double median = median(list, "scale." + step + "." + column.figure());
          md.append(' ').append(median == null ? "–" : BenchReport.number(median))
              .append(median == null || column.below() == null ? "" : median < column.below() ? " ✅" : " ❌").append(" |");
        }
        md.append('\n');
      }
      Double first = median(list, "scale.1.taskList.p95Ms");
      Double last = median(list, "scale." + steps + ".taskList.p95Ms");
      if (steps > 1 && first != null && last != null) {
        double growth = last / first;
        md.append("\nClerk's task list p95, last step ÷ first step: ").append(BenchReport.number(growth))
            .append("× (target ≤ 1.5: a clerk's list must not slow down because the province grew) ")
            .append(growth <= 1.5 ? "✅" : "❌").append("\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static Double median(List<Map<String, Object>> runs, String metric) {
    Map<String, Object> s = BenchReport.stats(runs.stream().map(r -> ((Map<?, ?>) r.get("metrics")).get(metric)).toList());
    return s.isEmpty() ? null : ((Number) s.get("median")).doubleValue();
  }
}
