package org.anju.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code register_import}, {@code register_import_row} and {@code register_import_error}. */
@Repository
class RegisterImports {

  static final String RUNNING = "RUNNING";
  static final String DONE = "DONE";
  /** Finished, some rows imported or already there and some failed. */
  static final String DONE_WITH_ERRORS = "DONE_WITH_ERRORS";
  static final String FAILED = "FAILED";
  static final String INTERRUPTED = "INTERRUPTED";
  static final String ERROR = "ERROR";
  static final String SKIPPED = "SKIPPED";
  static final String IMPORTED = "IMPORTED";
  /** The outcome of a row in {@code register_import_row}; ERROR problems belong to FAILED rows. */
  static final String ROW_FAILED = "FAILED";

  /** One import as the API shows it. */
  record RegisterImport(long id, String fileName, String sha256, String format, long fileSize, String importedBy,
      String countyScope, String status, String message, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
      int rowsTotal, int rowsDone, int rowsImported, int rowsSkipped, int rowsFailed, int errorsStored,
      int skippedStored, boolean rowsRecorded) {

    /** The same import with other counts, status and message: the part of it a user may see. */
    RegisterImport part(String partScope, Counts c, String partStatus, String partMessage) {
      return new RegisterImport(id, fileName, sha256, format, fileSize, importedBy, partScope, partStatus,
          partMessage, startedAt, heartbeatAt, finishedAt, RUNNING.equals(partStatus) ? 0 : c.done, c.done,
          c.imported, c.skipped, c.failed, c.errorsStored, c.skippedStored, rowsRecorded);
    }
  }

  /** What became of one row of a file: the county it concerns ('' for none) and its outcome. */
  record RowOutcome(long line, String county, String outcome) {}

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
            status, started_at, heartbeat_at, rows_recorded) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          new String[] {"id"});
      s.setString(1, clip(fileName, 255));
      s.setString(2, sha256);
      s.setString(3, format.name());
      s.setLong(4, size);
      s.setString(5, user);
      s.setString(6, scope);
      s.setString(7, RUNNING);
      s.setTimestamp(8, Timestamp.from(now));
      s.setTimestamp(9, Timestamp.from(now));
      s.setBoolean(10, true);
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

  void problem(long id, String kind, long line, String county, String field, String reason) {
    jdbc.update("""
        insert into register_import_error (import_id, kind, line_no, county_code, field_name, reason)
        values (?, ?, ?, ?, ?, ?)""", id, kind, line, county, clip(field, 64), clip(reason, 1000));
  }

  /** Records what became of rows; imported rows in the transaction that registers them. */
  void recordRows(long id, List<RowOutcome> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("insert into register_import_row (import_id, line_no, county_code, outcome) values (?, ?, ?, ?)",
        rows, rows.size(), (s, r) -> {
          s.setLong(1, id);
          s.setLong(2, r.line());
          s.setString(3, r.county());
          s.setString(4, r.outcome());
        });
  }

  /**
   * The counts of an import as its recorded rows tell them: of the given counties only, or of all
   * rows when {@code counties} is null. The stored problems are counted the same way.
   */
  Counts counted(long id, List<String> counties) {
    Counts c = new Counts();
    String where = counties == null ? "" : " and county_code in (" + marks(counties.size()) + ")";
    Object[] args = counties == null ? new Object[] {id} : Stream.concat(
        Stream.of((Object) id), counties.stream()).toArray();
    jdbc.query("select outcome, count(*) n from register_import_row where import_id = ?" + where + " group by outcome",
        rs -> {
          int n = rs.getInt("n");
          switch (rs.getString("outcome")) {
            case IMPORTED -> c.imported = n;
            case SKIPPED -> c.skipped = n;
            default -> c.failed = n;
          }
        }, args);
    c.done = c.imported + c.skipped + c.failed;
    jdbc.query("select kind, count(*) n from register_import_error where import_id = ?" + where + " group by kind",
        rs -> {
          if (SKIPPED.equals(rs.getString("kind"))) {
            c.skippedStored = rs.getInt("n");
          } else {
            c.errorsStored = rs.getInt("n");
          }
        }, args);
    return c;
  }

  /**
   * Of the imports, those with a row in any of the counties: one probe of the county index per import,
   * which stops at the first row found.
   */
  Set<Long> withRowsIn(List<String> counties, List<Long> importIds) {
    if (counties.isEmpty() || importIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.queryForList("select i.id from register_import i where i.id in (" + marks(importIds.size())
        + ") and exists (select 1 from register_import_row r where r.import_id = i.id and r.county_code in ("
        + marks(counties.size()) + "))", Long.class,
        Stream.concat(importIds.stream().map(Object.class::cast), counties.stream()).toArray()));
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
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

  /** The problems of an import: of the rows of the given counties, or all when {@code counties} is null. */
  List<RowProblem> problems(long id, String kind, List<String> counties, int offset, int limit) {
    String where = counties == null ? "" : " and county_code in (" + marks(counties.size()) + ")";
    List<Object> args = new ArrayList<>(List.of(id, kind));
    if (counties != null) {
      args.addAll(counties);
    }
    args.add(offset);
    args.add(limit);
    return jdbc.query("select line_no, field_name, reason from register_import_error where import_id = ? and kind = ?"
        + where + " order by line_no, id offset ? rows fetch next ? rows only",
        (rs, n) -> new RowProblem(rs.getLong("line_no"), rs.getString("field_name"), rs.getString("reason")),
        args.toArray());
  }

  /**
   * Marks imports that stopped beating before {@code staleBefore} as interrupted; returns how many.
   * Their counts are those of the rows recorded: the last heartbeat's counts miss the batches
   * registered after it.
   */
  int markInterrupted(Instant staleBefore, Instant now, List<Long> aliveHere) {
    List<Long> stale = jdbc.queryForList("select id from register_import where status = ? and heartbeat_at < ?",
        Long.class, RUNNING, Timestamp.from(staleBefore));
    int marked = 0;
    for (Long id : stale) {
      if (!aliveHere.contains(id)) {
        int updated = jdbc.update("""
            update register_import set status = ?, finished_at = ?, rows_total = rows_done,
              message = '导入中断（服务器停止）；再次导入同一文件即可完成。 Interrupted (the server stopped); import the same file again to complete it'
            where id = ? and status = ?""", INTERRUPTED, Timestamp.from(now), id, RUNNING);
        if (updated > 0 && find(id).map(RegisterImport::rowsRecorded).orElse(false)) {
          Counts c = counted(id, null);
          jdbc.update("""
              update register_import set rows_done = ?, rows_total = ?, rows_imported = ?, rows_skipped = ?,
                rows_failed = ?, errors_stored = ?, skipped_stored = ? where id = ?""",
              c.done, c.done, c.imported, c.skipped, c.failed, c.errorsStored, c.skippedStored, id);
        }
        marked += updated;
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
        rs.getInt("errors_stored"), rs.getInt("skipped_stored"), rs.getBoolean("rows_recorded"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
