package org.anju.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields a clerk may fill in a deployed Camunda Form: every component with a key that is not
 * disabled. Read once per process definition and form, since a deployed form never changes.
 */
final class FormFields {

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Set<String>> editable = new ConcurrentHashMap<>();

  /** The editable keys of the form that {@code form} opens, cached under {@code cacheKey}. */
  Set<String> editable(String cacheKey, Supplier<InputStream> form) {
    return editable.computeIfAbsent(cacheKey, k -> parse(form.get()));
  }

  private Set<String> parse(InputStream form) {
    Set<String> keys = new HashSet<>();
    try (form) {
      List<JsonNode> pending = new ArrayList<>(List.of(json.readTree(form)));
      while (!pending.isEmpty()) {
        JsonNode node = pending.remove(pending.size() - 1);
        node.path("components").forEach(pending::add);
        if (node.hasNonNull("key") && !node.path("disabled").asBoolean(false)) {
          keys.add(node.get("key").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(keys);
  }
}
