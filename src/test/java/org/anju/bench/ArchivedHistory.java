package org.anju.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.anju.access.RoleGroups;
import org.anju.household.HouseholdCaseProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine history for the archived households the benchmark seeds into the household table (issue 17: without
 * it the task-list and report figures said nothing about history growth). A few cases are walked to their end
 * through the engine; their history rows, every {@code ACT_HI_*} table and the history's byte arrays, are then
 * cloned by SQL, once per archived household, with new ids, the household's id as business key and its
 * county's tenant. This is bench data, not engine-written history: the rows are copies of real ones, so their
 * number and shape are right, but their dates and values are the templates'.
 *
 * <p>A clone's id is its template's with the last 8 characters replaced by "z" and the clone's number in hex, which keeps
 * every id within its column and every reference (process, execution, activity instance, task, variable,
 * decision, byte array) pointing inside the clone. (The engine's ids are time-based UUIDs: their last
 * characters are the node's, the same in every id, their first the time's, which tell them apart. The "z", never in a UUID, keeps a clone from ever equalling
 * an original: on a machine whose node part ends in 00000001, clone 1 otherwise would.)
 */
final class ArchivedHistory {

  /** The columns that hold ids of one case's history (references to definitions, users or groups are kept). */
  private static final Set<String> INSTANCE_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
      "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "CALL_PROC_INST_ID_",
      "SUPER_PROCESS_INSTANCE_ID_", "VAR_INST_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_", "JOB_ID_",
      "CAUSE_INCIDENT_ID_", "ROOT_CAUSE_INCIDENT_ID_", "BYTEARRAY_ID_", "JOB_EXCEPTION_STACK_ID_", "OPERATION_ID_");
  private static final int PER_STATEMENT = 1_000;

  /** What the cloning did. */
  record Figures(int templates, int households, long rowsPerCase, long rows, double seconds) {}

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  ArchivedHistory(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * Gives the first {@code households} archived households of {@code campaignYear} (those the workload seeded, ids
   * with "-A") the history of one of the finished household cases, round robin. Returns what was written.
   */
  Figures cloneFor(ProcessEngine engine, int campaignYear, int households) throws Exception {
    List<String> templates = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(HouseholdCaseProcess.KEY).finished().list().stream()
        .filter(pi -> pi.getSuperProcessInstanceId() == null).map(HistoricProcessInstance::getId).toList();
    if (templates.isEmpty()) {
      throw new IllegalStateException("no finished household case to clone the history of");
    }
    long started = System.nanoTime();
    Map<String, List<String>> tables = historyTables();
    jdbc.execute("create table bench_history_clone (n integer primary key, template varchar(64), "
        + "prefix varchar(8), business_key varchar(255), tenant varchar(64))");
    List<Object[]> clones = new ArrayList<>();
    List<Map<String, Object>> archived = jdbc.queryForList(
        "select household_id, county_code from household where campaign_year = ? and household_id like '%-A%' "
            + "order by household_id limit ?", campaignYear, households);
    for (int n = 0; n < archived.size(); n++) {
      Map<String, Object> household = archived.get(n);
      clones.add(new Object[] {n, templates.get(n % templates.size()), "z%07x".formatted(n),
          household.get("household_id"), RoleGroups.tenant((String) household.get("county_code"))});
    }
    jdbc.batchUpdate("insert into bench_history_clone values (?, ?, ?, ?, ?)", clones);
    long rows = 0;
    for (int from = 0; from < clones.size(); from += PER_STATEMENT) {
      for (Map.Entry<String, List<String>> table : tables.entrySet()) {
        rows += jdbc.update(cloneStatement(table.getKey(), table.getValue()), from, from + PER_STATEMENT - 1);
      }
    }
    jdbc.execute("drop table bench_history_clone");
    long perCase = 0;
    for (Map.Entry<String, List<String>> table : tables.entrySet()) {
      Long n = jdbc.queryForObject("select count(*) from " + table.getKey() + " where ROOT_PROC_INST_ID_ = ?",
          Long.class, templates.get(0));
      perCase += n == null ? 0 : n;
    }
    return new Figures(templates.size(), clones.size(), perCase, rows, (System.nanoTime() - started) / 1e9);
  }

  /** The history tables, and the byte arrays, that are kept per root process instance, with their columns. */
  private Map<String, List<String>> historyTables() throws Exception {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet columns = meta.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
        while (columns.next()) {
          String table = columns.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
          if (table.startsWith("ACT_HI_") || table.equals("ACT_GE_BYTEARRAY")) {
            tables.computeIfAbsent(table, t -> new ArrayList<>())
                .add(columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    tables.values().removeIf(columns -> !columns.contains("ROOT_PROC_INST_ID_"));
    return tables;
  }

  private static String cloneStatement(String table, List<String> columns) {
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(switch (column) {
        case "BUSINESS_KEY_" -> "case when t.BUSINESS_KEY_ is null then null else c.business_key end";
        case "TENANT_ID_" -> "case when t.TENANT_ID_ is null then null else c.tenant end";
        default -> INSTANCE_IDS.contains(column)
            ? "case when t." + column + " is null then null else substring(t." + column + ", 1, length(t." + column
                + ") - 8) || c.prefix end"
            : "t." + column;
      });
    }
    return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
        + " from " + table + " t join bench_history_clone c on t.ROOT_PROC_INST_ID_ = c.template"
        + " where c.n between ? and ?";
  }
}
