package org.anju.progress;

import org.anju.clock.AnjuClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.anju.campaign.Campaign;
import org.anju.campaign.Campaign.Deadline;
import org.anju.household.CaseDeadlineWatch;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Outcome;
import org.anju.region.Divisions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The campaign progress report: per division of one level (province, city, county, township) below a
 * parent, the households of a campaign per stage, outcome and key group, the dynamic-guarantee cases
 * against their target and the two deadlines, open problems, overdue steps, and the projected dates at
 * the pace of the last {@link #PACE_DAYS} days.
 *
 * <p>Three grouped SQL queries (household, problem, open tasks joined to their case by business key),
 * plain SQL that runs on H2 and PostgreSQL. The stage of a case is derived from its milestones, not
 * from the engine. Visibility is a set of county codes ({@code null}: every county).
 */
@Repository
public class ProgressReport {

  /** The pace is measured over this many days up to today. */
  public static final int PACE_DAYS = 14;

  /** The level of the rows. */
  public enum Level {
    PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9);

    final int codeLength;

    Level(int codeLength) {
      this.codeLength = codeLength;
    }
  }

  /** The stage of a case, from its milestones. */
  public enum Stage { REGISTERED, VERIFIED, METHOD_DECIDED, CONSTRUCTION_STARTED, ACCEPTED, CLOSED }

  /** The findings of the hazard checks (安全隐患排查整治) of one category in a division: found, still open. */
  public record HazardCount(long found, long open, long closed) {}

  /** Why a division is at risk. */
  public enum Risk { START_DEADLINE, COMPLETION_DEADLINE, OVERDUE_STEPS }

  /** One division's figures. */
  public record Row(String code, String name, long households, Map<Stage, Long> stages,
      Map<String, Long> outcomes, Map<String, Long> keyGroups, long notVerified, long dynamicTarget,
      long dynamicStarted, long dynamicCompleted, long startedLast14Days, long completedLast14Days,
      long openProblems, long overdueSteps, LocalDate projectedStartDate, LocalDate projectedCompletionDate,
      List<Risk> risks, Map<String, HazardCount> hazards) {

    public boolean atRisk() {
      return !risks.isEmpty();
    }
  }

  /** The report: the campaign, today, days left to each deadline, and one row per division. */
  public record Report(int campaign, Level level, String parentCode, LocalDate today, LocalDate startDeadline,
      LocalDate completionDeadline, long daysToStartDeadline, long daysToCompletionDeadline, List<Row> rows) {}

  /** A stuck case: an overdue step or an open incident. */
  public record StuckCase(String processInstanceId, String householdId, String headName, String village,
      String countyCode, String countyName, String townshipName, String step, Timestamp waitingSince,
      Timestamp dueDate, long overdueDays, List<String> incidents) {

    public boolean overdue() {
      return overdueDays > 0;
    }

    /** Since when the case is stuck: the earlier of its overdue step's due date and its first incident. */
    public Timestamp stuckSince() {
      Timestamp overdueSince = overdueDays > 0 ? dueDate : null;
      Timestamp incidentSince = incidents.isEmpty() ? null : waitingSince;
      if (overdueSince == null || incidentSince == null) {
        return overdueSince == null ? incidentSince : overdueSince;
      }
      return overdueSince.before(incidentSince) ? overdueSince : incidentSince;
    }
  }

  /** A renovation case: not yet decided, or decided to reinforce or rebuild (as {@code CampaignProgress}). */
  static final String RENOVATION = "(renovation_method is null or renovation_method in ('REINFORCE', 'REBUILD'))";
  /** A dynamic-guarantee renovation the campaign must start and complete. */
  static final String DYNAMIC_TARGET = "dynamic_guarantee = true and ((outcome is null and " + RENOVATION
      + ") or outcome = 'MADE_SAFE_BY_RENOVATION')";

  private final JdbcTemplate jdbc;
  private final EngineTables tables;
  private final Divisions divisions;

  ProgressReport(JdbcTemplate jdbc, EngineTables tables, Divisions divisions) {
    this.jdbc = jdbc;
    this.tables = tables;
    this.divisions = divisions;
  }

  public static LocalDate today() {
    return AnjuClock.today();
  }

  /**
   * The rows of {@code level} below {@code parentCode} (a division code of a higher level, or null for
   * the whole province), counting only the {@code visibleCounties} (null: all).
   */
  public Report report(Campaign campaign, Level level, String parentCode, Collection<String> visibleCounties) {
    LocalDate today = today();
    Date paceFrom = Date.valueOf(today.minusDays(PACE_DAYS - 1));
    String hKey = "substr(h.township_code, 1, " + level.codeLength + ")";
    String pKey = "substr(p.township_code, 1, " + level.codeLength + ")";

    Map<String, long[]> households = new TreeMap<>();
    List<String> columns = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      columns.add(stageCondition(stage));
    }
    for (Outcome outcome : Outcome.values()) {
      columns.add("h.outcome = '" + outcome.name() + "'");
    }
    for (KeyGroup group : KeyGroup.values()) {
      columns.add("h.key_group = '" + group.name() + "'");
    }
    columns.add("h.outcome is null and h.verified_on is null");
    columns.add(DYNAMIC_TARGET.replace("dynamic_guarantee", "h.dynamic_guarantee").replace("outcome", "h.outcome")
        .replace("renovation_method", "h.renovation_method"));
    String target = columns.get(columns.size() - 1);
    columns.add(target + " and h.construction_started_on is not null");
    columns.add(target + " and h.accepted_on is not null");
    columns.add(target + " and h.construction_started_on >= ?");
    columns.add(target + " and h.accepted_on >= ?");
    // Two steps: the households are first counted per division and combination of the values the
    // columns read (dates reduced to "none / before / within the last 14 days"), then the columns are
    // summed over those few combinations; evaluating two dozen conditions on each of 100,000 rows
    // made the province's report take over half a second (measured: bench/, issue 6).
    StringBuilder sql = new StringBuilder("select h.code, sum(h.n)");
    for (String column : columns) {
      sql.append(", sum(case when ").append(combination(column)).append(" then h.n else 0 end)");
    }
    sql.append(" from (select ").append(hKey).append(" as code, h.outcome, h.key_group, h.dynamic_guarantee,")
        .append(" h.renovation_method, case when h.verified_on is null then 0 else 1 end as v,")
        .append(" case when h.construction_started_on is null then 0 when h.construction_started_on >= ? then 2")
        .append(" else 1 end as c, case when h.accepted_on is null then 0 when h.accepted_on >= ? then 2")
        .append(" else 1 end as a, count(*) as n from household h where h.campaign_year = ?");
    List<Object> args = new ArrayList<>(List.of(paceFrom, paceFrom, campaign.year()));
    sql.append(filter("h", parentCode, visibleCounties, args));
    sql.append(" group by ").append(hKey).append(", h.outcome, h.key_group, h.dynamic_guarantee,")
        .append(" h.renovation_method, v, c, a) h group by h.code");
    int width = columns.size();
    jdbc.query(sql.toString(), rs -> {
      long[] values = new long[width + 1];
      for (int i = 0; i <= width; i++) {
        values[i] = rs.getLong(i + 2);
      }
      households.put(rs.getString(1), values);
    }, args.toArray());

    Map<String, Long> problems = new TreeMap<>();
    List<Object> problemArgs = new ArrayList<>();
    String problemSql = "select " + pKey + ", count(*) from problem p where p.status = 'OPEN'"
        + filter("p", parentCode, visibleCounties, problemArgs) + " group by " + pKey;
    jdbc.query(problemSql, rs -> {
      problems.put(rs.getString(1), rs.getLong(2));
    }, problemArgs.toArray());

    // the hazard checks' findings per category: every check of the place, not only of the campaign's households
    Map<String, Map<String, HazardCount>> hazards = new TreeMap<>();
    List<Object> hazardArgs = new ArrayList<>();
    String hazardSql = "select " + pKey + ", p.category, count(*), sum(case when p.status = 'OPEN' then 1 else 0 end)"
        + " from problem p where p.category is not null" + filter("p", parentCode, visibleCounties, hazardArgs)
        + " group by " + pKey + ", p.category";
    jdbc.query(hazardSql, rs -> {
      hazards.computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
          .put(rs.getString(2), new HazardCount(rs.getLong(3), rs.getLong(4), rs.getLong(3) - rs.getLong(4)));
    }, hazardArgs.toArray());

    Map<String, Long> overdue = new TreeMap<>();
    List<Object> overdueArgs = new ArrayList<>(List.of(new Timestamp(ClockUtil.getCurrentTime().getTime()),
        campaign.year()));
    String overdueSql = "select " + hKey + ", count(*) from " + tables.name("ACT_RU_TASK") + " t inner join "
        + tables.name("ACT_RU_EXECUTION") + " e on e.ID_ = t.PROC_INST_ID_ inner join household h on h.household_id"
        + " = e.BUSINESS_KEY_ where t.DUE_DATE_ < ? and h.campaign_year = ?"
        + filter("h", parentCode, visibleCounties, overdueArgs) + " group by " + hKey;
    jdbc.query(overdueSql, rs -> {
      overdue.put(rs.getString(1), rs.getLong(2));
    }, overdueArgs.toArray());

    Set<String> codes = new TreeSet<>();
    codes.addAll(households.keySet());
    codes.addAll(problems.keySet());
    codes.addAll(hazards.keySet());
    codes.addAll(overdue.keySet());
    if (visibleCounties != null && level != Level.TOWNSHIP) {
      // the user's own counties show even before their first household
      for (String county : visibleCounties) {
        if (parentCode == null || county.startsWith(parentCode)) {
          codes.add(county.substring(0, level.codeLength));
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String code : codes) {
      rows.add(row(code, households.getOrDefault(code, new long[width + 1]), problems.getOrDefault(code, 0L),
          overdue.getOrDefault(code, 0L), hazards.getOrDefault(code, Map.of()), campaign, today));
    }
    rows.sort(Comparator.comparing(Row::code));
    return new Report(campaign.year(), level, parentCode, today, campaign.startDeadline(),
        campaign.completionDeadline(), ChronoUnit.DAYS.between(today, campaign.startDeadline()),
        ChronoUnit.DAYS.between(today, campaign.completionDeadline()), rows);
  }

  /**
   * The stuck cases, longest first: those whose step is overdue (past its due date, which is its step's
   * limit or the campaign deadline capping it) or that have an open incident.
   */
  public List<StuckCase> stuck(Collection<String> visibleCounties, int limit) {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    Map<String, StuckCase> byInstance = new LinkedHashMap<>();

    List<Object> args = new ArrayList<>(List.of(now));
    String overdueTasks = "select t.PROC_INST_ID_, t.NAME_, t.CREATE_TIME_, t.DUE_DATE_, " + HOUSEHOLD_COLUMNS
        + " from " + tables.name("ACT_RU_TASK") + " t" + tables.toCase("t.PROC_INST_ID_") + " where t.DUE_DATE_ < ?"
        + filter("h", null, visibleCounties, args) + " order by t.DUE_DATE_ limit " + (limit * 2);
    jdbc.query(overdueTasks, rs -> {
      addTask(byInstance, rs, now);
    }, args.toArray());

    args = new ArrayList<>();
    String incidents = "select i.PROC_INST_ID_, i.INCIDENT_TYPE_, i.INCIDENT_TIMESTAMP_, " + HOUSEHOLD_COLUMNS
        + " from " + tables.name("ACT_RU_INCIDENT") + " i" + tables.toCase("i.PROC_INST_ID_") + " where 1 = 1"
        + filter("h", null, visibleCounties, args) + " order by i.INCIDENT_TIMESTAMP_ limit " + (limit * 2);
    jdbc.query(incidents, rs -> {
      addReason(byInstance, rs, rs.getString(2), rs.getTimestamp(3), 4);
    }, args.toArray());

    // a case waiting past a campaign deadline it missed (household-case's deadline sub-processes), since then
    args = new ArrayList<>(List.of(CaseDeadlineWatch.caughtUpMessage(Deadline.START),
        CaseDeadlineWatch.caughtUpMessage(Deadline.COMPLETION)));
    String waiting = "select s.PROC_INST_ID_, s.CREATED_, " + HOUSEHOLD_COLUMNS + " from "
        + tables.name("ACT_RU_EVENT_SUBSCR") + " s" + tables.toCase("s.PROC_INST_ID_")
        + " where s.EVENT_TYPE_ = 'message' and s.EVENT_NAME_ in (?, ?)" + filter("h", null, visibleCounties, args)
        + " order by s.CREATED_ limit " + (limit * 2);
    jdbc.query(waiting, rs -> {
      addReason(byInstance, rs, CaseDeadlineWatch.STUCK_REASON, rs.getTimestamp(2), 3);
    }, args.toArray());

    // stuck since its step fell due (its limit passed) or its first incident, longest first; a case
    // that is merely open, however new, is not stuck
    List<StuckCase> result = new ArrayList<>(byInstance.values());
    result.sort(Comparator.comparing(StuckCase::stuckSince, Comparator.nullsLast(Comparator.naturalOrder())));
    return result.size() > limit ? result.subList(0, limit) : result;
  }

  private static final String HOUSEHOLD_COLUMNS = EngineTables.HOUSEHOLD_COLUMNS;

  /** An incident type or another reason the case is stuck, since {@code at}; the household columns from {@code c}. */
  private void addReason(Map<String, StuckCase> byInstance, ResultSet rs, String reason, Timestamp at, int c)
      throws SQLException {
    String id = rs.getString(1);
    StuckCase known = byInstance.get(id);
    if (known == null) {
      known = stuckCase(rs, id, null, at, null, 0, c);
    }
    List<String> reasons = new ArrayList<>(known.incidents());
    if (!reasons.contains(reason)) {
      reasons.add(reason);
    }
    Timestamp since = known.waitingSince() == null || at.before(known.waitingSince()) ? at : known.waitingSince();
    byInstance.put(id, new StuckCase(known.processInstanceId(), known.householdId(), known.headName(),
        known.village(), known.countyCode(), known.countyName(), known.townshipName(), known.step(), since,
        known.dueDate(), known.overdueDays(), List.copyOf(reasons)));
  }

  private void addTask(Map<String, StuckCase> byInstance, ResultSet rs, Timestamp now) throws SQLException {
    String id = rs.getString(1);
    Timestamp due = rs.getTimestamp(4);
    long overdueDays = due == null || !due.before(now) ? 0
        : Math.max(1, ChronoUnit.DAYS.between(due.toInstant(), now.toInstant()));
    StuckCase known = byInstance.get(id);
    if (known == null || overdueDays > known.overdueDays()) {
      byInstance.put(id, stuckCase(rs, id, rs.getString(2), rs.getTimestamp(3), due, overdueDays, 5));
    }
  }

  private StuckCase stuckCase(ResultSet rs, String id, String step, Timestamp since, Timestamp due, long overdueDays,
      int firstHouseholdColumn) throws SQLException {
    int c = firstHouseholdColumn;
    String county = rs.getString(c + 3);
    return new StuckCase(id, rs.getString(c), rs.getString(c + 1), rs.getString(c + 2), county,
        divisions.nameOf(county), divisions.nameOf(rs.getString(c + 4)), step, since, due, overdueDays, List.of());
  }

  private Row row(String code, long[] v, long openProblems, long overdueSteps, Map<String, HazardCount> hazards,
      Campaign campaign, LocalDate today) {
    int i = 0;
    long total = v[i++];
    Map<Stage, Long> stages = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      stages.put(stage, v[i++]);
    }
    Map<String, Long> outcomes = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome.name(), v[i++]);
    }
    Map<String, Long> keyGroups = new LinkedHashMap<>();
    for (KeyGroup group : KeyGroup.values()) {
      keyGroups.put(group.name(), v[i++]);
    }
    long notVerified = v[i++];
    long target = v[i++];
    long started = v[i++];
    long completed = v[i++];
    long startedRecently = v[i++];
    long completedRecently = v[i++];
    LocalDate projectedStart = projected(target - started, startedRecently, today);
    LocalDate projectedCompletion = projected(target - completed, completedRecently, today);
    List<Risk> risks = new ArrayList<>();
    if (target > started && (projectedStart == null || projectedStart.isAfter(campaign.startDeadline()))) {
      risks.add(Risk.START_DEADLINE);
    }
    if ((target > completed && (projectedCompletion == null
        || projectedCompletion.isAfter(campaign.completionDeadline())))
        || (notVerified > 0 && today.isAfter(campaign.completionDeadline()))) {
      risks.add(Risk.COMPLETION_DEADLINE);
    }
    if (overdueSteps > 0) {
      risks.add(Risk.OVERDUE_STEPS);
    }
    return new Row(code, divisions.nameOf(code), total, stages, outcomes, keyGroups, notVerified, target, started,
        completed, startedRecently, completedRecently, openProblems, overdueSteps, projectedStart,
        projectedCompletion, List.copyOf(risks), Map.copyOf(hazards));
  }

  /**
   * The day the remaining cases are done at the recent pace: today when none remain, null when some
   * remain and nothing was done in the last {@link #PACE_DAYS} days.
   */
  static LocalDate projected(long remaining, long doneRecently, LocalDate today) {
    if (remaining <= 0) {
      return today;
    }
    if (doneRecently <= 0) {
      return null;
    }
    long days = (remaining * PACE_DAYS + doneRecently - 1) / doneRecently;
    return today.plusDays(days);
  }

  /** A column's condition on a household, as a condition on a combination of the inner count. */
  private static String combination(String condition) {
    return condition.replace("h.verified_on is null", "h.v = 0").replace("h.verified_on is not null", "h.v > 0")
        .replace("h.construction_started_on is null", "h.c = 0")
        .replace("h.construction_started_on is not null", "h.c > 0")
        .replace("h.construction_started_on >= ?", "h.c = 2")
        .replace("h.accepted_on is null", "h.a = 0").replace("h.accepted_on is not null", "h.a > 0")
        .replace("h.accepted_on >= ?", "h.a = 2");
  }

  private static String stageCondition(Stage stage) {
    return switch (stage) {
      case CLOSED -> "h.outcome is not null";
      case ACCEPTED -> "h.outcome is null and h.accepted_on is not null";
      case CONSTRUCTION_STARTED -> "h.outcome is null and h.accepted_on is null and h.construction_started_on is not null";
      case METHOD_DECIDED -> "h.outcome is null and h.accepted_on is null and h.construction_started_on is null"
          + " and h.renovation_method is not null";
      case VERIFIED -> "h.outcome is null and h.accepted_on is null and h.construction_started_on is null"
          + " and h.renovation_method is null and h.verified_on is not null";
      case REGISTERED -> "h.outcome is null and h.accepted_on is null and h.construction_started_on is null"
          + " and h.renovation_method is null and h.verified_on is null";
    };
  }

  /** The parent's and the visibility's conditions on the county (and township) code of {@code alias}. */
  static String filter(String alias, String parentCode, Collection<String> visibleCounties, List<Object> args) {
    StringBuilder where = new StringBuilder();
    if (parentCode != null && !parentCode.isEmpty()) {
      if (parentCode.length() > 6) {
        where.append(" and ").append(alias).append(".township_code = ?");
        args.add(parentCode);
      } else if (parentCode.length() == 6) {
        where.append(" and ").append(alias).append(".county_code = ?");
        args.add(parentCode);
      } else {
        where.append(" and ").append(alias).append(".county_code like ?");
        args.add(parentCode + "%");
      }
    }
    if (visibleCounties != null) {
      if (visibleCounties.isEmpty()) {
        where.append(" and 1 = 0");
      } else {
        where.append(" and ").append(alias).append(".county_code in (")
            .append(String.join(", ", visibleCounties.stream().map(c -> "?").toList())).append(")");
        args.addAll(visibleCounties);
      }
    }
    return where.toString();
  }

}
