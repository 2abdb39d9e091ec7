package org.anju.access;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** An engine-REST-shaped error ({@code type}, {@code message}) written by a filter, before the REST API runs. */
final class RestResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RestResponses() {}

  static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", type, "message", message)));
  }
}
