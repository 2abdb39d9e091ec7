package org.anju.access;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.demo.DemoUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Failed logins lock a user out for one source only and for a while only, through HTTP Basic and the webapps'
 * login, from real remote addresses: the test connects from 127.0.0.x, every one of them a different source
 * (loopback on Linux). The engine's clock ({@link ClockUtil}) is moved instead of waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginLockoutTest {

  static final String USER = "klvillage";
  static final String ATTACKER = "127.0.0.3";
  static final String OWNER = "127.0.0.1";
  static final String TASKS = "/engine-rest/task?maxResults=1";

  /** The webapps' login behind the throttle, registered as SecurityConfig registers it. */
  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @BeforeEach
  void stopTheClock() {
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldLockAUserOutForOneSourceForAWhileAndLetTheOwnerInFromAnother() {
    for (int i = 1; i <= 5; i++) {
      assertThat(basic(ATTACKER, "wrong-" + i).status()).as("failure %d", i).isEqualTo(401);
    }

    Answer locked = basic(ATTACKER, DemoUsers.PASSWORD);
    assertThat(locked.status()).as("even the right password, unchecked: %s", locked).isEqualTo(429);
    assertThat(locked.headers()).containsEntry("retry-after", "60");
    assertThat(locked.body()).contains("Too many failed logins");

    assertThat(basic(OWNER, DemoUsers.PASSWORD).status()).as("the owner, from another address").isEqualTo(200);
    assertThat(basic("127.0.0.4", DemoUsers.PASSWORD).status()).isEqualTo(200);

    advance(Duration.ofSeconds(61));
    assertThat(basic(ATTACKER, DemoUsers.PASSWORD).status()).as("the right password once the lock expired")
        .isEqualTo(200);
    assertThat(basic(ATTACKER, "wrong-again").status()).as("a success starts the count again").isEqualTo(401);
  }

  @Test
  void shouldNeverLockAUserForGoodHoweverManyPasswordsAreWrong() {
    String attacker = "127.0.0.5";
    int checked = 0;
    while (checked < 15) {
      Answer answer = basic(attacker, "wrong-" + checked);
      if (answer.status() == 429) {
        advance(Duration.ofSeconds(Long.parseLong(answer.headers().get("retry-after")) + 1));
      } else {
        assertThat(answer.status()).isEqualTo(401);
        checked++;
      }
    }

    assertThat(identity.checkPassword(USER, DemoUsers.PASSWORD)).as("the engine has not locked the user").isTrue();
    assertThat(basic(attacker, DemoUsers.PASSWORD).status()).as("locked from the attacker's address for now")
        .isEqualTo(429);
    advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(basic(attacker, DemoUsers.PASSWORD).status()).as("after at most 15 minutes").isEqualTo(200);
  }

  @Test
  void shouldThrottleTheWebappLoginTheSameWay() {
    String attacker = "127.0.0.6";
    String user = "kltownship";
    for (int i = 1; i <= 5; i++) {
      assertThat(webappLogin(attacker, user, "wrong-" + i).status()).as("failure %d", i).isEqualTo(401);
    }

    Answer locked = webappLogin(attacker, user, DemoUsers.PASSWORD);
    assertThat(locked.status()).as("%s", locked).isEqualTo(429);
    assertThat(locked.headers()).containsKey("retry-after");
    assertThat(locked.body()).contains("Too many failed logins");
    assertThat(webappLogin(OWNER, user, DemoUsers.PASSWORD).status()).isEqualTo(200);

    advance(Duration.ofSeconds(61));
    assertThat(webappLogin(attacker, user, DemoUsers.PASSWORD).status()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- helpers

  private static void advance(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private Answer basic(String from, String password) {
    String credentials = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(UTF_8));
    return send(from, "GET " + TASKS, Map.of("Authorization", "Basic " + credentials), null);
  }

  /** As Tasklist's login page does: open the app for a session and its CSRF token, then post the form. */
  private Answer webappLogin(String from, String user, String password) {
    Answer page = send(from, "GET /camunda/app/tasklist/default/", Map.of(), null);
    String cookies = String.join("; ", page.cookies());
    String token = page.headers().get("x-xsrf-token");
    return send(from, "POST /camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies, "X-XSRF-TOKEN", token),
        "username=" + user + "&password=" + password);
  }

  /** One answer of the server, header names in lower case. */
  record Answer(int status, Map<String, String> headers, List<String> cookies, String body) {}

  /** HTTP/1.0 over a socket bound to {@code from}, so that the server sees that remote address. */
  private Answer send(String from, String requestLine, Map<String, String> headers, String body) {
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
      StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.0\r\nHost: localhost\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      byte[] content = body == null ? new byte[0] : body.getBytes(UTF_8);
      request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(UTF_8));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> answerHeaders = new LinkedHashMap<>();
      List<String> cookies = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).strip();
        answerHeaders.put(name, value);
        if (name.equals("set-cookie")) {
          cookies.add(value.split(";", 2)[0]);
        }
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, cookies, text.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
