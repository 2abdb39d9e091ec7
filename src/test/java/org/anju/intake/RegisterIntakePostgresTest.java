package org.anju.intake;

import org.anju.support.PostgresAvailable;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Register intake on PostgreSQL, with the {@code postgres} profile as production runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@EnabledIf("org.anju.support.PostgresAvailable#orRequiredByCi")
class RegisterIntakePostgresTest extends RegisterIntakeChecks {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresAvailable.register(registry);
  }
}
