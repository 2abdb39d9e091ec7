package org.anju.escalation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail server in the test that misbehaves on purpose, speaking just enough SMTP: it hangs (accepts and
 * never answers), or answers each recipient as scripted: accept, refuse for good (550), refuse for now
 * (451), or take the whole message and drop the connection instead of its final "250".
 */
final class FakeSmtpServer implements AutoCloseable {

  /** How the server answers one RCPT TO of an address (and then that message's end). */
  enum Answer { ACCEPT, REFUSE, LATER, LOSE_FINAL_REPLY }

  /** A message the server received whole: to whom, and its Message-ID header. */
  record Received(String recipient, String messageId) {}

  private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  private final ServerSocket server;
  private final boolean hang;
  private final Map<String, Queue<Answer>> script = new ConcurrentHashMap<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private FakeSmtpServer(int port, boolean hang) {
    this.hang = hang;
    this.server = bind(port);
    Thread acceptor = new Thread(this::accept, "fake-smtp-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Accepts connections on the port and never says a word. */
  static FakeSmtpServer hanging(int port) {
    return new FakeSmtpServer(port, true);
  }

  /** Answers every recipient with ACCEPT unless told otherwise with {@link #answer}. */
  static FakeSmtpServer scripted(int port) {
    return new FakeSmtpServer(port, false);
  }

  /** The answers to the next RCPT TO of this address, one per attempt; ACCEPT after them. */
  FakeSmtpServer answer(String address, Answer... answers) {
    script.put(address, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  List<Received> receivedBy(String address) {
    return received.stream().filter(r -> r.recipient().equals(address)).toList();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        open.add(socket);
        if (!hang) {
          Thread session = new Thread(() -> converse(socket), "fake-smtp-session");
          session.setDaemon(true);
          session.start();
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void converse(Socket socket) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      say(out, "220 fake.example ESMTP");
      String recipient = null;
      Answer answer = null;
      for (String line; (line = in.readLine()) != null;) {
        String command = line.toUpperCase();
        if (command.startsWith("EHLO") || command.startsWith("HELO") || command.startsWith("MAIL FROM")
            || command.startsWith("RSET") || command.startsWith("NOOP")) {
          say(out, "250 OK");
        } else if (command.startsWith("RCPT TO")) {
          Matcher m = ADDRESS.matcher(line);
          String address = m.find() ? m.group(1) : line.substring(8).strip();
          Queue<Answer> answers = script.getOrDefault(address, new ArrayDeque<>());
          Answer next = answers.isEmpty() ? Answer.ACCEPT : answers.poll();
          switch (next) {
            case REFUSE -> say(out, "550 5.1.1 <" + address + ">: no such user");
            case LATER -> say(out, "451 4.3.0 <" + address + ">: try again later");
            default -> {
              recipient = address;
              answer = next;
              say(out, "250 OK");
            }
          }
        } else if (command.startsWith("DATA")) {
          say(out, "354 end with <CRLF>.<CRLF>");
          StringBuilder data = new StringBuilder();
          for (String d; (d = in.readLine()) != null && !d.equals(".");) {
            data.append(d).append("\n");
          }
          Matcher id = MESSAGE_ID.matcher(data);
          received.add(new Received(recipient, id.find() ? id.group(1) : null));
          if (answer == Answer.LOSE_FINAL_REPLY) {
            return; // the message is here; its "250" never leaves
          }
          say(out, "250 OK queued as " + received.size());
        } else if (command.startsWith("QUIT")) {
          say(out, "221 bye");
          return;
        } else {
          say(out, "500 unknown command");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Binds the port the application's mail settings name, which GreenMail has only just let go of. */
  private static ServerSocket bind(int port) {
    for (int attempt = 0; ; attempt++) {
      try {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
      } catch (BindException e) {
        if (attempt == 50) {
          throw new UncheckedIOException(e);
        }
        sleep();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
