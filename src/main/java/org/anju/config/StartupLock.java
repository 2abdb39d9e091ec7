package org.anju.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time on a shared PostgreSQL database. The engine creates its schema when it finds
 * no table, and a node's startup creates the county tenants, their groups, the first administrator and the
 * models' deployment when they are missing: two nodes started at the same moment on an empty database
 * both found the tables missing, and one died creating them (issue 17). So the engine's build waits for a
 * PostgreSQL advisory lock, and the node holds it until it is ready (every startup runner done, the
 * models deployed); a second node then finds everything in place and creates nothing.
 *
 * <p>The lock belongs to a database session: a node killed during its startup loses it with its
 * connection, and the next node goes on. H2, the embedded default, serves one process only: no lock.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

  /** The advisory lock's key: "anju" in ASCII, a number no other part of Anju locks. */
  static final long KEY = 0x616e6a75L;
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        if (!statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")").next()
            || !statement.getResultSet().getBoolean(1)) {
          LOG.info("Another node is starting on this database: waiting until it is ready");
          statement.execute("select pg_advisory_lock(" + KEY + ")");
        }
      }
      held = connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("cannot take the startup lock on the database", e);
    }
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Statement statement = held.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Could not release the startup lock; it goes with the connection", e);
    } finally {
      closeQuietly(held);
      held = null;
    }
  }

  boolean holding() {
    return held != null;
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the startup lock's connection", e);
    }
  }
}
