package org.anju.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The database's own limit on this machine: single-row insert-and-commit transactions per second,
 * on one connection of the application's pool, into a scratch table that is dropped afterwards.
 * Every Anju transaction ends in at least one such commit, so this bounds what any step can reach.
 */
final class DatabaseBaseline {

  private DatabaseBaseline() {}

  /** Commits {@code transactions} single-row inserts; returns transactions per second. */
  static double insertCommitsPerSecond(DataSource dataSource, int transactions) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("create table bench_commit (id bigint primary key, payload varchar(100))");
      }
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("insert into bench_commit values (?, ?)")) {
        int warmUp = Math.max(10, transactions / 10);
        long started = 0;
        for (int i = 0; i < warmUp + transactions; i++) {
          if (i == warmUp) {
            started = System.nanoTime();
          }
          insert.setLong(1, i);
          insert.setString(2, "户主 household " + i);
          insert.executeUpdate();
          connection.commit();
        }
        return transactions / ((System.nanoTime() - started) / 1e9);
      } finally {
        connection.setAutoCommit(true);
        try (Statement ddl = connection.createStatement()) {
          ddl.execute("drop table bench_commit");
        }
      }
    }
  }
}
