package org.anju.escalation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.escalation.NotificationLog.Notification;
import org.anju.escalation.NotificationLog.Outcomes;
import org.anju.escalation.NotificationLog.Recipient;
import org.anju.escalation.NotificationLog.Settled;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a mail digest to each of its recipients as a message of its own and records what each got, so
 * that one refused address keeps no one else from their mail and no address gets the digest twice.
 */
@Component
class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger("anju.notifications");

  private final MailServer server;
  private final NotificationLog log;
  private final EscalationSettings settings;

  MailDelivery(MailServer server, NotificationLog log, EscalationSettings settings) {
    this.server = server;
    this.log = log;
    this.settings = settings;
  }

  /**
   * Sends the digest to every address that has no outcome yet, over one connection (a new one after a
   * failure), and adds what each got to {@code outcomes} as soon as it is known. An address the server
   * refuses for good is REJECTED, one whose acknowledgement was lost after the whole message went out is
   * UNCONFIRMED; neither is sent again. A temporary refusal (4xx) is thrown after the other addresses
   * were tried, a server that cannot be reached at once: the job retries the addresses still open.
   */
  void deliver(List<Notification> digest, String subject, String text, Outcomes outcomes) throws MessagingException {
    List<Long> ids = digest.stream().map(Notification::id).toList();
    Map<String, Recipient> got = new LinkedHashMap<>();
    log.recipients(ids).forEach(r -> got.putIfAbsent(r.address(), r));
    Notification first = digest.get(0);
    String digestId = first.deliveryKey() != null ? first.deliveryKey() : "notification-" + first.id();
    MessagingException retry = null;
    TrackedSmtpTransport transport = null;
    try {
      for (String address : addresses(first.recipients())) {
        if (got.containsKey(address)) {
          continue;
        }
        String messageId = messageId(digestId, address);
        String status;
        String reply;
        try {
          InternetAddress to = new InternetAddress(address, true);
          if (transport == null) {
            transport = server.connect();
          }
          try {
            transport.sendMessage(message(messageId, to, subject, text), new Address[] {to});
            status = NotificationLog.SENT;
            reply = transport.getLastServerResponse().strip();
          } catch (MessagingException e) {
            boolean transmitted = transport.contentTransmitted();
            MailServer.closeQuietly(transport);
            transport = null;
            status = finalStatus(e, to, transmitted);
            reply = NotificationLog.UNCONFIRMED.equals(status)
                ? "no acknowledgement after the whole message was sent: " + DeliverNotificationDelegate.reason(e)
                : reply(e);
            if (status == null) {
              LOG.warn("mail {} to {} failed for now, retried later: {}", messageId, address, reply);
              retry = retry == null ? e : retry;
              continue;
            }
            LOG.warn("mail {} to {} is {}: {}", messageId, address, status, reply);
          }
        } catch (AddressException e) {
          status = NotificationLog.REJECTED;
          reply = "not a valid address: " + e.getMessage();
          LOG.warn("mail {} to {} is {}: {}", messageId, address, status, reply);
        }
        Recipient outcome = new Recipient(0, address, status, messageId, reply, ClockUtil.getCurrentTime().toInstant());
        got.put(address, outcome);
        ids.forEach(id -> outcomes.recipients.add(new Recipient(id, address, outcome.status(), messageId, outcome.reply(),
            outcome.recordedAt())));
      }
    } finally {
      MailServer.closeQuietly(transport);
    }
    if (retry != null) {
      throw retry;
    }
    Settled settled = settled(got.values());
    ids.forEach(id -> outcomes.settled.add(new Settled(id, settled.status(), settled.note())));
  }

  /**
   * REJECTED when the server refused the address (5xx to RCPT) or the whole message (5xx to its end);
   * UNCONFIRMED when the message went out to its end and no answer came; null when a retry may succeed.
   */
  static String finalStatus(MessagingException failure, InternetAddress to, boolean transmitted) {
    if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
        && Arrays.asList(refused.getInvalidAddresses()).contains(to)) {
      return NotificationLog.REJECTED;
    }
    if (!transmitted) {
      return null;
    }
    int code = replyCode(failure);
    return code >= 500 ? NotificationLog.REJECTED : code >= 400 ? null : NotificationLog.UNCONFIRMED;
  }

  /** The server's reply code in the failure, or -1 when it gave none (connection lost, timed out). */
  private static int replyCode(MessagingException failure) {
    for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
      if (e instanceof SMTPSendFailedException send) {
        return send.getReturnCode();
      }
      if (e instanceof SMTPAddressFailedException address) {
        return address.getReturnCode();
      }
    }
    return -1;
  }

  /** The server's own words when it refused ("550 5.1.1 … no such user"), else the failure and its causes. */
  private static String reply(MessagingException failure) {
    for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
      if (e instanceof SMTPAddressFailedException || e instanceof SMTPSendFailedException send
          && send.getReturnCode() > 0 && !(send.getNextException() instanceof SMTPAddressFailedException)) {
        return e.getMessage().strip();
      }
    }
    return DeliverNotificationDelegate.reason(failure);
  }

  /** DELIVERED when every address had it, PARTIAL or REJECTED when some or all were refused. */
  private static Settled settled(Iterable<Recipient> recipients) {
    List<String> refused = new ArrayList<>();
    List<String> unconfirmed = new ArrayList<>();
    int count = 0;
    for (Recipient r : recipients) {
      count++;
      if (NotificationLog.REJECTED.equals(r.status())) {
        refused.add(r.address() + " (" + r.reply() + ")");
      } else if (NotificationLog.UNCONFIRMED.equals(r.status())) {
        unconfirmed.add(r.address());
      }
    }
    List<String> note = new ArrayList<>();
    if (!refused.isEmpty()) {
      note.add("rejected by the mail server: " + String.join(", ", refused));
    }
    if (!unconfirmed.isEmpty()) {
      note.add("sent, but the mail server's acknowledgement was lost: " + String.join(", ", unconfirmed));
    }
    String status = refused.isEmpty() ? NotificationLog.DELIVERED
        : refused.size() == count ? NotificationLog.REJECTED : NotificationLog.PARTIAL;
    return new Settled(0, status, note.isEmpty() ? null : String.join("; ", note));
  }

  private MimeMessage message(String messageId, InternetAddress to, String subject, String text)
      throws MessagingException {
    MimeMessage mail = new MimeMessage(server.session()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        // the same for every attempt, so that a duplicate, should one still happen, is recognisable
        setHeader("Message-ID", messageId);
      }
    };
    String charset = server.charset();
    mail.setFrom(new InternetAddress(settings.mailFrom()));
    mail.setRecipient(Message.RecipientType.TO, to);
    mail.setSubject(subject, charset);
    mail.setText(text, charset);
    mail.setSentDate(new Date());
    mail.saveChanges();
    return mail;
  }

  /** Stable per digest and recipient: {@code <digest hash.address hash@sender's domain>}. */
  String messageId(String digestId, String address) {
    String from = settings.mailFrom();
    String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip() : "anju";
    return "<" + Notifier.digest(digestId) + "." + Notifier.digest(address.toLowerCase(Locale.ROOT)) + "@" + domain + ">";
  }

  private static List<String> addresses(String recipients) {
    return Arrays.stream(recipients.split(",")).map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
  }
}
