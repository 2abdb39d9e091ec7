package org.anju.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Tabulates the runs of scripts/bench.sh: per database, each figure's median with min and max over
 * the runs, each target met or missed, the peak memory of each phase; writes results.md and
 * results.json and, unless told not to, puts the table into the README between its bench markers.
 *
 * <p>Arguments: {@code RUNS_DIR OUT_DIR [--no-readme]}.
 */
public final class BenchReport {

  static final String README_START = "<!-- bench:start -->";
  static final String README_END = "<!-- bench:end -->";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Map<String, String> DATABASES = Map.of("h2", "H2", "postgres", "PostgreSQL");

  /** A row of the table: a metric, how to show it, and its target if it has one. */
  record Row(String metric, String label, String unit, String target, Double limit, boolean below) {
    static Row of(String metric, String label, String unit) {
      return new Row(metric, label, unit, "", null, true);
    }

    static Row below(String metric, String label, String unit, double limit, String target) {
      return new Row(metric, label, unit, target, limit, true);
    }

    static Row above(String metric, String label, String unit, double limit, String target) {
      return new Row(metric, label, unit, target, limit, false);
    }

    boolean met(double median) {
      return below ? median < limit : median >= limit;
    }
  }

  static final List<Row> ROWS = List.of(
      Row.of("database.insertCommitsPerSecond", "Database baseline: single-row insert + commit", "tx/s"),
      Row.of("intake.seconds", "Intake: register imported, cases started", "s"),
      Row.above("intake.householdsPerSecond", "Intake rate", "households/s", 8994 / 30.0, "≥ 300 (8,994 in < 30 s)"),
      Row.of("intake.percentOfDatabase", "Intake rate as share of the database baseline", "%"),
      Row.of("intake.bareSeconds", "Bare engine: as many starts with a first user task, same batches", "s"),
      Row.below("intake.bareRatio", "Intake ÷ bare engine's starts", "×", 1.5, "≤ 1.5"),
      Row.of("lifecycle.tasksPerCase", "Lifecycle: tasks per case (to archived, renovated)", ""),
      Row.of("lifecycle.casesPerSecond", "Lifecycle: cases per second", "cases/s"),
      Row.of("lifecycle.tasksPerSecond", "Lifecycle: task completions per second", "tasks/s"),
      Row.of("bare.tasksPerSecond", "Bare engine: task completions per second", "tasks/s"),
      Row.of("lifecycle.msPerTask", "Lifecycle: cost per task", "ms"),
      Row.of("bare.msPerTask", "Bare engine: cost per task", "ms"),
      Row.of("equivalent.msPerTask", "Equivalent bare engine: cost per task", "ms"),
      Row.of("lifecycle.overheadRatio", "Anju ÷ plain bare engine, per task", "×"),
      Row.below("lifecycle.equivalentRatio", "Anju ÷ equivalent bare engine, per task", "×", 1.3, "≤ 1.3"),
      Row.below("memory.peakLiveHeapMiB", "Live heap after a collection, highest phase", "MiB", 512, "< 512 MiB"),
      Row.below("memory.peakRssMiB", "Resident memory, highest phase", "MiB", 1536, "< 1.5 GiB"),
      Row.of("documents.uploadMs", "Documents: upload of a 5 MB photo through the API (p50)", "ms"),
      Row.of("documents.storePutMs", "Content store: bare write of the same 5 MB (p50)", "ms"),
      Row.below("documents.uploadRatio", "Upload ÷ bare store write", "×", 10, "≤ 10"),
      Row.of("documents.pdfPhotos", "Household file PDF: photos of 4000×3000", ""),
      Row.of("documents.pdfSeconds", "Household file PDF: render", "s"),
      Row.below("documents.pdfRatio", "PDF render ÷ decoding its photos once", "×", 3, "≤ 3"),
      Row.of("documents.pdfMegabytes", "Household file PDF: size", "MB"),
      Row.below("field.shellKiBGzip", "Field page: app shell, gzip-compressed", "KiB", 200, "< 200 KB"),
      Row.below("field.firstLoadMs", "Field page: first load on slow 3G, to the login form", "ms", 3000, "< 3 s"),
      Row.below("field.reloadMs", "Field page: later load from the service worker (slow 3G)", "ms", 1000, "< 1 s"),
      Row.of("field.photos", "Field page: queued photos of 3 MB (two per completion)", ""),
      Row.below("field.syncSeconds", "Field page: sync of the queued completions and photos", "s", 60, "< 60 s"),
      Row.below("storm.seconds", "Deadline storm drained", "s", 60, "< 60 s"),
      Row.of("storm.overdueSteps", "Storm: overdue steps", ""),
      Row.of("storm.incidents", "Storm: overdue incidents", ""),
      Row.of("storm.notifications", "Storm: notifications delivered", ""),
      Row.of("storm.failedJobs", "Storm: jobs failed", ""),
      Row.of("queries.openCases", "Queries: open cases", ""),
      Row.of("queries.archivedCases", "Queries: archived cases", ""),
      Row.of("history.households", "Archived cases given engine history (--history)", ""),
      Row.of("history.rowsPerCase", "Archived cases' engine history: rows per case (cloned from walked cases)", "rows"),
      Row.of("history.rows", "Archived cases' engine history: rows written", "rows"),
      Row.of("history.rowsPerSecond", "Archived cases' engine history: cloning rate", "rows/s"),
      Row.of("queries.taskListTotal", "Clerk's group task list: tasks in it", ""),
      Row.of("queries.taskList.p50Ms", "Clerk's task list in Tasklist (a page, with count), p50", "ms"),
      Row.below("queries.taskList.p95Ms", "Clerk's task list in Tasklist (a page, with count), p95", "ms", 100, "< 100 ms"),
      Row.of("queries.progressProvince.p50Ms", "Progress report, province, p50", "ms"),
      Row.below("queries.progressProvince.p95Ms", "Progress report, province, p95", "ms", 500, "< 500 ms"),
      Row.of("queries.progressCounty.p50Ms", "Progress report, clerk's county, p50", "ms"),
      Row.below("queries.progressCounty.p95Ms", "Progress report, clerk's county, p95", "ms", 500, "< 500 ms"));

