package org.anju.escalation;

import org.eclipse.angus.mail.smtp.SMTPTransport;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

/**
 * An SMTP connection that knows whether the message's end (the "." after DATA) has reached the server:
 * a failure after that point may be a lost "250", and sending again would deliver the message twice.
 */
final class TrackedSmtpTransport extends SMTPTransport {

  private boolean contentTransmitted;

  TrackedSmtpTransport(Session session, String protocol) {
    super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
  }

  @Override
  public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
    contentTransmitted = false;
    super.sendMessage(message, addresses);
  }

  @Override
  protected void sendCommand(String command) throws MessagingException {
    super.sendCommand(command);
    // written and flushed: from here on the server may hold the whole message, whatever it answers
    if (".".equals(command)) {
      contentTransmitted = true;
    }
  }

  /** Whether the last message was transmitted to its end, acknowledged or not. */
  synchronized boolean contentTransmitted() {
    return contentTransmitted;
  }
}
