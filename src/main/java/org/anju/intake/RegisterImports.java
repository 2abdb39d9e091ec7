package org.anju.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code register_import} and {@code register_import_error}. */
@Repository
class RegisterImports {

  static final String RUNNING = "RUNNING";
  static final String DONE = "DONE";
  static final String FAILED = "FAILED";
  static final String INTERRUPTED = "INTERRUPTED";
  static final String ERROR = "ERROR";
  static final String SKIPPED = "SKIPPED";

  /** One import as the API shows it. */
  record RegisterImport(long id, String fileName, String sha256, String format, long fileSize, String importedBy,
      String countyScope, String status, String message, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
      int rowsTotal, int rowsDone, int rowsImported, int rowsSkipped, int rowsFailed, int errorsStored,
      int skippedStored) {}

  /** One bad (or skipped) row's problem. */
  record RowProblem(long line, String field, String reason) {}

  /** The running counts of an import. */
  static final class Counts {
    int done;
    int imported;
    int skipped;
    int failed;
    int errorsStored;
    int skippedStored;
  }

  private static final RowMapper<RegisterImport> ROW = RegisterImports::map;

  private final JdbcTemplate jdbc;

  RegisterImports(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long start(String fileName, String sha256, RegisterFormat format, long size, String user, String scope, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var s = connection.prepareStatement("""
          insert into register_import (file_name, file_sha256, file_format, file_size, imported_by, county_scope,
            status, started_at, heartbeat_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      s.setString(1, clip(fileName, 255));
      s.setString(2, sha256);
      s.setString(3, format.name());
      s.setLong(4, size);
      s.setString(5, user);
      s.setString(6, scope);
      s.setString(7, RUNNING);
      s.setTimestamp(8, Timestamp.from(now));
      s.setTimestamp(9, Timestamp.from(now));
      return s;
    }, key);
    return key.getKey().longValue();
  }

  void progress(long id, Counts c, Instant now) {
    jdbc.update("""
        update register_import set rows_done = ?, rows_imported = ?, rows_skipped = ?, rows_failed = ?,
          errors_stored = ?, skipped_stored = ?, heartbeat_at = ? where id = ?""",
        c.done, c.imported, c.skipped, c.failed, c.errorsStored, c.skippedStored, Timestamp.from(now), id);
  }

  void finish(long id, Counts c, String status, String message, Instant now) {
    progress(id, c, now);
    jdbc.update("update register_import set status = ?, message = ?, rows_total = ?, finished_at = ? where id = ?",
        status, clip(message, 1000), c.done, Timestamp.from(now), id);
  }

  void problem(long id, String kind, long line, String field, String reason) {
    jdbc.update("insert into register_import_error (import_id, kind, line_no, field_name, reason) values (?, ?, ?, ?, ?)",
        id, kind, line, clip(field, 64), clip(reason, 1000));
  }

  Optional<RegisterImport> find(long id) {
    return jdbc.query("select * from register_import where id = ?", ROW, id).stream().findFirst();
  }

  List<RegisterImport> recent(int limit) {
    return jdbc.query("select * from register_import order by id desc fetch first " + limit + " rows only", ROW);
  }

  /** A running import of the same file that is still alive, if any. */
  Optional<RegisterImport> runningOf(String sha256, Instant aliveSince) {
    return jdbc.query("select * from register_import where file_sha256 = ? and status = ? and heartbeat_at >= ?",
        ROW, sha256, RUNNING, Timestamp.from(aliveSince)).stream().findFirst();
  }

  List<RowProblem> problems(long id, String kind, int offset, int limit) {
    return jdbc.query("""
        select line_no, field_name, reason from register_import_error where import_id = ? and kind = ?
        order by line_no, id offset ? rows fetch next ? rows only""",
        (rs, n) -> new RowProblem(rs.getLong("line_no"), rs.getString("field_name"), rs.getString("reason")),
        id, kind, offset, limit);
  }

  /** Marks imports that stopped beating before {@code staleBefore} as interrupted; returns how many. */
  int markInterrupted(Instant staleBefore, Instant now, List<Long> aliveHere) {
    List<Long> stale = jdbc.queryForList("select id from register_import where status = ? and heartbeat_at < ?",
        Long.class, RUNNING, Timestamp.from(staleBefore));
    int marked = 0;
    for (Long id : stale) {
      if (!aliveHere.contains(id)) {
        marked += jdbc.update("""
            update register_import set status = ?, finished_at = ?, rows_total = rows_done,
              message = 'interrupted (the server stopped); import the same file again to complete it'
            where id = ? and status = ?""", INTERRUPTED, Timestamp.from(now), id, RUNNING);
      }
    }
    return marked;
  }

  private static RegisterImport map(ResultSet rs, int n) throws SQLException {
    return new RegisterImport(rs.getLong("id"), rs.getString("file_name"), rs.getString("file_sha256"),
        rs.getString("file_format"), rs.getLong("file_size"), rs.getString("imported_by"),
        rs.getString("county_scope"), rs.getString("status"), rs.getString("message"),
        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("heartbeat_at")),
        instant(rs.getTimestamp("finished_at")), rs.getInt("rows_total"), rs.getInt("rows_done"),
        rs.getInt("rows_imported"), rs.getInt("rows_skipped"), rs.getInt("rows_failed"),
        rs.getInt("errors_stored"), rs.getInt("skipped_stored"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
