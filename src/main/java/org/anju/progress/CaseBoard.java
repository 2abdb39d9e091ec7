package org.anju.progress;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.clock.AnjuClock;
import org.anju.household.HouseholdCaseProcess.Elements;
import org.anju.household.HouseholdSteps;
import org.anju.tasklist.Step;
import org.anju.region.Divisions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Where the open household cases are, for the dashboard: how many wait at each step (public notices
 * included, which are timers, not tasks), which cases sit in a notice and the day it ends, and a case
 * found by the household's name or resident ID. Plain SQL over the engine's runtime tables joined to the
 * household table, as {@link ProgressReport}; visibility is a set of county codes ({@code null}: all).
 */
@Repository
public class CaseBoard {

  /** The public notices of a case, in their order: the timers a manager waits on. */
  static final Map<String, String> NOTICES = Map.of(
      Elements.TIMER_VILLAGE_NOTICE, "村级公示 Village notice",
      Elements.TIMER_TOWNSHIP_NOTICE, "乡镇公示 Township notice",
      Elements.TIMER_COUNTY_NOTICE, "县级公示 County notice");
  static final int MAX_FOUND = 50;
  /** The steps in the order of the case's path: the catalogue's, each notice after the review posting it. */
  static final List<String> ORDER = order();

  /** The open cases at one step (a user task or a notice). */
  public record StepCount(String step, String name, long cases) {}

  /** A case waiting in a public notice, and the day the notice ends (China's date). */
  public record NoticeCase(String jobId, String processInstanceId, String householdId, String headName,
      String village, String countyName, String townshipName, String notice, String noticeName, LocalDate endsOn) {}

  /** A case found by name or resident ID, with the steps it is at. */
  public record FoundCase(String processInstanceId, String householdId, String headName, String residentId,
      String village, String countyName, String townshipName, List<String> steps, String outcome) {}

  private final JdbcTemplate jdbc;
  private final String prefix;
  private final Divisions divisions;

  public CaseBoard(JdbcTemplate jdbc, ProcessEngine engine, Divisions divisions) {
    this.jdbc = jdbc;
    String p = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    this.prefix = p == null ? "" : p;
    this.divisions = divisions;
  }

  /** Open household cases per step: the tasks by their step, then the notices, in the model's order. */
  public List<StepCount> steps(Collection<String> visibleCounties) {
    List<Object> args = new ArrayList<>();
    List<StepCount> counts = new ArrayList<>();
    jdbc.query("select t.TASK_DEF_KEY_, min(t.NAME_), count(distinct t.PROC_INST_ID_) from " + prefix + "ACT_RU_TASK t"
        + cases("t.PROC_INST_ID_") + " where 1 = 1" + ProgressReport.filter("h", null, visibleCounties, args)
        + " group by t.TASK_DEF_KEY_", rs -> {
          String name = rs.getString(2);
          int dot = name == null ? -1 : name.indexOf(" · ");
          counts.add(new StepCount(rs.getString(1), dot < 0 ? name : name.substring(0, dot), rs.getLong(3)));
        }, args.toArray());
    Map<String, Long> inNotice = new LinkedHashMap<>();
    notices(visibleCounties, Integer.MAX_VALUE).forEach(n -> inNotice.merge(n.notice(), 1L, Long::sum));
    inNotice.forEach((notice, cases) -> counts.add(new StepCount(notice, NOTICES.get(notice), cases)));
    counts.sort(Comparator.comparingInt(c -> ORDER.indexOf(c.step()) < 0 ? ORDER.size() : ORDER.indexOf(c.step())));
    return counts;
  }

  /** The cases waiting in a public notice, the soonest to end first. */
  public List<NoticeCase> notices(Collection<String> visibleCounties, int limit) {
    List<Object> args = new ArrayList<>();
    String timers = String.join(", ", NOTICES.keySet().stream().map(id -> "'" + id + "'").toList());
    List<NoticeCase> found = new ArrayList<>();
    jdbc.query("select j.ID_, j.PROCESS_INSTANCE_ID_, jd.ACT_ID_, j.DUEDATE_, " + HOUSEHOLD
        + " from " + prefix + "ACT_RU_JOB j inner join " + prefix + "ACT_RU_JOBDEF jd on jd.ID_ = j.JOB_DEF_ID_"
        + cases("j.PROCESS_INSTANCE_ID_") + " where jd.ACT_ID_ in (" + timers + ")"
        + ProgressReport.filter("h", null, visibleCounties, args) + " order by j.DUEDATE_", rs -> {
          if (found.size() < limit) {
            Timestamp due = rs.getTimestamp(4);
            found.add(new NoticeCase(rs.getString(1), rs.getString(2), rs.getString(5), rs.getString(6),
                rs.getString(7), divisions.nameOf(rs.getString(8)), divisions.nameOf(rs.getString(9)),
                rs.getString(3), NOTICES.get(rs.getString(3)),
                due == null ? null : due.toInstant().atZone(AnjuClock.zone()).toLocalDate()));
          }
        }, args.toArray());
    return found;
  }

