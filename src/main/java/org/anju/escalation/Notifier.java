package org.anju.escalation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.escalation.NotificationLog.Notification;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Records a notification once per channel and starts its delivery as an asynchronous job
 * ({@code notification-delivery}), so that a mail server that is down delays it but never loses it.
 */
@Service
public class Notifier {

  private final NotificationLog log;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final EscalationSettings settings;
  private final ObjectProvider<JavaMailSender> mail;

  public Notifier(NotificationLog log, IdentityService identity, RuntimeService runtime, EscalationSettings settings,
      ObjectProvider<JavaMailSender> mail) {
    this.log = log;
    this.identity = identity;
    this.runtime = runtime;
    this.settings = settings;
    this.mail = mail;
  }

  /** Returns how many notifications were newly recorded (0 when all were sent before). */
  public int notify(NotificationRequest request) {
    List<User> users = recipients(request);
    String names = String.join(", ", users.stream().map(u -> u.getId()).toList());
    String groups = String.join(", ", request.groupIds());
    String recipients = request.userId() != null ? names : groups + (names.isEmpty() ? "" : " (" + names + ")");
    int recorded = 0;
    for (Channel channel : channels(users)) {
      String to = channel == Channel.EMAIL
          ? String.join(", ", users.stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList())
          : recipients;
      Optional<Long> id = log.recordOnce(new Notification(0, request.key() + ":" + channel, request.countyCode(),
          request.caseKey(), request.processInstanceId(), request.step(), request.level(), to, channel.name(),
          request.subject(), request.body(), ClockUtil.getCurrentTime().toInstant(), NotificationLog.PENDING, 0, null,
          null));
      if (id.isPresent()) {
        runtime.startProcessInstanceByKey(NotificationDeliveryProcess.KEY, String.valueOf(id.get()),
            Map.of(NotificationDeliveryProcess.Vars.NOTIFICATION_ID, id.get()));
        recorded++;
      }
    }
    return recorded;
  }

  private List<Channel> channels(List<User> users) {
    List<Channel> channels = new ArrayList<>(List.of(Channel.LOG));
    boolean anyEmail = users.stream().anyMatch(u -> u.getEmail() != null && !u.getEmail().isBlank());
    if (mail.getIfAvailable() != null && anyEmail) {
      channels.add(Channel.EMAIL);
    }
    if (!settings.webhookUrl().isEmpty()) {
      channels.add(Channel.WEBHOOK);
    }
    return channels;
  }

  private List<User> recipients(NotificationRequest request) {
    Set<String> ids = new LinkedHashSet<>();
    if (request.userId() != null) {
      ids.add(request.userId());
    } else {
      for (String group : request.groupIds()) {
        identity.createUserQuery().memberOfGroup(group).list().forEach(u -> ids.add(u.getId()));
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    return identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).orderByUserId().asc().list();
  }
}
