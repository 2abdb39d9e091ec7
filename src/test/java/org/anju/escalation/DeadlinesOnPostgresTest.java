package org.anju.escalation;

import org.anju.support.PostgresAvailable;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overdue steps ({@link OverdueEscalation}) on PostgreSQL, with the {@code postgres} profile as
 * production runs it: the incident, the notifications up the chain exactly once, the log per county,
 * the incident resolved by completing the step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = OverdueEscalation.COUNTY_LIMIT_PROPERTY)
@ActiveProfiles({"test", "postgres"})
@EnabledIf("org.anju.support.PostgresAvailable#orRequiredByCi")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadlinesOnPostgresTest extends OverdueEscalation {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresAvailable.register(registry);
  }
}
