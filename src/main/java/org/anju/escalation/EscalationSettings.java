package org.anju.escalation;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How overdue work is escalated: the grace period before each next level is told, the retry cycle
 * of a notification's delivery, and the webhook of a chat robot (none by default).
 */
@Component("escalationSettings")
public class EscalationSettings {

  private final Duration grace;
  private final String retryCycle;
  private final String webhookUrl;
  private final String mailFrom;

  public EscalationSettings(
      @Value("${anju.escalation.grace:P3D}") String grace,
      @Value("${anju.escalation.retry-cycle:R5/PT5M}") String retryCycle,
      @Value("${anju.escalation.webhook-url:}") String webhookUrl,
      @Value("${anju.escalation.mail-from:anju@localhost}") String mailFrom) {
    this.grace = Duration.parse(grace);
    this.retryCycle = retryCycle;
    this.webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
    this.mailFrom = mailFrom;
  }

  public Duration grace() {
    return grace;
  }

  /** For {@code camunda:failedJobRetryTimeCycle} of the delivery task. */
  public String getRetryCycle() {
    return retryCycle;
  }

  public String webhookUrl() {
    return webhookUrl;
  }

  public String mailFrom() {
    return mailFrom;
  }
}
