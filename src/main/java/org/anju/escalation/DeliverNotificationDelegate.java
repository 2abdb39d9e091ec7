package org.anju.escalation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.anju.escalation.NotificationLog.Notification;
import org.anju.escalation.NotificationLog.Outcomes;
import org.anju.escalation.NotificationLog.Settled;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serves {@code ServiceTask_DeliverNotification}: sends the notifications of one delivery that are not
 * delivered yet, one message per channel and recipients (a digest when there are several; by mail one
 * message per address), and settles them as each message is out. A failure is written to the log in its
 * own transaction and thrown, so the engine retries the job and finally raises an incident; what was
 * delivered before, to whichever recipient, is not sent again.
 */
@Component("deliverNotificationDelegate")
public class DeliverNotificationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger("anju.notifications");
  /** A chat message is short: the webhook's digest text stops after this many characters. */
  static final int WEBHOOK_TEXT_LIMIT = 4000;

  private final NotificationLog log;
  private final EscalationSettings settings;
  private final MailDelivery mail;
  private final TransactionTemplate separate;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public DeliverNotificationDelegate(NotificationLog log, EscalationSettings settings,
      MailDelivery mail, TransactionTemplate transactions) {
    this.log = log;
    this.settings = settings;
    this.mail = mail;
    this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout()).build();
    this.separate = new TransactionTemplate(transactions.getTransactionManager());
    this.separate.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Map<String, List<Notification>> messages = new LinkedHashMap<>();
    for (Notification n : undelivered(execution)) {
      messages.computeIfAbsent(n.channel() + "\n" + n.recipients(), k -> new ArrayList<>()).add(n);
    }
    Outcomes outcomes = new Outcomes();
    for (List<Notification> message : messages.values()) {
      try {
        send(message, outcomes);
      } catch (Exception e) {
        // the job's transaction is rolled back: what was sent and what failed are written apart
        List<Long> ids = message.stream().map(Notification::id).toList();
        String reason = reason(e);
        separate.executeWithoutResult(status -> {
          log.write(outcomes, ClockUtil.getCurrentTime().toInstant());
          log.failed(ids, reason);
        });
        throw e;
      }
    }
    // in the job's own transaction: a second connection per job would let a storm of delivery jobs
    // take the whole pool and wait for one another (found by the benchmark on PostgreSQL)
    log.write(outcomes, ClockUtil.getCurrentTime().toInstant());
  }

  private List<Notification> undelivered(DelegateExecution execution) {
    Object key = execution.getVariable(NotificationDeliveryProcess.Vars.DELIVERY_KEY);
    if (key != null) {
      return log.undelivered((String) key);
    }
    long id = ((Number) execution.getVariable(NotificationDeliveryProcess.Vars.NOTIFICATION_ID)).longValue();
    return log.find(id).filter(n -> !NotificationLog.settled(n)).stream().toList();
  }

  private void send(List<Notification> message, Outcomes outcomes) throws Exception {
    Notification first = message.get(0);
    switch (Channel.valueOf(first.channel())) {
      case LOG -> message.forEach(n -> LOG.info("[{} level {}] to {}: {} | {}", n.caseKey(), n.level(),
          n.recipients(), n.subject(), n.body()));
      case EMAIL -> {
        mail.deliver(message, subject(message), String.join("\n\n", message.stream().map(n -> message.size() == 1
            ? n.body() : n.subject() + "\n" + n.body()).toList()), outcomes);
        return; // the mail delivery settles its notifications per recipient
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
            .timeout(settings.webhookTimeout()).header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build();
        HttpResponse<String> response = post(request);
        if (response.statusCode() / 100 != 2) {
          throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
        }
      }
    }
    message.forEach(n -> outcomes.settled.add(new Settled(n.id(), NotificationLog.DELIVERED, null)));
  }

  /**
   * The request's timeout ends the wait for the response's headers only; a robot that sends them and
   * never its body would hold the job's thread, so the whole exchange has a deadline of its own.
   */
  private HttpResponse<String> post(HttpRequest request) throws Exception {
    CompletableFuture<HttpResponse<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      return response.get(settings.webhookTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      response.cancel(true);
      throw new HttpTimeoutException("webhook answered no whole response within " + settings.webhookTimeout());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The failure and its causes, e.g. "MessagingException: Exception reading response; SocketTimeoutException: Read timed out". */
  static String reason(Throwable failure) {
    List<String> reasons = new ArrayList<>();
    for (Throwable e = failure; e != null && reasons.size() < 4; e = e.getCause() == e ? null : e.getCause()) {
      reasons.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return String.join("; ", reasons);
  }

  /** One notification keeps its own subject; a digest says how many it holds and begins with the first. */
  static String subject(List<Notification> message) {
    Notification first = message.get(0);
    return message.size() == 1 ? first.subject()
        : "[" + message.size() + " 项 notifications] " + first.subject() + " …";
  }
}
