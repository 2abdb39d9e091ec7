package org.anju.access;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Names the field whose submitted value does not fit its declared type ("abc" as a Double): the REST
 * API converts values before any engine code runs and its refusal names no field. Only for the form
 * submissions staff send; which fields a submission may carry at all is the engine's
 * {@code FormSubmissionPolicy}. The body is already bounded by {@link RequestBodyLimit}.
 */
final class SubmittedValues {

  static final Pattern SUBMISSION = Pattern.compile(
      "/(task/[^/]+/(submit-form|complete)|process-definition/(key/[^/]+|[^/]+)/(submit-form|start))");

  static final java.util.Set<String> PLAIN_TYPES = java.util.Set.of("String", "Boolean", "Long", "Integer", "Short",
      "Double", "Null");

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedValues() {}

  /** The problems of the body's {@code variables}, each naming its field; empty for a body that is not JSON. */
  static List<String> problems(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException malformed) {
      return List.of("body: is not valid JSON / 请求内容不是有效的 JSON");
    }
    if (root == null || root.isMissingNode()) {
      return List.of(); // no body: a submission without values, which the step's rule judges
    }
    if (!root.isObject() || root.has("variables") && !root.get("variables").isObject()) {
      return List.of("body: must be a JSON object with its values under \"variables\" / 请求内容必须是 JSON 对象");
    }
    JsonNode variables = root.path("variables");
    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      String type = entry.getValue().path("type").asText("String");
      JsonNode value = entry.getValue().path("value");
      if (!PLAIN_TYPES.contains(type)) {
        problems.add(entry.getKey() + ": type '" + type + "' is not accepted here, only text, numbers and yes/no"
            + " / 只接受文字、数字和是/否");
      } else if (!value.isMissingNode() && !value.isNull() && !fits(type, value)) {
        problems.add(entry.getKey() + ": '" + value.asText() + "' is not a valid " + type + " / 不是有效的" + type);
      }
    }
    return problems;
  }

  private static boolean fits(String type, JsonNode value) {
    return switch (type) {
      case "Boolean" -> value.isBoolean() || value.asText().matches("true|false");
      case "Long", "Integer", "Short" -> value.isIntegralNumber() && value.canConvertToLong()
          || value.asText().matches("-?\\d{1,18}");
      case "Double" -> value.isNumber() || value.asText().matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
      default -> true;
    };
  }

  /** The request with its body read once and kept for the REST API. */
  static HttpServletRequest withBody(HttpServletRequest request, byte[] body) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
          @Override
          public int read() {
            return in.read();
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
          }

          @Override
          public boolean isFinished() {
            return in.available() == 0;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
          }
        };
      }

      @Override
      public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
      }
    };
  }
}
