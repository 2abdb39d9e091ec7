package org.anju.household;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The household table: one row per household and campaign, and its inspection log. */
@Repository
public class HouseholdRegistry {

  private final JdbcTemplate jdbc;

  public HouseholdRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers the household and returns its new household id, e.g. {@code 140929-2020-000012}. */
  public String register(Registration r, int campaignYear, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into household (campaign_year, resident_id, head_name, key_group, city_code, county_code,
            township_code, village, house_address, household_size, dynamic_guarantee, registered_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setInt(1, campaignYear);
      statement.setString(2, r.residentId());
      statement.setString(3, r.headName());
      statement.setString(4, r.keyGroup().name());
      statement.setString(5, r.cityCode());
      statement.setString(6, r.countyCode());
      statement.setString(7, r.townshipCode());
      statement.setString(8, r.village());
      statement.setString(9, r.houseAddress());
      statement.setLong(10, r.householdSize());
      statement.setBoolean(11, r.dynamicGuarantee());
      statement.setTimestamp(12, Timestamp.from(now));
      return statement;
    }, key);
    long id = key.getKey().longValue();
    String householdId = "%s-%d-%06d".formatted(r.countyCode(), campaignYear, id);
    jdbc.update("update household set household_id = ? where id = ?", householdId, id);
    return householdId;
  }

  /** The household id under which a resident is already registered in a campaign. */
  public Optional<String> findByResident(String residentId, int campaignYear) {
    List<String> ids = jdbc.queryForList(
        "select household_id from household where resident_id = ? and campaign_year = ?",
        String.class, residentId, campaignYear);
    return ids.stream().findFirst();
  }

  /** Of the residents, those already registered in a campaign, each with its household id: one query. */
  public Map<String, String> findByResidents(Collection<String> residentIds, int campaignYear) {
    Map<String, String> found = new HashMap<>();
    if (residentIds.isEmpty()) {
      return found;
    }
    jdbc.query("select resident_id, household_id from household where campaign_year = ? and resident_id in ("
        + String.join(", ", Collections.nCopies(residentIds.size(), "?")) + ")",
        rs -> {
          found.put(rs.getString("resident_id"), rs.getString("household_id"));
        }, Stream.concat(Stream.of(campaignYear), residentIds.stream()).toArray());
    return found;
  }

  public void recordOutcome(String householdId, String outcome, Instant now) {
    jdbc.update("update household set outcome = ?, closed_at = ? where household_id = ?",
        outcome, Timestamp.from(now), householdId);
  }

  /** Records that a case was ended from outside (cancelled), unless it has an outcome already. */
  void recordCancellation(String householdId, Instant now) {
    jdbc.update("update household set outcome = ?, closed_at = ? where household_id = ? and outcome is null",
        HouseholdCaseProcess.Outcome.CANCELLED.name(), Timestamp.from(now), householdId);
  }

  public Optional<String> outcomeOf(String householdId) {
    return jdbc.queryForList("select outcome from household where household_id = ?", String.class, householdId)
        .stream().findFirst();
  }

  /** Appends one construction inspection to the household's log; returns how many it now has. */
  public long logInspection(String householdId, Inspection inspection, Instant now) {
    jdbc.update("""
        insert into construction_inspection (household_id, inspection_date, inspector_name, quality_ok,
          safety_ok, notes, logged_at) values (?, ?, ?, ?, ?, ?, ?)""",
        householdId, Date.valueOf(inspection.date()), inspection.inspector(), inspection.qualityOk(),
        inspection.safetyOk(), inspection.notes(), Timestamp.from(now));
    return inspectionCount(householdId);
  }

  public long inspectionCount(String householdId) {
    Long count = jdbc.queryForObject(
        "select count(*) from construction_inspection where household_id = ?", Long.class, householdId);
    return count == null ? 0 : count;
  }

  /** One logged inspection. */
  public record Inspection(LocalDate date, String inspector, boolean qualityOk, boolean safetyOk, String notes) {}
}
