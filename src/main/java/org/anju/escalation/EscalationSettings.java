package org.anju.escalation;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How overdue work is escalated: the grace period before each next level is told, the retry cycle
 * of a notification's delivery, the webhook of a chat robot (none by default) with its timeout, and how
 * often the mail server's health is probed.
 */
@Component("escalationSettings")
public class EscalationSettings {

  private final Duration grace;
  private final String retryCycle;
  private final String webhookUrl;
  private final String mailFrom;
  private final Duration webhookTimeout;
  private final Duration mailProbeInterval;

  public EscalationSettings(
      @Value("${anju.escalation.grace:P3D}") String grace,
      @Value("${anju.escalation.retry-cycle:R5/PT5M}") String retryCycle,
      @Value("${anju.escalation.webhook-url:}") String webhookUrl,
      @Value("${anju.escalation.mail-from:anju@localhost}") String mailFrom,
      @Value("${anju.escalation.webhook-timeout:PT10S}") String webhookTimeout,
      @Value("${anju.escalation.mail-probe-interval:PT1M}") String mailProbeInterval) {
    this.grace = Duration.parse(grace);
    this.retryCycle = retryCycle;
    this.webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
    this.mailFrom = mailFrom;
    this.webhookTimeout = Duration.parse(webhookTimeout);
    this.mailProbeInterval = Duration.parse(mailProbeInterval);
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

  /** Connecting to the webhook, and then its whole answer, each take at most this long. */
  public Duration webhookTimeout() {
    return webhookTimeout;
  }

  public Duration mailProbeInterval() {
    return mailProbeInterval;
  }
}
