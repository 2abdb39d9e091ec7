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
 * the form does ("入户核查日期：… / Home visit date: …") and not by its variable.
 */
public final class FieldLabels {

  /** The name of a problem that concerns the form as a whole. */
  static final String FORM = "form";

  /** A label in its two languages: the form's "入户核查日期 Home visit date" is 入户核查日期 and Home visit date. */
  public record Label(String zh, String en) {

    static Label of(String label) {
      int at = 0;
      while (at < label.length() && !(label.charAt(at) < 0x2E80 && Character.isLetter(label.charAt(at)))) {
        at++;
      }
      String zh = label.substring(0, at).strip();
      String en = label.substring(at).strip();
      return new Label(zh.isEmpty() ? en : zh, en.isEmpty() ? zh : en);
    }
  }

  private static final Map<String, Label> LABELS = load();

  private FieldLabels() {}

  /** The field's label; a field no form shows is named by its variable. */
  public static Label label(String field) {
    Label label = LABELS.get(field);
    return label == null ? new Label(field, field) : label;
  }

  private static Map<String, Label> load() {
    Map<String, Label> labels = new HashMap<>();
    labels.put(FORM, new Label("表单", "Form"));
    labels.put("documents", new Label("资料", "Documents"));
    labels.put("file", new Label("文件", "File"));
    labels.put("record", new Label("资料类型", "Document type"));
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
              labels.putIfAbsent(key, Label.of(label));
            }
          }
        }
      }
    } catch (IOException e) {
      return Map.of(FORM, labels.get(FORM)); // labels are a courtesy; the variable name alone still names the field
    }
    return Map.copyOf(labels);
  }
}
