package org.anju.escalation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.anju.escalation.NotificationLog.Notification;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serves {@code ServiceTask_DeliverNotification}: sends one notification through its channel and
 * marks it delivered. A failure is written to the log in its own transaction and thrown, so the
 * engine retries the job and finally raises an incident; a notification already delivered is not
 * sent again.
 */
@Component("deliverNotificationDelegate")
public class DeliverNotificationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger("anju.notifications");

  private final NotificationLog log;
  private final EscalationSettings settings;
  private final ObjectProvider<JavaMailSender> mail;
  private final TransactionTemplate separate;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  public DeliverNotificationDelegate(NotificationLog log, EscalationSettings settings,
      ObjectProvider<JavaMailSender> mail, TransactionTemplate transactions) {
    this.log = log;
    this.settings = settings;
    this.mail = mail;
    this.separate = new TransactionTemplate(transactions.getTransactionManager());
    this.separate.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    long id = ((Number) execution.getVariable(NotificationDeliveryProcess.Vars.NOTIFICATION_ID)).longValue();
    Notification notification = log.find(id).orElseThrow(() -> new IllegalStateException("notification " + id + " is gone"));
    if (NotificationLog.DELIVERED.equals(notification.status())) {
      return;
    }
    try {
      send(notification);
    } catch (Exception e) {
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      separate.executeWithoutResult(status -> log.failed(id, reason));
      throw e;
    }
    log.delivered(id, ClockUtil.getCurrentTime().toInstant());
  }

  private void send(Notification n) throws Exception {
    switch (Channel.valueOf(n.channel())) {
      case LOG -> LOG.info("[{} level {}] to {}: {} | {}", n.caseKey(), n.level(), n.recipients(), n.subject(), n.body());
      case EMAIL -> {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
          throw new IllegalStateException("no mail server configured (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(n.recipients().split(",\\s*"));
        message.setSubject(n.subject());
        message.setText(n.body());
        sender.send(message);
      }
      case WEBHOOK -> {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("msgtype", "text");
        payload.put("caseKey", n.caseKey());
        payload.put("step", n.step());
        payload.put("level", n.level());
        payload.put("recipients", n.recipients());
        payload.put("subject", n.subject());
        payload.put("text", Map.of("content", n.subject() + "\n" + n.body()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
          throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
        }
      }
    }
  }
}
