package org.anju.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.anju.AnjuApplication;
import org.anju.support.PostgresAvailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes started at the same moment on an empty PostgreSQL database, as an operator starts a cluster
 * (issue 17): before the startup lock one of them died creating the engine's schema. Both must come up,
 * with one schema, one deployment of the models and one first administrator, and each must say UP.
 * The database is a schema of its own in the tests' database, dropped afterwards.
 */
@EnabledIf("org.anju.support.PostgresAvailable#orRequiredByCi")
class TwoNodesStartPostgresTest {

  private final String schema = "nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stopAndDrop() throws Exception {
    nodes.forEach(ConfigurableApplicationContext::close);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    }
  }

  @Test
  void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUpAndCreateEverythingOnce() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
    }
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<ConfigurableApplicationContext>> starts = List.of(start(go, "a"), start(go, "b"));
    go.countDown();
    for (CompletableFuture<ConfigurableApplicationContext> start : starts) {
      nodes.add(start.join()); // a node that died starting throws here, with its cause
    }

    assertThat(count("select count(*) from act_re_deployment where name_ = '" + ModelDeployment.DEPLOYMENT_NAME + "'"))
        .as("one deployment of the models").isEqualTo(1);
    assertThat(count("select count(*) from act_id_user where id_ = 'pgadmin'")).isEqualTo(1);
    assertThat(count("select count(*) from anju_schema_history where success")).isPositive();
    for (ConfigurableApplicationContext node : nodes) {
      int port = ((WebServerApplicationContext) node).getWebServer().getPort();
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
      assertThat(node.getBean(StartupLock.class).holding()).as("the lock is released once ready").isFalse();
    }
  }

  private CompletableFuture<ConfigurableApplicationContext> start(CountDownLatch go, String node) {
    String url = PostgresAvailable.URL + (PostgresAvailable.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return CompletableFuture.supplyAsync(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return new SpringApplicationBuilder(AnjuApplication.class).profiles("test", "postgres").run(
          "--server.port=0", "--spring.datasource.url=" + url,
          "--spring.datasource.username=" + PostgresAvailable.USER,
          "--spring.datasource.password=" + PostgresAvailable.PASSWORD,
          "--camunda.bpm.database.schema-name=" + schema, "--camunda.bpm.database.table-prefix=" + schema + ".",
          "--camunda.bpm.admin-user.id=pgadmin", "--camunda.bpm.admin-user.password=pgadmin-first-2026",
          "--camunda.bpm.generic-properties.properties.hostname=node-" + node,
          "--anju.demo-data=false", "--logging.config=classpath:logback-two-nodes.xml");
    });
  }

  private long count(String sql) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("set search_path to " + schema);
      try (ResultSet rows = s.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(PostgresAvailable.URL, PostgresAvailable.USER, PostgresAvailable.PASSWORD);
  }
}
