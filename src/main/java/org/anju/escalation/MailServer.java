package org.anju.escalation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * The mail server of {@code spring.mail.*}, reached through the Session of Spring's sender, so with the
 * timeouts of {@code spring.mail.properties} (connect, read, write): a server that never answers costs
 * a few seconds, never a thread.
 */
@Component
class MailServer {

  private final ObjectProvider<JavaMailSender> sender;

  MailServer(ObjectProvider<JavaMailSender> sender) {
    this.sender = sender;
  }

  Session session() {
    return configured().getSession();
  }

  String charset() {
    String encoding = configured().getDefaultEncoding();
    return encoding == null ? "UTF-8" : encoding;
  }

  /** {@code host:port}, for logs and health details. */
  String address() {
    JavaMailSenderImpl mail = configured();
    return mail.getHost() + ":" + (mail.getPort() > 0 ? mail.getPort() : "default");
  }

  /** A new connection, greeted and logged in. */
  TrackedSmtpTransport connect() throws MessagingException {
    JavaMailSenderImpl mail = configured();
    TrackedSmtpTransport transport = new TrackedSmtpTransport(mail.getSession(), mail.getProtocol());
    transport.connect(mail.getHost(), mail.getPort(), blankToNull(mail.getUsername()), blankToNull(mail.getPassword()));
    return transport;
  }

  /** Closes a connection that may be broken; sending QUIT is bounded by the read timeout. */
  static void closeQuietly(TrackedSmtpTransport transport) {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // nothing to lose: the connection is given up either way
      }
    }
  }

  private JavaMailSenderImpl configured() {
    if (sender.getIfAvailable() instanceof JavaMailSenderImpl mail) {
      return mail;
    }
    throw new IllegalStateException("no mail server configured (spring.mail.host)");
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
