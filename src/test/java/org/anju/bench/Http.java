package org.anju.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to the running application as one user: with HTTP Basic, as a script calls Anju's API, or
 * with a webapp session, as Tasklist and Cockpit call the engine (session cookie and CSRF token).
 */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient client;
  private String authorization;
  private String csrfToken;

  Http(int port, String user, String password) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newHttpClient();
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Http(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
  }

  /** Logs in to a webapp ({@code tasklist}, {@code cockpit}) as its login page does. */
  static Http webappSession(int port, String app, String user, String password) {
    Http http = new Http(port);
    http.send(http.request("/camunda/app/" + app + "/default/").GET().build());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    http.send(http.request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    http.get("/camunda/api/admin/auth/user/default"); // the CSRF token of the logged-in session
    return http;
  }

  String get(String path) {
    return send(request(path).GET().build());
  }

  String postJson(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String postFile(String path, String fileName, byte[] content) {
    String boundary = "anjubench" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (IOException e) {
      throw new IllegalStateException("not a JSON object: " + json, e);
    }
  }

  static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    return request;
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
