package org.anju.rectification;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The problem ledger (问题清单): every problem a check found, open until the county closes it out. */
@Repository("problemLedger")
public class ProblemLedger {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  private final JdbcTemplate jdbc;

  public ProblemLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Where a check runs. */
  public record CheckPlace(String processInstanceId, String level, String countyCode, String townshipCode,
      String village, String householdId, Integer campaignYear, String checkKind) {}

  /** Registers one problem of a batch and returns its problem id, e.g. {@code P000042}. */
  public String open(CheckPlace place, int batch, String description, LocalDate deadline, Instant now) {
    return open(place, batch, null, description, deadline, now);
  }

  /** As above, for a finding of {@code category} (null when the check names none). */
  public String open(CheckPlace place, int batch, String category, String description, LocalDate deadline,
      Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into problem (process_instance_id, batch, check_level, county_code, township_code, village,
            household_id, description, deadline, status, opened_at, campaign_year, check_kind, category)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setString(1, place.processInstanceId());
      statement.setInt(2, batch);
      statement.setString(3, place.level());
      statement.setString(4, place.countyCode());
      statement.setString(5, place.townshipCode());
      statement.setString(6, place.village());
      statement.setString(7, place.householdId());
      statement.setString(8, description);
      statement.setDate(9, Date.valueOf(deadline));
      statement.setString(10, OPEN);
      statement.setTimestamp(11, Timestamp.from(now));
      statement.setObject(12, place.campaignYear());
      statement.setString(13, place.checkKind());
      statement.setString(14, category);
      return statement;
    }, key);
    long id = key.getKey().longValue();
    String problemId = "P%06d".formatted(id);
    jdbc.update("update problem set problem_id = ? where id = ?", problemId, id);
    return problemId;
  }

  /** The problems of one batch of a check: the collection of {@code SubProcess_CloseProblem}. */
  public List<String> idsOfBatch(String processInstanceId, Number batch) {
    return jdbc.queryForList("select problem_id from problem where process_instance_id = ? and batch = ? order by id",
        String.class, processInstanceId, batch.intValue());
  }

  public String descriptionOf(String problemId) {
    return jdbc.queryForObject("select description from problem where problem_id = ?", String.class, problemId);
  }

  /** The deadline as an ISO date, which is also what the rectify task's due date takes. */
  public String deadlineOf(String problemId) {
    return jdbc.queryForObject("select deadline from problem where problem_id = ?", Date.class, problemId)
        .toLocalDate().toString();
  }

  public String statusOf(String problemId) {
    return jdbc.queryForObject("select status from problem where problem_id = ?", String.class, problemId);
  }

  public void closeOut(String problemId, String measures, LocalDate closedOn, String remarks, Instant now) {
    jdbc.update("""
        update problem set status = ?, rectification_measures = ?, closed_on = ?, close_out_remarks = ?, closed_at = ?
        where problem_id = ?""", CLOSED, measures, Date.valueOf(closedOn), remarks, Timestamp.from(now), problemId);
  }

  public long openCount(String processInstanceId) {
    Long count = jdbc.queryForObject("select count(*) from problem where process_instance_id = ? and status = ?",
        Long.class, processInstanceId, OPEN);
    return count == null ? 0 : count;
  }
}
