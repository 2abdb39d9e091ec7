package org.anju.escalation;

import static org.anju.escalation.NotificationDeliveryProcess.Elements.*;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.anju.access.Role;
import org.anju.campaign.TakenSequenceFlows;
import org.anju.demo.CaseWalker;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.anju.support.CountyScans;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

/**
 * The process test of {@code notification-delivery}, with a mail server (GreenMail) and a chat robot's
 * webhook configured: an overdue step's notifications arrive by mail and webhook; a mail server that is
 * down fails the delivery job, which retries and finally raises an incident, and Cockpit's "retry" once
 * the server is back delivers the mail exactly once. A misbehaving mail server ({@link FakeSmtpServer} on
 * GreenMail's port) costs retries, not threads or health, and each recipient gets a digest once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.mail.host=localhost",
    "spring.mail.port=3025",
    "spring.mail.properties.mail.smtp.connectiontimeout=1000",
    "spring.mail.properties.mail.smtp.timeout=1000",
    "spring.mail.properties.mail.smtp.writetimeout=1000",
    "anju.escalation.mail-probe-interval=PT0.5S",
    "anju.escalation.mail-from=anju@anju.example"})
@ActiveProfiles("test")
@Import(TakenSequenceFlows.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its webhook server stops with the class
class NotificationDeliveryProcessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  static final WebhookReceiver WEBHOOK = WebhookReceiver.start();
  static final String KL_TOWNSHIP = DemoUsers.userOf(DemoUsers.KELAN, Role.TOWNSHIP);
  static final String KL_HOUSING = DemoUsers.userOf(DemoUsers.KELAN, Role.HOUSING);
  static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 60_000));
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final int SMTP_PORT = ServerSetupTest.SMTP.getPort();
  static final String TOWNSHIP_MAIL = KL_TOWNSHIP + "@anju.example";
  static final String HOUSING_MAIL = KL_HOUSING + "@anju.example";
  /** Requests and jobs run beside the test's thread here (the common pool may have one thread on 2 cores). */
  static final ExecutorService BESIDE = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "beside-the-test");
    thread.setDaemon(true);
    return thread;
  });

  @DynamicPropertySource
  static void webhook(DynamicPropertyRegistry registry) {
    registry.add("anju.escalation.webhook-url", WEBHOOK::url);
  }

  @AfterAll
  static void stopWebhook() {
    WEBHOOK.stop();
    BESIDE.shutdownNow();
  }

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;

  @Autowired
  org.anju.demo.DemoDocuments demoDocuments;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  RepositoryService repository;
  @Autowired
  HouseholdCases cases;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TakenSequenceFlows takenFlows;
  @Autowired
  Notifier notifier;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    greenMail.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldDeliverAnOverdueStepsNotificationsByMailAndWebhook() throws Exception {
    Task task = overdueVerification("钱守义", "甘钦村");
    String caseKey = caseKeyOf(task);

    runOverdueWatch();

    List<Map<String, Object>> rows = rows(caseKey);
    assertThat(rows).extracting(row -> row.get("channel")).containsExactlyInAnyOrder("LOG", "EMAIL", "WEBHOOK");
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.get("status")).isEqualTo(NotificationLog.PENDING);
      assertThat(row.get("level")).isEqualTo(0);
    });
    assertThat(row(rows, "EMAIL").get("recipients")).isEqualTo(KL_TOWNSHIP + "@anju.example");
    for (Map<String, Object> row : rows) {
      deliver(row);
    }

    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails[0];
    assertThat(mail.getAllRecipients()).extracting(Address::toString).containsExactly(KL_TOWNSHIP + "@anju.example");
    assertThat(mail.getFrom()).extracting(Address::toString).containsExactly("anju@anju.example");
    assertThat(mail.getSubject()).contains("钱守义", "甘钦村", stepName(task));
    assertThat(((String) mail.getContent())).contains("钱守义", stepName(task), caseKey, "逾期 1 天");

    List<JsonNode> hooks = webhooksOf(caseKey);
    assertThat(hooks).hasSize(1);
    JsonNode hook = hooks.get(0);
    assertThat(hook.path("msgtype").asText()).isEqualTo("text");
    assertThat(hook.path("step").asText()).isEqualTo(TASK_VERIFY_HOUSING);
    assertThat(hook.path("level").asInt(-1)).isZero();
    assertThat(hook.path("recipients").asText()).contains(Role.TOWNSHIP.groupId(DemoUsers.KELAN.townshipCode()),
        KL_TOWNSHIP);
    assertThat(hook.path("subject").asText()).contains("钱守义", stepName(task));
    assertThat(hook.path("text").path("content").asText()).contains("钱守义", stepName(task), caseKey);
    assertThat(WEBHOOK.contentTypes).allSatisfy(type -> assertThat(type).startsWith("application/json"));

    assertThat(rows(caseKey)).allSatisfy(row -> {
      assertThat(row.get("status")).as("%s", row.get("channel")).isEqualTo(NotificationLog.DELIVERED);
      assertThat(row.get("delivered_at")).isNotNull();
      assertThat(row.get("attempts")).isEqualTo(1);
      assertThat(row.get("error")).isNull();
    });
  }

  @Test
  void shouldRetryAMailThatFailsWhileTheServerIsDownAndDeliverItOnceWhenItIsBack() throws Exception {
    greenMail.stop();
    Task task = overdueVerification("孙守财", "宋家沟村");
    String caseKey = caseKeyOf(task);
    runOverdueWatch();
    List<Map<String, Object>> rows = rows(caseKey);
    assertThat(rows).extracting(row -> row.get("channel")).containsExactlyInAnyOrder("LOG", "EMAIL", "WEBHOOK");
    deliver(row(rows, "LOG"));
    deliver(row(rows, "WEBHOOK"));

    // the mail server is down: the job fails, the log says why, the retries count down
    Map<String, Object> email = row(rows, "EMAIL");
    ProcessInstance delivery = deliveryOf(email);
    Job job = management.createJobQuery().processInstanceId(delivery.getId()).singleResult();
    assertThat(job.getRetries()).as("R5/PT5M: five attempts").isEqualTo(5);
    assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(Exception.class);
    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).as("one attempt used").isEqualTo(4);
    assertThat(failed.getExceptionMessage()).isNotBlank();
    assertThat(failed.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    Map<String, Object> afterFailure = rowById(email);
    assertThat(afterFailure.get("status")).isEqualTo(NotificationLog.FAILED);
    assertThat(afterFailure.get("attempts")).isEqualTo(1);
    assertThat((String) afterFailure.get("error")).startsWith("MailConnectException").contains("localhost, " + SMTP_PORT);
    assertThat(failedIncidents(delivery)).isEmpty();
    assertThat(delivery).isWaitingAt(SERVICE_DELIVER_NOTIFICATION);

    // until the retries run out: a failedJob incident for Cockpit
    for (int retries = 3; retries >= 0; retries--) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(Exception.class);
      assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(retries);
    }
    assertThat(failedIncidents(delivery)).singleElement()
        .satisfies(incident -> assertThat(incident.getConfiguration()).isEqualTo(job.getId()));
    assertThat(rowById(email)).containsEntry("status", NotificationLog.FAILED).containsEntry("attempts", 5);
    List<Map<String, Object>> failedInApi = notificationsApi(KL_HOUSING, "?caseKey=" + caseKey + "&status=FAILED");
    assertThat(failedInApi).singleElement().satisfies(n -> {
      assertThat(n.get("channel")).isEqualTo("EMAIL");
      assertThat((String) n.get("error")).startsWith("MailConnectException");
    });
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    // the server is back; Cockpit's "retry" sets the retries and the job runs: one mail
    greenMail.start();
    management.setJobRetries(job.getId(), 1);
    assertThat(failedIncidents(delivery)).isEmpty();
    management.executeJob(job.getId());
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()).extracting(Address::toString).containsExactly(KL_TOWNSHIP + "@anju.example");
    assertThat(mail.getSubject()).contains("孙守财");
    assertThat(rowById(email)).containsEntry("status", NotificationLog.DELIVERED).containsEntry("attempts", 6);
    assertThat(rowById(email).get("error")).isNull();
    assertThat(delivery).isEnded().hasPassed(START_NOTIFICATION_RECORDED, SERVICE_DELIVER_NOTIFICATION,
        END_NOTIFICATION_DELIVERED);

    // the watch runs again: nothing new to record, nothing sent again
    runOverdueWatch();
    runOverdueWatch();
    assertThat(rows(caseKey)).hasSize(3).allSatisfy(row ->
        assertThat(row.get("status")).isEqualTo(NotificationLog.DELIVERED));
    assertThat(management.createJobQuery().processDefinitionKey(NotificationDeliveryProcess.KEY)
        .processInstanceId(delivery.getId()).count()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(webhooksOf(caseKey)).hasSize(1);
  }

  @Test
  void shouldSendOneDigestPerRecipientsWhenManyStepsFallOverdueAtOnce() throws Exception {
    Task first = overdueVerification("周大福", "宋家沟村");
    Task second = overdueVerification("吴桂兰", "甘钦村");

    runOverdueWatch();

    List<Map<String, Object>> rows = new java.util.ArrayList<>(rows(caseKeyOf(first)));
    rows.addAll(rows(caseKeyOf(second)));
    assertThat(rows).hasSize(6);
    Map<Object, List<Map<String, Object>>> byDelivery = rows.stream()
        .collect(java.util.stream.Collectors.groupingBy(row -> row.get("delivery_key")));
    assertThat(byDelivery).as("one delivery per channel for the same recipients").hasSize(3)
        .allSatisfy((key, same) -> assertThat(same).hasSize(2));
    deliver(row(rows, "EMAIL"));
    deliver(row(rows, "WEBHOOK"));
    deliver(row(rows, "LOG"));

    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).as("one mail for both steps").hasSize(1);
    assertThat(mails[0].getSubject()).startsWith("[2 项 notifications]");
    assertThat((String) mails[0].getContent()).contains("周大福", "吴桂兰", caseKeyOf(first), caseKeyOf(second));
    List<JsonNode> hooks = new java.util.ArrayList<>();
    for (String body : WEBHOOK.bodies) {
      JsonNode hook = json.readTree(body);
      if (hook.path("count").asInt() == 2 && hook.path("text").path("content").asText().contains("周大福")) {
        hooks.add(hook);
      }
    }
    assertThat(hooks).singleElement().satisfies(hook -> {
      assertThat(hook.path("items")).extracting(item -> item.path("caseKey").asText())
          .containsExactlyInAnyOrder(caseKeyOf(first), caseKeyOf(second));
      assertThat(hook.path("text").path("content").asText()).contains("周大福", "吴桂兰");
    });
    assertThat(rows(caseKeyOf(first))).allSatisfy(row -> assertThat(row.get("status")).isEqualTo(NotificationLog.DELIVERED));
    assertThat(rows(caseKeyOf(second))).allSatisfy(row -> assertThat(row.get("status")).isEqualTo(NotificationLog.DELIVERED));
  }

  @Test
  void shouldSplitADigestOfManyStepsIntoMailsOfAtMostFiftySoThatARetryResendsLittle() throws Exception {
    // a deadline makes 120 of the township's steps overdue at once: one digest would be one mail of 120 notices,
    // sent again whole if its node died after the server took it
    String run = "many-" + SEQUENCE.incrementAndGet();
    List<String> township = List.of(Role.TOWNSHIP.groupId(DemoUsers.KELAN.townshipCode()));
    Notifier.Batch batch = notifier.batch();
    for (int n = 0; n < 120; n++) {
      batch.add(new NotificationRequest(run + "-" + n + ":0", DemoUsers.KELAN.countyCode(), run + "-case" + n, null,
          TASK_VERIFY_HOUSING, 0, township, null, "逾期 " + run + "-case" + n, "请处理 " + run + "-case" + n));
    }
    batch.dispatch(run);

    List<Map<String, Object>> emails = jdbc.queryForList(
        "select * from notification where case_key like ? and channel = 'EMAIL' order by id", run + "-case%");
    Map<Object, List<Map<String, Object>>> byDelivery = emails.stream()
        .collect(java.util.stream.Collectors.groupingBy(row -> row.get("delivery_key")));
    assertThat(byDelivery.values()).extracting(List::size).containsExactlyInAnyOrder(50, 50, 20);
    for (List<Map<String, Object>> digest : byDelivery.values()) {
      deliver(digest.get(0));
    }
    assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject)
        .filteredOn(subject -> subject.contains(run)).hasSize(3)
        .anySatisfy(subject -> assertThat(subject).startsWith("[50 项 notifications]"))
        .anySatisfy(subject -> assertThat(subject).startsWith("[20 项 notifications]"));
    assertThat(jdbc.queryForObject("select count(*) from notification where case_key like ? and channel = 'EMAIL' and status <> ?",
        Long.class, run + "-case%", NotificationLog.DELIVERED)).isZero();
  }

  @Test
  void shouldFailTheDeliveryWithinTheTimeoutWhileTheMailServerHangsAndKeepServingEveryoneElse() throws Exception {
    Map<String, Object> email = emailTo("hang", Role.TOWNSHIP);
    Job job = jobOf(email);
    assertThat(health("/actuator/health").getStatusCode().value()).isEqualTo(200);
    greenMail.stop();
    try (FakeSmtpServer hung = FakeSmtpServer.hanging(SMTP_PORT)) {
      long started = System.nanoTime();
      Future<?> delivery = BESIDE.submit(() -> management.executeJob(job.getId()));
      awaitTrue(() -> hung.connections.get() > 0);

      // while the delivery waits for the server's greeting: health and a clerk are answered at once
      ResponseEntity<String> health = within(Duration.ofSeconds(1), () -> health("/actuator/health"));
      assertThat(health.getStatusCode().value()).isEqualTo(200);
      assertThat(json.readTree(health.getBody()).path("status").asText()).isEqualTo("UP");
      ResponseEntity<String> clerk = within(Duration.ofSeconds(1), () -> rest.withBasicAuth(
          DemoUsers.userOf(DemoUsers.KELAN, Role.POVERTY), DemoUsers.PASSWORD).getForEntity("/api/notifications?limit=5",
          String.class));
      assertThat(clerk.getStatusCode().value()).isEqualTo(200);

      // the job gives up after the read timeout (1 s here) and spends a retry
      assertThatThrownBy(() -> delivery.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(4);
    assertThat(rowById(email)).containsEntry("status", NotificationLog.FAILED);
    assertThat((String) rowById(email).get("error")).contains("timed out");
  }

  @Test
  void shouldNotSendAMailAgainWhoseAcknowledgementWasLost() throws Exception {
    Map<String, Object> email = emailTo("lost", Role.TOWNSHIP, Role.HOUSING);
    assertThat((String) email.get("recipients")).contains(TOWNSHIP_MAIL, HOUSING_MAIL);
    Job job = jobOf(email);
    greenMail.stop();
    try (FakeSmtpServer server = FakeSmtpServer.scripted(SMTP_PORT)
        .answer(TOWNSHIP_MAIL, FakeSmtpServer.Answer.LOSE_FINAL_REPLY)
        .answer(HOUSING_MAIL, FakeSmtpServer.Answer.LATER)) {
      // the township's mail arrives, its "250" does not; the housing bureau's address is refused for now
      assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(Exception.class);
      assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(4);
      assertThat(server.receivedBy(TOWNSHIP_MAIL)).hasSize(1);
      assertThat(server.receivedBy(HOUSING_MAIL)).isEmpty();
      assertThat(recipientsApi(email)).singleElement().satisfies(r -> {
        assertThat(r).containsEntry("address", TOWNSHIP_MAIL).containsEntry("status", "UNCONFIRMED");
        assertThat(r.get("messageId")).isEqualTo(server.receivedBy(TOWNSHIP_MAIL).get(0).messageId());
      });

      // the retry sends what is still open, and the township's mail not again
      management.executeJob(job.getId());
      assertThat(server.receivedBy(TOWNSHIP_MAIL)).hasSize(1);
      assertThat(server.receivedBy(HOUSING_MAIL)).hasSize(1);
      assertThat(rowById(email)).containsEntry("status", NotificationLog.DELIVERED);
      assertThat((String) rowById(email).get("error")).contains("acknowledgement was lost", TOWNSHIP_MAIL)
          .doesNotContain(HOUSING_MAIL);
      assertThat(recipientsApi(email)).extracting(r -> r.get("address") + " " + r.get("status"))
          .containsExactlyInAnyOrder(TOWNSHIP_MAIL + " UNCONFIRMED", HOUSING_MAIL + " SENT");
      assertThat(recipientsApi(email)).extracting(r -> r.get("messageId")).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(server.received.stream().map(FakeSmtpServer.Received::messageId).toList());

      // the delivery started again, as a second dispatch would: nobody gets it twice
      String deliveryKey = (String) email.get("delivery_key");
      ProcessInstance again = runtime.startProcessInstanceByKey(NotificationDeliveryProcess.KEY, deliveryKey,
          Map.of(NotificationDeliveryProcess.Vars.DELIVERY_KEY, deliveryKey));
      management.executeJob(management.createJobQuery().processInstanceId(again.getId()).singleResult().getId());
      assertThat(server.received).hasSize(2);
    }
  }

  @Test
  void shouldDeliverADigestToEveryoneButTheAddressTheServerRefuses() throws Exception {
    Map<String, Object> email = emailTo("refused", Role.TOWNSHIP, Role.HOUSING);
    ProcessInstance delivery = deliveryOf(email);
    Job job = jobOf(email);
    greenMail.stop();
    try (FakeSmtpServer server = FakeSmtpServer.scripted(SMTP_PORT)
        .answer(HOUSING_MAIL, FakeSmtpServer.Answer.REFUSE, FakeSmtpServer.Answer.REFUSE)) {
      management.executeJob(job.getId());

      assertThat(server.receivedBy(TOWNSHIP_MAIL)).hasSize(1);
      assertThat(server.receivedBy(HOUSING_MAIL)).isEmpty();
      assertThat(delivery).isEnded();
      assertThat(rowById(email)).containsEntry("status", NotificationLog.PARTIAL).containsEntry("attempts", 1);
      assertThat((String) rowById(email).get("error")).contains("rejected", HOUSING_MAIL, "550");
      assertThat(recipientsApi(email)).extracting(r -> r.get("address") + " " + r.get("status"))
          .containsExactlyInAnyOrder(TOWNSHIP_MAIL + " SENT", HOUSING_MAIL + " REJECTED");
      assertThat(notificationsApi(KL_HOUSING, "?caseKey=" + email.get("case_key") + "&status=PARTIAL"))
          .singleElement().satisfies(n -> assertThat(n.get("channel")).isEqualTo("EMAIL"));
    }
  }

  @Test
  void shouldStayUpWhileTheMailServerIsDownAndShowItAsUnreachable() throws Exception {
    awaitTrue(() -> json.readTree(health("/actuator/health/mail").getBody()).path("status").asText().equals("UP"));
    greenMail.stop();

    awaitTrue(() -> {
      ResponseEntity<String> health = within(Duration.ofSeconds(1), () -> health("/actuator/health"));
      assertThat(health.getStatusCode().value()).isEqualTo(200);
      JsonNode body = json.readTree(health.getBody());
      assertThat(body.path("status").asText()).isEqualTo("UP");
      return body.path("components").path("mail").path("status").asText().equals("UNKNOWN");
    });
    ResponseEntity<String> mail = health("/actuator/health/mail");
    assertThat(mail.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(mail.getBody()).path("description").asText()).isEqualTo("mail server not reachable");

    greenMail.start();
    awaitTrue(() -> json.readTree(health("/actuator/health/mail").getBody()).path("status").asText().equals("UP"));
  }

  // -- helpers -----------------------------------------------------------------------------------

  /** A new 岢岚县 household at verification, its step's due date moved into the past. */
  private Task overdueVerification(String headName, String village) {
    int n = SEQUENCE.incrementAndGet();
    ProcessInstance pi = cases.register(new Registration(headName,
        DemoSteps.residentId(DemoUsers.KELAN.countyCode(), 1940 + (n / 1000) % 60, n % 1000), KeyGroup.DIBAO,
        DemoUsers.KELAN.cityCode(), DemoUsers.KELAN.countyCode(), DemoUsers.KELAN.townshipCode(), village,
        village + (n % 100) + "号", 2, false));
    Task walked = new CaseWalker(engine, demoDocuments).walkTo(pi.getId(), TASK_VERIFY_HOUSING);
    Task task = tasks.createTaskQuery().taskId(walked.getId()).singleResult();
    task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(1)).minus(Duration.ofHours(2))));
    tasks.saveTask(task);
    return task;
  }

  /** Records a notification to 岢岚县's staff of these roles, as an escalation does, and returns its mail row. */
  private Map<String, Object> emailTo(String what, Role... roles) {
    String caseKey = "mail-" + what + "-" + SEQUENCE.incrementAndGet();
    List<String> groups = java.util.Arrays.stream(roles).map(role -> role.groupId(role.level() == Role.Level.TOWNSHIP
        ? DemoUsers.KELAN.townshipCode() : DemoUsers.KELAN.countyCode())).toList();
    notifier.notify(new NotificationRequest(caseKey + ":1", DemoUsers.KELAN.countyCode(), caseKey, null,
        TASK_VERIFY_HOUSING, 1, groups, null, "逾期 " + caseKey, "请处理 " + caseKey));
    return row(rows(caseKey), "EMAIL");
  }

  private Job jobOf(Map<String, Object> row) {
    return management.createJobQuery().processInstanceId(deliveryOf(row).getId()).singleResult();
  }

  private List<Map<String, Object>> recipientsApi(Map<String, Object> row) {
    return notificationsApi(KL_HOUSING, "/" + row.get("id") + "/recipients");
  }

  private ResponseEntity<String> health(String path) {
    return rest.getForEntity(path, String.class);
  }

  /** The call's answer, or a failure when it takes longer than the limit. */
  private static <T> T within(Duration limit, Callable<T> call) throws Exception {
    Future<T> answer = BESIDE.submit(call);
    try {
      return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new AssertionError("no answer within " + limit, e);
    }
  }

  /** Waits up to five seconds for the condition. */
  private static void awaitTrue(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private String caseKeyOf(Task task) {
    return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  /** Executes the {@code overdue-watch} timer-start job, as the job executor does every ten minutes. */
  private void runOverdueWatch() {
    Job watch = management.createJobQuery().processDefinitionKey(OverdueWatchProcess.KEY).timers().singleResult();
    assertThat(watch).isNotNull();
    Set<String> before = new HashSet<>(history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(OverdueWatchProcess.KEY).list().stream().map(HistoricProcessInstance::getId).toList());
    management.executeJob(watch.getId());
    CountyScans.execute(engine);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(OverdueWatchProcess.KEY).completed()
        .list()).filteredOn(run -> !before.contains(run.getId())).hasSize(1);
  }

  /** Runs the delivery job of a notification and checks the instance went the whole way. */
  private void deliver(Map<String, Object> row) {
    ProcessInstance delivery = deliveryOf(row);
    assertThat(delivery).isWaitingAt(SERVICE_DELIVER_NOTIFICATION).hasPassed(START_NOTIFICATION_RECORDED)
        .variables().containsEntry(NotificationDeliveryProcess.Vars.DELIVERY_KEY, row.get("delivery_key"));
    Job job = management.createJobQuery().processInstanceId(delivery.getId()).singleResult();
    management.executeJob(job.getId());
    assertThat(delivery).isEnded();
    assertCovered(delivery);
  }

  /** Every flow node and sequence flow of notification-delivery. */
  private void assertCovered(ProcessInstance delivery) {
    var model = repository.getBpmnModelInstance(delivery.getProcessDefinitionId());
    assertThat(delivery).hasPassed(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .toArray(String[]::new));
    assertThat(takenFlows.of(delivery.getId())).containsAll(model.getModelElementsByType(SequenceFlow.class).stream()
        .map(SequenceFlow::getId).toList());
  }

  private ProcessInstance deliveryOf(Map<String, Object> row) {
    ProcessInstance delivery = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY)
        .processInstanceBusinessKey((String) row.get("delivery_key")).singleResult();
    assertThat(delivery).as("delivery of notification %s", row.get("id")).isNotNull();
    return delivery;
  }

  private List<Incident> failedIncidents(ProcessInstance delivery) {
    return runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
        .processInstanceId(delivery.getId()).list();
  }

  private List<Map<String, Object>> rows(String caseKey) {
    return jdbc.queryForList("select * from notification where case_key = ? order by id", caseKey);
  }

  private Map<String, Object> rowById(Map<String, Object> row) {
    return jdbc.queryForMap("select * from notification where id = ?", row.get("id"));
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String channel) {
    return rows.stream().filter(row -> channel.equals(row.get("channel"))).findFirst().orElseThrow();
  }

  private List<Map<String, Object>> notificationsApi(String user, String query) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, DemoUsers.PASSWORD)
        .exchange("/api/notifications" + query, HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private List<JsonNode> webhooksOf(String caseKey) throws IOException {
    List<JsonNode> found = new java.util.ArrayList<>();
    for (String body : WEBHOOK.bodies) {
      JsonNode node = json.readTree(body);
      if (caseKey.equals(node.path("caseKey").asText())) {
        found.add(node);
      }
    }
    return found;
  }

  private String stepName(Task task) {
    return repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .<UserTask>getModelElementById(task.getTaskDefinitionKey()).getName();
  }

  /** A chat robot's webhook: takes JSON posts on 127.0.0.1 and answers 200. */
  static final class WebhookReceiver {

    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private WebhookReceiver(HttpServer server) {
      this.server = server;
    }

    static WebhookReceiver start() {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/robot/send", exchange -> {
          receiver.contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
          receiver.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
        server.start();
        return receiver;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send";
    }

    void stop() {
      server.stop(0);
    }
  }
}
