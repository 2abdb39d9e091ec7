package org.anju.escalation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Serves {@code ServiceTask_DeliverNotification}: sends the notifications of one delivery that are not
 * delivered yet, one message per channel and recipients (a digest when there are several), and marks
 * them delivered as soon as each message is out. A failure is written to the log in its own transaction
 * and thrown, so the engine retries the job and finally raises an incident; what was delivered before
 * is not sent again.
 */
@Component("deliverNotificationDelegate")
public class DeliverNotificationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger("anju.notifications");
  /** A chat message is short: the webhook's digest text stops after this many characters. */
  static final int WEBHOOK_TEXT_LIMIT = 4000;

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
    Map<String, List<Notification>> messages = new LinkedHashMap<>();
    for (Notification n : undelivered(execution)) {
      messages.computeIfAbsent(n.channel() + "\n" + n.recipients(), k -> new ArrayList<>()).add(n);
    }
    List<Long> sent = new ArrayList<>();
    for (List<Notification> message : messages.values()) {
      List<Long> ids = message.stream().map(Notification::id).toList();
      try {
        send(message);
      } catch (Exception e) {
        // the job's transaction is rolled back: what was sent and what failed are written apart
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        separate.executeWithoutResult(status -> {
          log.delivered(sent, ClockUtil.getCurrentTime().toInstant());
          log.failed(ids, reason);
        });
        throw e;
      }
      sent.addAll(ids);
    }
    // in the job's own transaction: a second connection per job would let a storm of delivery jobs
    // take the whole pool and wait for one another (found by the benchmark on PostgreSQL)
    log.delivered(sent, ClockUtil.getCurrentTime().toInstant());
  }

  private List<Notification> undelivered(DelegateExecution execution) {
    Object key = execution.getVariable(NotificationDeliveryProcess.Vars.DELIVERY_KEY);
    if (key != null) {
      return log.undelivered((String) key);
    }
    long id = ((Number) execution.getVariable(NotificationDeliveryProcess.Vars.NOTIFICATION_ID)).longValue();
    return log.find(id).filter(n -> !NotificationLog.DELIVERED.equals(n.status())).stream().toList();
  }

  private void send(List<Notification> message) throws Exception {
    Notification first = message.get(0);
    switch (Channel.valueOf(first.channel())) {
      case LOG -> message.forEach(n -> LOG.info("[{} level {}] to {}: {} | {}", n.caseKey(), n.level(),
          n.recipients(), n.subject(), n.body()));
      case EMAIL -> {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
          throw new IllegalStateException("no mail server configured (spring.mail.host)");
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(settings.mailFrom());
        mail.setTo(first.recipients().split(",\\s*"));
        mail.setSubject(subject(message));
        mail.setText(String.join("\n\n", message.stream().map(n -> message.size() == 1 ? n.body()
            : n.subject() + "\n" + n.body()).toList()));
        sender.send(mail);
      }
      case WEBHOOK -> {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("msgtype", "text");
        if (message.size() == 1) {
          payload.put("caseKey", first.caseKey());
          payload.put("step", first.step());
          payload.put("level", first.level());
        } else {
          payload.put("count", message.size());
          payload.put("items", message.stream().map(n -> Map.of("caseKey", n.caseKey(), "step", n.step(),
              "level", n.level(), "subject", n.subject())).toList());
        }
        payload.put("recipients", first.recipients());
        payload.put("subject", subject(message));
        String text = String.join("\n", message.stream().map(n -> n.subject() + (message.size() == 1
            ? "\n" + n.body() : " · " + n.caseKey())).toList());
        payload.put("text", Map.of("content", message.size() == 1 ? text : subject(message) + "\n"
            + (text.length() > WEBHOOK_TEXT_LIMIT ? text.substring(0, WEBHOOK_TEXT_LIMIT) + "\n…" : text)));
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

  /** One notification keeps its own subject; a digest says how many it holds and begins with the first. */
  static String subject(List<Notification> message) {
    Notification first = message.get(0);
    return message.size() == 1 ? first.subject()
        : "[" + message.size() + " 项 notifications] " + first.subject() + " …";
  }
}