  public static void main(String[] args) throws IOException {
    Path runsDir = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    boolean readme = !Arrays.asList(args).contains("--no-readme");
    Map<String, List<Map<String, Object>>> runs = new TreeMap<>();
    try (Stream<Path> files = Files.list(runsDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> run = JSON.readValue(file.toFile(), Map.class);
        runs.computeIfAbsent(String.valueOf(options(run).get("db")), k -> new ArrayList<>()).add(run);
      }
    }
    if (runs.isEmpty()) {
      throw new IllegalStateException("no runs in " + runsDir);
    }
    Map<String, Object> summary = summary(runs);
    Files.createDirectories(outDir);
    JSON.writeValue(outDir.resolve("results.json").toFile(), summary);
    String table = markdown(runs, summary);
    Files.writeString(outDir.resolve("results.md"), table, StandardCharsets.UTF_8);
    System.out.println(table);
    if (readme) {
      intoReadme(Path.of("README.md"), table);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> options(Map<String, Object> run) {
    return (Map<String, Object>) run.get("options");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> run, String name) {
    return (Map<String, Object>) run.get(name);
  }

  /** Per database: the machine, the options, and each metric and phase figure as median/min/max. */
  static Map<String, Object> summary(Map<String, List<Map<String, Object>>> runs) {
    Map<String, Object> summary = new LinkedHashMap<>();
    for (Map.Entry<String, List<Map<String, Object>>> db : runs.entrySet()) {
      List<Map<String, Object>> list = db.getValue();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("runs", list.size());
      entry.put("machine", section(list.get(list.size() - 1), "machine"));
      entry.put("options", options(list.get(0)));
      Map<String, Object> metrics = new LinkedHashMap<>();
      for (String name : section(list.get(0), "metrics").keySet()) {
        metrics.put(name, stats(list.stream().map(r -> section(r, "metrics").get(name)).toList()));
      }
      entry.put("metrics", metrics);
      Map<String, Object> phases = new LinkedHashMap<>();
      for (String phase : section(list.get(0), "phases").keySet()) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String figure : List.of("seconds", "peakHeapMiB", "peakHeapAfterGcMiB", "peakRssMiB")) {
          figures.put(figure, stats(list.stream()
              .map(r -> ((Map<?, ?>) section(r, "phases").get(phase)).get(figure)).toList()));
        }
        phases.put(phase, figures);
      }
      entry.put("phases", phases);
      Map<String, Object> targets = new LinkedHashMap<>();
      for (Row row : ROWS) {
        if (row.limit() != null && metrics.get(row.metric()) instanceof Map<?, ?> s) {
          targets.put(row.metric(), row.met(((Number) s.get("median")).doubleValue()) ? "met" : "missed");
        }
      }
      entry.put("targets", targets);
      summary.put(db.getKey(), entry);
    }
    return summary;
  }