  /** The notice a job is, if it is one of a case the user sees. */
  public Optional<NoticeCase> notice(String jobId, Collection<String> visibleCounties) {
    return notices(visibleCounties, Integer.MAX_VALUE).stream().filter(n -> n.jobId().equals(jobId)).findFirst();
  }

  /**
   * Cases whose head of household's name contains {@code text}, or whose resident ID is {@code text}
   * (an 18-character ID, the check character in either case), the open ones first.
   */
  public List<FoundCase> find(String text, Collection<String> visibleCounties) {
    List<Object> args = new ArrayList<>();
    String id = text.toUpperCase(java.util.Locale.ROOT);
    args.add("%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    args.add(id);
    String where = " where (h.head_name like ? escape '!' or h.resident_id = ?)"
        + ProgressReport.filter("h", null, visibleCounties, args);
    Map<String, FoundCase> found = new LinkedHashMap<>();
    jdbc.query("select e.ID_, " + HOUSEHOLD + ", h.resident_id, h.outcome from household h left join " + prefix
        + "ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = h.household_id and e.ID_ = e.PROC_INST_ID_" + where
        + " order by h.outcome nulls first, h.head_name limit " + MAX_FOUND, rs -> {
          found.put(rs.getString(2), new FoundCase(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(7), rs.getString(4), divisions.nameOf(rs.getString(5)), divisions.nameOf(rs.getString(6)),
              new ArrayList<>(), rs.getString(8)));
        }, args.toArray());
    List<String> instances = found.values().stream().map(FoundCase::processInstanceId)
        .filter(java.util.Objects::nonNull).toList();
    if (!instances.isEmpty()) {
      Map<String, FoundCase> byInstance = new LinkedHashMap<>();
      found.values().forEach(c -> byInstance.put(c.processInstanceId(), c));
      jdbc.query("select t.PROC_INST_ID_, t.NAME_ from " + prefix + "ACT_RU_TASK t where t.PROC_INST_ID_ in ("
          + String.join(", ", instances.stream().map(i -> "?").toList()) + ")", rs -> {
            String name = rs.getString(2);
            int dot = name == null ? -1 : name.indexOf(" · ");
            byInstance.get(rs.getString(1)).steps().add(dot < 0 ? name : name.substring(0, dot));
          }, instances.toArray());
      notices(visibleCounties, Integer.MAX_VALUE).stream().filter(n -> byInstance.containsKey(n.processInstanceId()))
          .forEach(n -> byInstance.get(n.processInstanceId()).steps().add(n.noticeName() + " → " + n.endsOn()));
    }
    return List.copyOf(found.values());
  }

  private static List<String> order() {
    List<String> ids = new ArrayList<>(new HouseholdSteps().steps().stream().map(Step::elementId).toList());
    ids.add(ids.indexOf(Elements.TASK_VILLAGE_REVIEW) + 1, Elements.TIMER_VILLAGE_NOTICE);
    ids.add(ids.indexOf(Elements.TASK_TOWNSHIP_REVIEW) + 1, Elements.TIMER_TOWNSHIP_NOTICE);
    ids.add(ids.indexOf(Elements.TASK_COUNTY_APPROVAL) + 1, Elements.TIMER_COUNTY_NOTICE);
    return List.copyOf(ids);
  }

  private static final String HOUSEHOLD = "h.household_id, h.head_name, h.village, h.county_code, h.township_code";

  private String cases(String processInstanceColumn) {
    return " inner join " + prefix + "ACT_RU_EXECUTION e on e.ID_ = " + processInstanceColumn
        + " inner join household h on h.household_id = e.BUSINESS_KEY_";
  }
}
