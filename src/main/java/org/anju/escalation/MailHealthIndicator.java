package org.anju.escalation;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/mail}: the last result of a probe that connects to the mail server in the
 * background, with the mail timeouts, every {@code anju.escalation.mail-probe-interval}. A health check
 * never waits for the server, and an unreachable one is UNKNOWN, not DOWN: notifications wait for it in
 * their retries, the node itself is fine and must not be taken out. Named so that it replaces Spring
 * Boot's own mail indicator, which connects while the health check waits, with no timeout.
 */
@Component("mailHealthIndicator")
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class MailHealthIndicator implements HealthIndicator, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(MailHealthIndicator.class);

  private final MailServer server;
  private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "anju-mail-probe");
    thread.setDaemon(true);
    return thread;
  });
  private volatile Health last = Health.status(new Status(Status.UNKNOWN.getCode(), "not checked yet")).build();

  MailHealthIndicator(MailServer server, EscalationSettings settings) {
    this.server = server;
    probe.scheduleWithFixedDelay(this::probe, 0, settings.mailProbeInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Health health() {
    return last;
  }

  private void probe() {
    Instant checkedAt = Instant.now();
    try {
      MailServer.closeQuietly(server.connect());
      if (!Status.UP.equals(last.getStatus())) {
        LOG.info("mail server {} reachable", server.address());
      }
      last = Health.up().withDetail("server", server.address()).withDetail("checkedAt", checkedAt).build();
    } catch (Exception e) {
      if (!Boolean.FALSE.equals(last.getDetails().get("reachable"))) {
        LOG.warn("mail server {} not reachable, mail notifications wait in their retries: {}", server.address(),
            e.getMessage());
      }
      // the description is public (show-components), the details name the server and need show-details
      last = Health.status(new Status(Status.UNKNOWN.getCode(), "mail server not reachable"))
          .withDetail("reachable", false).withDetail("server", server.address())
          .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .withDetail("checkedAt", checkedAt).build();
    }
  }

  @Override
  public void destroy() {
    probe.shutdownNow();
  }
}
