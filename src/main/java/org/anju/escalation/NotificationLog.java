package org.anju.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The notification log: every escalation, when and to whom, delivered or not and why. */
@Repository
public class NotificationLog {

  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";
  /** Final: the mail server refused some of the recipients for good (listed in the error); the others got it. */
  public static final String PARTIAL = "PARTIAL";
  /** Final: the mail server refused every recipient for good. */
  public static final String REJECTED = "REJECTED";
  /** A recipient's mail that the server acknowledged. */
  static final String SENT = "SENT";
  /** A recipient's mail that went out whole, but whose acknowledgement was lost: not sent again. */
  static final String UNCONFIRMED = "UNCONFIRMED";

  /** One row of the log; rows recorded together for the same recipients share a delivery key. */
  public record Notification(long id, String dedupKey, String countyCode, String caseKey, String processInstanceId,
      String step, int level, String recipients, String channel, String subject, String body, Instant createdAt,
      String status, int attempts, Instant deliveredAt, String error, String deliveryKey) {}

  /** What one address got of one notification: SENT, UNCONFIRMED or REJECTED, and the server's reply. */
  record Recipient(long notificationId, String address, String status, String messageId, String reply,
      Instant recordedAt) {}

  /** How one notification's delivery ended: DELIVERED, PARTIAL or REJECTED, and who did not surely get it. */
  record Settled(long id, String status, String note) {}

  private static final RowMapper<Recipient> RECIPIENT = (rs, n) -> new Recipient(rs.getLong("notification_id"),
      rs.getString("address"), rs.getString("status"), rs.getString("message_id"), rs.getString("reply"),
      rs.getTimestamp("recorded_at").toInstant());

  private static final RowMapper<Notification> ROW = (rs, n) -> new Notification(rs.getLong("id"),
      rs.getString("dedup_key"), rs.getString("county_code"), rs.getString("case_key"),
      rs.getString("process_instance_id"), rs.getString("step"), rs.getInt("level"), rs.getString("recipients"),
      rs.getString("channel"), rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
      rs.getString("status"), rs.getInt("attempts"),
      rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(),
      rs.getString("error"), rs.getString("delivery_key"));

  /** Keys per query when checking which notifications exist: well below every database's limit. */
  private static final int KEYS_PER_QUERY = 500;

  private final JdbcTemplate jdbc;

  public NotificationLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the notifications whose dedup key is not in the log yet, in one batch, and returns them:
   * each notification is recorded once, however often it is asked for. Two nodes recording the same
   * key at once fail on its unique constraint, and the losing transaction is retried.
   */
  public List<Notification> recordNew(List<Notification> notifications) {
    Set<String> existing = new HashSet<>();
    List<String> keys = notifications.stream().map(Notification::dedupKey).distinct().toList();
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      List<String> some = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
      existing.addAll(jdbc.queryForList("select dedup_key from notification where dedup_key in ("
          + String.join(",", some.stream().map(k -> "?").toList()) + ")", String.class, some.toArray()));
    }
    List<Notification> fresh = new ArrayList<>();
    for (Notification n : notifications) {
      if (existing.add(n.dedupKey())) {
        fresh.add(n);
      }
    }
    jdbc.batchUpdate("""
        insert into notification (dedup_key, county_code, case_key, process_instance_id, step, level, recipients,
          channel, subject, body, created_at, status, attempts, delivery_key)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""", fresh.stream().map(n -> new Object[] {n.dedupKey(),
        n.countyCode(), n.caseKey(), n.processInstanceId(), n.step(), n.level(), truncate(n.recipients(), 2000),
        n.channel(), truncate(n.subject(), 300), truncate(n.body(), 4000), Timestamp.from(n.createdAt()), PENDING,
        n.deliveryKey()}).toList());
    return fresh;
  }

  public Optional<Notification> find(long id) {
    return jdbc.query("select * from notification where id = ?", ROW, id).stream().findFirst();
  }

  /** The notifications of a delivery still to be sent (pending or failed before), oldest first. */
  public List<Notification> undelivered(String deliveryKey) {
    return jdbc.query("select * from notification where delivery_key = ? and status in (?, ?) order by id", ROW,
        deliveryKey, PENDING, FAILED);
  }

  static boolean settled(Notification notification) {
    return !PENDING.equals(notification.status()) && !FAILED.equals(notification.status());
  }

  /** Ends the delivery of these notifications; a rejected one has no delivery time. */
  void settle(List<Settled> outcomes, Instant now) {
    jdbc.batchUpdate("update notification set status = ?, delivered_at = ?, attempts = attempts + 1, error = ? "
        + "where id = ?", outcomes.stream().map(o -> new Object[] {o.status(),
        REJECTED.equals(o.status()) ? null : Timestamp.from(now), truncate(o.note(), 1000), o.id()}).toList());
  }

  /** What the mail recipients of these notifications got so far, oldest first. */
  List<Recipient> recipients(List<Long> notificationIds) {
    if (notificationIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select * from notification_recipient where notification_id in ("
        + String.join(",", notificationIds.stream().map(id -> "?").toList()) + ") order by recorded_at, address",
        RECIPIENT, notificationIds.toArray());
  }

  /**
   * What one delivery job learnt: the notifications it settled and what each mail recipient got. Written in
   * the job's transaction, or in one of their own when the job fails and its transaction is rolled back.
   */
  static final class Outcomes {
    final List<Settled> settled = new ArrayList<>();
    final List<Recipient> recipients = new ArrayList<>();
  }

  void write(Outcomes outcomes, Instant now) {
    recorded(outcomes.recipients);
    settle(outcomes.settled, now);
  }

  private void recorded(List<Recipient> recipients) {
    jdbc.batchUpdate("""
        insert into notification_recipient (notification_id, address, status, message_id, reply, recorded_at)
        values (?, ?, ?, ?, ?, ?)""", recipients.stream().map(r -> new Object[] {r.notificationId(), r.address(),
        r.status(), r.messageId(), truncate(r.reply(), 1000), Timestamp.from(r.recordedAt())}).toList());
  }

  public void failed(List<Long> ids, String error) {
    jdbc.batchUpdate("update notification set status = ?, attempts = attempts + 1, error = ? where id = ?",
        ids.stream().map(id -> new Object[] {FAILED, truncate(error, 1000), id}).toList());
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
