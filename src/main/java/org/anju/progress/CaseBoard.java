package org.anju.progress;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.anju.clock.AnjuClock;
import org.anju.household.HouseholdCaseProcess.Elements;
import org.anju.household.HouseholdSteps;
import org.anju.region.Divisions;
import org.anju.tasklist.Step;
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

  /** The public notices of a case: the timers a manager waits on. */
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

  /** A case found by name or resident ID, with the steps it is at (or its outcome, once closed). */
  public record FoundCase(String processInstanceId, String householdId, String headName, String residentId,
      String village, String countyName, String townshipName, List<String> steps, String outcome) {}

  private final JdbcTemplate jdbc;
  private final EngineTables tables;
  private final Divisions divisions;
  /** The from and where of every notice query. */
  private final String noticeJobs;

  CaseBoard(JdbcTemplate jdbc, EngineTables tables, Divisions divisions) {
    this.jdbc = jdbc;
    this.tables = tables;
    this.divisions = divisions;
    this.noticeJobs = noticeJobs();
  }

  /** Open household cases per step, the notices among them, in the order of the case's path. */
  public List<StepCount> steps(Collection<String> visibleCounties) {
    List<StepCount> counts = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    jdbc.query("select t.TASK_DEF_KEY_, min(t.NAME_), count(distinct t.PROC_INST_ID_) from "
        + tables.name("ACT_RU_TASK") + " t" + tables.toCase("t.PROC_INST_ID_") + " where 1 = 1"
        + ProgressReport.filter("h", null, visibleCounties, args) + " group by t.TASK_DEF_KEY_",
        rs -> {
          counts.add(new StepCount(rs.getString(1), stepName(rs.getString(2)), rs.getLong(3)));
        }, args.toArray());
    args = new ArrayList<>();
    jdbc.query("select jd.ACT_ID_, count(*)" + noticeJobs + ProgressReport.filter("h", null, visibleCounties, args)
        + " group by jd.ACT_ID_", rs -> {
          counts.add(new StepCount(rs.getString(1), NOTICES.get(rs.getString(1)), rs.getLong(2)));
        }, args.toArray());
    counts.sort(Comparator.comparingInt(c -> ORDER.indexOf(c.step()) < 0 ? ORDER.size() : ORDER.indexOf(c.step())));
    return counts;
  }

  /** The cases waiting in a public notice, the soonest to end first. */
  public List<NoticeCase> notices(Collection<String> visibleCounties, int limit) {
    return notices("", List.of(), visibleCounties, limit);
  }

  /** The notice a job is, if it is one of a case the user sees. */
  public Optional<NoticeCase> notice(String jobId, Collection<String> visibleCounties) {
    return notices(" and j.ID_ = ?", List.of(jobId), visibleCounties, 1).stream().findFirst();
  }

  /**
   * Cases whose head of household's name contains {@code text}, or whose resident ID is {@code text}
   * (the check character in either case), the open ones first.
   */
  public List<FoundCase> find(String text, Collection<String> visibleCounties) {
    List<Object> args = new ArrayList<>();
    args.add("%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    args.add(text.toUpperCase(Locale.ROOT));
    Map<String, FoundCase> byInstance = new LinkedHashMap<>();
    List<FoundCase> found = new ArrayList<>();
    jdbc.query("select e.ID_, " + EngineTables.HOUSEHOLD_COLUMNS + ", h.resident_id, h.outcome from household h"
        + " left join " + tables.name("ACT_RU_EXECUTION") + " e on e.BUSINESS_KEY_ = h.household_id"
        + " and e.ID_ = e.PROC_INST_ID_ where (h.head_name like ? escape '!' or h.resident_id = ?)"
        + ProgressReport.filter("h", null, visibleCounties, args)
        + " order by h.outcome nulls first, h.head_name limit " + MAX_FOUND, rs -> {
          FoundCase c = new FoundCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(7),
              rs.getString(4), divisions.nameOf(rs.getString(5)), divisions.nameOf(rs.getString(6)),
              new ArrayList<>(), rs.getString(8));
          found.add(c);
          if (c.processInstanceId() != null) {
            byInstance.put(c.processInstanceId(), c);
          }
        }, args.toArray());
    if (!byInstance.isEmpty()) {
      String in = " in (" + String.join(", ", byInstance.keySet().stream().map(i -> "?").toList()) + ")";
      List<Object> ids = List.copyOf(byInstance.keySet());
      jdbc.query("select t.PROC_INST_ID_, t.NAME_ from " + tables.name("ACT_RU_TASK") + " t where t.PROC_INST_ID_"
          + in, rs -> {
            byInstance.get(rs.getString(1)).steps().add(stepName(rs.getString(2)));
          }, ids.toArray());
      notices(" and j.PROCESS_INSTANCE_ID_" + in, ids, visibleCounties, MAX_FOUND)
          .forEach(n -> byInstance.get(n.processInstanceId()).steps().add(n.noticeName() + " → " + n.endsOn()));
    }
    return found;
  }

  /** The jobs of the notice timers, joined to their case and household. */
  private String noticeJobs() {
    return " from " + tables.name("ACT_RU_JOB") + " j inner join " + tables.name("ACT_RU_JOBDEF")
        + " jd on jd.ID_ = j.JOB_DEF_ID_" + tables.toCase("j.PROCESS_INSTANCE_ID_") + " where jd.ACT_ID_ in ("
        + String.join(", ", NOTICES.keySet().stream().map(id -> "'" + id + "'").toList()) + ")";
  }

  private List<NoticeCase> notices(String where, List<Object> whereArgs, Collection<String> visibleCounties,
      int limit) {
    List<Object> args = new ArrayList<>(whereArgs);
    List<NoticeCase> found = new ArrayList<>();
    jdbc.query("select j.ID_, j.PROCESS_INSTANCE_ID_, jd.ACT_ID_, j.DUEDATE_, " + EngineTables.HOUSEHOLD_COLUMNS
        + noticeJobs + where + ProgressReport.filter("h", null, visibleCounties, args)
        + " order by j.DUEDATE_ limit " + limit, rs -> {
          Timestamp due = rs.getTimestamp(4);
          found.add(new NoticeCase(rs.getString(1), rs.getString(2), rs.getString(5), rs.getString(6),
              rs.getString(7), divisions.nameOf(rs.getString(8)), divisions.nameOf(rs.getString(9)),
              rs.getString(3), NOTICES.get(rs.getString(3)),
              due == null ? null : due.toInstant().atZone(AnjuClock.zone()).toLocalDate()));
        }, args.toArray());
    return found;
  }

  /**
   * The step of a task from its name: the model's name, which {@code TaskNamingListener} puts first,
   * before " · " and what names the case.
   */
  private static String stepName(String taskName) {
    int dot = taskName == null ? -1 : taskName.indexOf(" · ");
    return dot < 0 ? taskName : taskName.substring(0, dot);
  }

  private static List<String> order() {
    List<String> ids = new ArrayList<>(new HouseholdSteps().steps().stream().map(Step::elementId).toList());
    ids.add(ids.indexOf(Elements.TASK_VILLAGE_REVIEW) + 1, Elements.TIMER_VILLAGE_NOTICE);
    ids.add(ids.indexOf(Elements.TASK_TOWNSHIP_REVIEW) + 1, Elements.TIMER_TOWNSHIP_NOTICE);
    ids.add(ids.indexOf(Elements.TASK_COUNTY_APPROVAL) + 1, Elements.TIMER_COUNTY_NOTICE);
    return List.copyOf(ids);
  }
}
