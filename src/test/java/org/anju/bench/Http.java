package org.anju.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to the running application as one user: with HTTP Basic, as a script calls Anju's API, or
 * with a webapp session, as Tasklist and Cockpit call the engine (session cookie and CSRF token).
 *
 * <p>HttpURLConnection sends a request's headers and body in one write, as browsers do; the JDK's
 * newer HttpClient writes them separately, and Nagle's algorithm against the server's delayed
 * acknowledgement then adds some 40 ms to every POST, which would be measured as Anju's latency.
 */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String authorization;
  private String csrfToken;

  Http(int port, String user, String password) {
    this(port);
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Http(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs in to a webapp ({@code tasklist}, {@code cockpit}) as its login page does. */
  static Http webappSession(int port, String app, String user, String password) {
    Http http = new Http(port);
    http.send("GET", "/camunda/app/" + app + "/default/", null, null);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    http.send("POST", "/camunda/api/admin/auth/user/default/login/" + app, "application/x-www-form-urlencoded",
        form.getBytes(StandardCharsets.UTF_8));
    http.get("/camunda/api/admin/auth/user/default"); // the CSRF token of the logged-in session
    return http;
  }

  String get(String path) {
    return send("GET", path, null, null);
  }

  String postJson(String path, Object body) {
    return post(path, body, "application/json");
  }

  /** As Tasklist asks for a page of tasks: HAL, which brings the count and the list's variables along. */
  String postHal(String path, Object body) {
    return post(path, body, "application/hal+json");
  }

  private String post(String path, Object body, String accept) {
    try {
      return send("POST", path, "application/json", JSON.writeValueAsBytes(body), accept);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String postFile(String path, String fileName, byte[] content) {
    String boundary = "anjubench" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** A multipart upload of one file of {@code mediaType} with further text fields (name, value, …). */
  String postFile(String path, String fileName, String mediaType, byte[] content, String... fields) {
    String boundary = "anjubench" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
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

  private String send(String method, String path, String contentType, byte[] body) {
    return send(method, path, contentType, body, "application/json");
  }

  private String send(String method, String path, String contentType, byte[] body, String accept) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      c.setRequestMethod(method);
      c.setInstanceFollowRedirects(false);
      c.setRequestProperty("Accept", accept);
      if (authorization != null) {
        c.setRequestProperty("Authorization", authorization);
      }
      if (csrfToken != null) {
        c.setRequestProperty("X-XSRF-TOKEN", csrfToken);
      }
      if (!cookies.isEmpty()) {
        c.setRequestProperty("Cookie", String.join("; ", cookies.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      if (body != null) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
      }
      int status = c.getResponseCode();
      for (String header : c.getHeaderFields().getOrDefault("Set-Cookie", List.of())) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
      String token = c.getHeaderField("X-XSRF-TOKEN");
      if (token != null) {
        csrfToken = token;
      }
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (in != null) {
        in.close();
      }
      if (status >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + status + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }
}
