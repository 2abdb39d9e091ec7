package org.anju.escalation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Records notifications once per channel and starts their delivery as asynchronous jobs
 * ({@code notification-delivery}), so that a mail server that is down delays them but never loses them.
 * Notifications recorded together for the same recipients and channel are delivered as digests of up to
 * {@link #DIGEST_LIMIT} (one mail listing the steps): when a deadline passes, a supervisor gets a few messages,
 * not thousands.
 */
@Service
public class Notifier {

  /**
   * Notifications per digest at most: a node that dies after the mail server took a digest and before its
   * delivery was committed sends it again when another node retries (issue 17: 500 step notices arrived
   * twice), so a digest is kept to a size whose repetition costs a reader little.
   */
  static final int DIGEST_LIMIT = 50;

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

  /** Records and dispatches one request; returns how many notifications were new (0 when sent before). */
  public int notify(NotificationRequest request) {
    Batch batch = batch();
    batch.add(request);
    return batch.dispatch(request.key());
  }

  /** Collects requests to be recorded and dispatched together; recipients are looked up once per group. */
  public Batch batch() {
    return new Batch();
  }

  /** Requests collected for one dispatch; reusable, it keeps what it learnt of the recipients. */
  public final class Batch {
    private final Map<String, List<User>> members = new HashMap<>();
    private final List<Addressed> pending = new ArrayList<>();
    private final boolean mailConfigured = mail.getIfAvailable() != null;

    private record Addressed(NotificationRequest request, Channel channel, String to) {}

    public void add(NotificationRequest request) {
      List<User> users = recipients(request);
      String names = String.join(", ", users.stream().map(User::getId).toList());
      String groups = String.join(", ", request.groupIds());
      String recipients = request.userId() != null ? names : groups + (names.isEmpty() ? "" : " (" + names + ")");
      for (Channel channel : channels(users)) {
        String to = channel == Channel.EMAIL
            ? String.join(", ", users.stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList())
            : recipients;
        pending.add(new Addressed(request, channel, to));
      }
    }

    /** Forgets what was collected and not dispatched (for a transaction tried again). */
    public void discardPending() {
      pending.clear();
    }

    /**
     * Records the collected notifications not recorded before, and starts one delivery per channel and
     * recipients among them, keyed {@code deliveryPrefix:channel:recipients digest}; the prefix must be
     * unique per dispatch. Returns how many notifications were recorded.
     */
    public int dispatch(String deliveryPrefix) {
      List<Notification> rows = new ArrayList<>();
      Map<String, Integer> perDigest = new HashMap<>();
      for (Addressed a : pending) {
        NotificationRequest r = a.request();
        String digest = deliveryPrefix + ":" + a.channel() + ":" + digest(a.to());
        int part = perDigest.merge(digest, 1, Integer::sum) - 1;
        rows.add(new Notification(0, r.key() + ":" + a.channel(), r.countyCode(), r.caseKey(), r.processInstanceId(),
            r.step(), r.level(), a.to(), a.channel().name(), r.subject(), r.body(),
            ClockUtil.getCurrentTime().toInstant(), NotificationLog.PENDING, 0, null, null,
            part < DIGEST_LIMIT ? digest : digest + ":" + part / DIGEST_LIMIT));
      }
      pending.clear();
      List<Notification> recorded = log.recordNew(rows);
      Set<String> deliveries = new LinkedHashSet<>();
      recorded.forEach(n -> deliveries.add(n.deliveryKey()));
      for (String delivery : deliveries) {
        runtime.startProcessInstanceByKey(NotificationDeliveryProcess.KEY, delivery,
            Map.of(NotificationDeliveryProcess.Vars.DELIVERY_KEY, delivery));
      }
      return recorded.size();
    }

    private List<Channel> channels(List<User> users) {
      List<Channel> channels = new ArrayList<>(List.of(Channel.LOG));
      boolean anyEmail = users.stream().anyMatch(u -> u.getEmail() != null && !u.getEmail().isBlank());
      if (mailConfigured && anyEmail) {
        channels.add(Channel.EMAIL);
      }
      if (!settings.webhookUrl().isEmpty()) {
        channels.add(Channel.WEBHOOK);
      }
      return channels;
    }

    private List<User> recipients(NotificationRequest request) {
      if (request.userId() != null) {
        return identity.createUserQuery().userId(request.userId()).list();
      }
      Map<String, User> users = new java.util.TreeMap<>();
      for (String group : request.groupIds()) {
        for (User user : members.computeIfAbsent(group, g -> identity.createUserQuery().memberOfGroup(g).list())) {
          users.put(user.getId(), user);
        }
      }
      return List.copyOf(users.values());
    }
  }

  /** A short hash of a text (recipients, a delivery key), so that keys stay short however long the text. */
  static String digest(String recipients) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(recipients.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