  static Map<String, Object> stats(List<?> values) {
    double[] v = values.stream().filter(x -> x instanceof Number).mapToDouble(x -> ((Number) x).doubleValue())
        .sorted().toArray();
    Map<String, Object> s = new LinkedHashMap<>();
    if (v.length == 0) {
      return s;
    }
    s.put("median", v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
    s.put("min", v[0]);
    s.put("max", v[v.length - 1]);
    s.put("values", v);
    return s;
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, List<Map<String, Object>>> runs, Map<String, Object> summary) {
    List<String> dbs = new ArrayList<>(summary.keySet());
    StringBuilder md = new StringBuilder();
    Map<String, Object> first = (Map<String, Object>) summary.get(dbs.get(0));
    Map<String, Object> machine = (Map<String, Object>) first.get("machine");
    Map<String, Object> options = (Map<String, Object>) first.get("options");
    md.append("Measured ").append(String.valueOf(machine.get("date")), 0, 10).append(" on ")
        .append(machine.get("cores")).append(" cores (").append(machine.get("cpu")).append("), ")
        .append(machine.get("memoryGiB")).append(" GiB, ").append(machine.get("java")).append(", heap limit ")
        .append(machine.get("maxHeapMiB")).append(" MiB, Camunda ").append(machine.get("camunda")).append("; ");
    for (String db : dbs) {
      Map<String, Object> m = (Map<String, Object>) ((Map<String, Object>) summary.get(db)).get("machine");
      md.append(m.get("database")).append(db.equals(dbs.get(dbs.size() - 1)) ? ". " : ", ");
    }
    md.append("Register of ").append(options.get("size")).append(" households, ").append(options.get("archived"))
        .append(" archived, lifecycle of ").append(options.get("lifecycle")).append(" cases on ")
        .append(options.get("threads")).append(" threads, ").append(options.get("samples"))
        .append(" samples per query. Each cell: median (min–max) of ");
    md.append(String.join(", ", dbs.stream().map(db -> ((Map<String, Object>) summary.get(db)).get("runs") + " "
        + DATABASES.getOrDefault(db, db) + " runs").toList())).append(".\n\n");
    md.append("| Measure | Target |");
    dbs.forEach(db -> md.append(' ').append(DATABASES.getOrDefault(db, db)).append(" |"));
    md.append("\n|---|---|");
    dbs.forEach(db -> md.append("---|"));
    md.append('\n');
    for (Row row : ROWS) {
      md.append("| ").append(row.label()).append(row.unit().isEmpty() ? "" : " (" + row.unit() + ")").append(" | ")
          .append(row.target()).append(" |");
      for (String db : dbs) {
        Map<String, Object> entry = (Map<String, Object>) summary.get(db);
        Map<String, Object> s = (Map<String, Object>) ((Map<String, Object>) entry.get("metrics")).get(row.metric());
        String verdict = (String) ((Map<String, Object>) entry.get("targets")).get(row.metric());
        md.append(' ').append(cell(s)).append(verdict == null ? "" : verdict.equals("met") ? " ✅" : " ❌").append(" |");
      }
      md.append('\n');
    }
    md.append("\nMemory per phase, MiB, median (max) of runs: peak heap in use (garbage included), peak heap left ")
        .append("after a collection (what is really held), peak resident memory of the process; every run has ")
        .append("a heap limit of 1 GiB (-Xmx1g), which a run meets or crashes on; the targets that can be missed are ")
        .append("the live heap after a collection < 512 MiB and the resident memory < 1.5 GiB, in every phase ")
        .append("(the rows memory.peakLiveHeapMiB and memory.peakRssMiB above).\n\n");
    md.append("| Phase |");
    dbs.forEach(db -> md.append(' ').append(DATABASES.getOrDefault(db, db)).append(" heap | after GC | RSS | seconds |"));
    md.append("\n|---|");
    dbs.forEach(db -> md.append("---|---|---|---|"));
    md.append('\n');
    Map<String, Object> phases = (Map<String, Object>) first.get("phases");
    for (String phase : phases.keySet()) {
      md.append("| ").append(phase).append(" |");
      for (String db : dbs) {
        Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) summary.get(db))
            .get("phases")).get(phase);
        if (p == null) {
          md.append(" | | | |");
          continue;
        }
        md.append(' ').append(medMax((Map<String, Object>) p.get("peakHeapMiB"))).append(" | ")
            .append(medMax((Map<String, Object>) p.get("peakHeapAfterGcMiB"))).append(" | ")
            .append(medMax((Map<String, Object>) p.get("peakRssMiB"))).append(" | ")
            .append(number(((Number) ((Map<String, Object>) p.get("seconds")).get("median")).doubleValue()))
            .append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String cell(Map<String, Object> s) {
    if (s == null || s.isEmpty()) {
      return "–";
    }
    double median = ((Number) s.get("median")).doubleValue();
    double min = ((Number) s.get("min")).doubleValue();
    double max = ((Number) s.get("max")).doubleValue();
    return min == max ? number(median) : number(median) + " (" + number(min) + "–" + number(max) + ")";
  }

  private static String medMax(Map<String, Object> s) {
    return number(((Number) s.get("median")).doubleValue()) + " (" + number(((Number) s.get("max")).doubleValue())
        + ")";
  }

  static String number(double v) {
    if (v == 0) {
      return "0";
    }
    if (v == Math.rint(v) && Math.abs(v) >= 1) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }

  /** Replaces the README's text between the bench markers with the table. */
  static void intoReadme(Path readme, String table) throws IOException {
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(README_START);
    int end = text.indexOf(README_END);
    if (start < 0 || end < start) {
      System.out.println("README has no " + README_START + " … " + README_END + " markers; not updated");
      return;
    }
    Files.writeString(readme, text.substring(0, start + README_START.length()) + "\n" + table
        + text.substring(end), StandardCharsets.UTF_8);
  }
}
