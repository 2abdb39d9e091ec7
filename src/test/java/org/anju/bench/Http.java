package org.anju.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP to the running application as one user (HTTP Basic), as a browser or script would call it. */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;
  private final String authorization;

  Http(int port, String user, String password) {
    this.base = "http://localhost:" + port;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
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
