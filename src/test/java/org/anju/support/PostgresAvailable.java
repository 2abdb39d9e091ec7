package org.anju.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where the PostgreSQL tests find their server: {@code POSTGRES_URL}, {@code POSTGRES_USER} and
 * {@code POSTGRES_PASSWORD}, by default the database {@code anju} of role {@code anju} on localhost
 * that {@code .ci/run} creates. Outside CI the tests skip when no server answers; with
 * {@code CI=true} they run and fail.
 */
public final class PostgresAvailable {

  public static final String URL = env("POSTGRES_URL", "jdbc:postgresql://localhost:5432/anju");
  public static final String USER = env("POSTGRES_USER", "anju");
  public static final String PASSWORD = env("POSTGRES_PASSWORD", "anju");

  private PostgresAvailable() {}

  /** For {@code @EnabledIf}: run on CI always, elsewhere when the server answers. */
  public static boolean orRequiredByCi() {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return true;
    }
    try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> URL);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
    // the postgres profile's first administrator must meet the password policy; the demo's own
    // administrator (admin / demo, created by the demo data without the policy) is the one tests use
    registry.add("camunda.bpm.admin-user.id", () -> "pgadmin");
    registry.add("camunda.bpm.admin-user.password", () -> "pgadmin-first-2026");
    registry.add("anju.demo-data", () -> "true"); // the demo staff act in the tests
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
