package org.anju.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The notification log: every escalation, when and to whom, delivered or not and why. */
@Repository
public class NotificationLog {

  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";

  /** One row of the log. */
  public record Notification(long id, String dedupKey, String countyCode, String caseKey, String processInstanceId,
      String step, int level, String recipients, String channel, String subject, String body, Instant createdAt,
      String status, int attempts, Instant deliveredAt, String error) {}

  private static final RowMapper<Notification> ROW = (rs, n) -> new Notification(rs.getLong("id"),
      rs.getString("dedup_key"), rs.getString("county_code"), rs.getString("case_key"),
      rs.getString("process_instance_id"), rs.getString("step"), rs.getInt("level"), rs.getString("recipients"),
      rs.getString("channel"), rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
      rs.getString("status"), rs.getInt("attempts"),
      rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(),
      rs.getString("error"));

  private final JdbcTemplate jdbc;

  public NotificationLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a notification unless one with the same key exists; returns the new row's id. */
  public Optional<Long> recordOnce(Notification n) {
    if (jdbc.queryForObject("select count(*) from notification where dedup_key = ?", Long.class, n.dedupKey()) > 0) {
      return Optional.empty();
    }
    KeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.update(connection -> {
        var s = connection.prepareStatement("""
            insert into notification (dedup_key, county_code, case_key, process_instance_id, step, level, recipients,
              channel, subject, body, created_at, status, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
            new String[] {"id"});
        s.setString(1, n.dedupKey());
        s.setString(2, n.countyCode());
        s.setString(3, n.caseKey());
        s.setString(4, n.processInstanceId());
        s.setString(5, n.step());
        s.setInt(6, n.level());
        s.setString(7, truncate(n.recipients(), 2000));
        s.setString(8, n.channel());
        s.setString(9, truncate(n.subject(), 300));
        s.setString(10, truncate(n.body(), 4000));
        s.setTimestamp(11, Timestamp.from(n.createdAt()));
        s.setString(12, PENDING);
        return s;
      }, key);
    } catch (DuplicateKeyException raced) {
      return Optional.empty(); // another node recorded it first
    }
    return Optional.of(key.getKey().longValue());
  }

  public Optional<Notification> find(long id) {
    return jdbc.query("select * from notification where id = ?", ROW, id).stream().findFirst();
  }

  public void delivered(long id, Instant now) {
    jdbc.update("update notification set status = ?, delivered_at = ?, attempts = attempts + 1, error = null where id = ?",
        DELIVERED, Timestamp.from(now), id);
  }

  public void failed(long id, String error) {
    jdbc.update("update notification set status = ?, attempts = attempts + 1, error = ? where id = ?",
        FAILED, truncate(error, 1000), id);
  }

  /** The log as a manager reads it, newest first; {@code counties} null means every county. */
  public List<Notification> search(List<String> counties, String caseKey, String status, int limit) {
    StringBuilder sql = new StringBuilder("select * from notification where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (counties != null) {
      if (counties.isEmpty()) {
        return List.of();
      }
      sql.append(" and county_code in (").append(String.join(",", counties.stream().map(c -> "?").toList())).append(")");
      args.addAll(counties);
    }
    if (caseKey != null) {
      sql.append(" and case_key = ?");
      args.add(caseKey);
    }
    if (status != null) {
      sql.append(" and status = ?");
      args.add(status);
    }
    sql.append(" order by id desc limit ").append(limit);
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  public Map<String, Object> countsByStatus() {
    Map<String, Object> counts = new java.util.TreeMap<>();
    jdbc.query("select status, count(*) as n from notification group by status",
        rs -> { counts.put(rs.getString("status"), rs.getLong("n")); });
    return counts;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
