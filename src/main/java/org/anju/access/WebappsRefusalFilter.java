package org.anju.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tasklist submits its forms through the webapps' own mount of the engine REST API
 * ({@code /camunda/api/engine/…/submit-form}), whose exception mappers are Camunda's and not
 * {@link RestRefusals}: a refused form comes back as "Cannot submit task form &lt;id&gt;: …" or "Cannot
 * instantiate process definition &lt;id&gt;: …". This takes the REST API's prefix, with its id, off the
 * message of such a 400, so that the clerk reads Anju's sentence alone, as on {@code /engine-rest}.
 */
public class WebappsRefusalFilter extends OncePerRequestFilter {

  private static final Pattern PREFIX =
      Pattern.compile("^(?:Cannot submit task form|Cannot instantiate process definition) [^ :]+: ");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
      if (answer.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
        rewrite(answer);
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  private static void rewrite(ContentCachingResponseWrapper answer) throws IOException {
    byte[] body = answer.getContentAsByteArray();
    Map<String, Object> error;
    try {
      error = JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
    } catch (IOException notJson) {
      return;
    }
    if (error.get("message") instanceof String message && PREFIX.matcher(message).find()) {
      error.put("message", PREFIX.matcher(message).replaceFirst(""));
      answer.resetBuffer();
      answer.getOutputStream().write(JSON.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
    }
  }
}
