package org.anju.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labels clerks see for each field, read from the forms, so that a refusal names the field as
 * the form does ("核验日期 Verification date · verificationDate: …") and not only by its variable.
 */
final class FieldLabels {

  private static final Map<String, String> LABELS = load();

  private FieldLabels() {}

  static String of(String field) {
    String label = LABELS.get(field);
    return label == null ? field : label + " · " + field;
  }

  private static Map<String, String> load() {
    Map<String, String> labels = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          Deque<JsonNode> pending = new ArrayDeque<>();
          pending.add(json.readTree(in));
          while (!pending.isEmpty()) {
            JsonNode node = pending.poll();
            node.path("components").forEach(pending::add);
            String key = node.path("key").asText(null);
            String label = node.hasNonNull("label") ? node.get("label").asText() : node.path("dateLabel").asText(null);
            if (key != null && label != null && !node.path("disabled").asBoolean(false)) {
              labels.putIfAbsent(key, label);
            }
          }
        }
      }
    } catch (IOException e) {
      return Map.of(); // labels are a courtesy; the variable name alone still names the field
    }
    return Map.copyOf(labels);
  }
}
