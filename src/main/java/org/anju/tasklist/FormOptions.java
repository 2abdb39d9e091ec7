package org.anju.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The option lists that the forms offer and the server's rules check, from one source,
 * {@code data/form-options.json}, which {@code scripts/forms/generate-forms.mjs} reads as well.
 */
public final class FormOptions {

  static final String RESOURCE = "data/form-options.json";
  private static final Map<String, Map<String, String>> LISTS = load();

  public static final Set<String> KEY_GROUPS = values("keyGroups");
  public static final Set<String> HOUSE_STRUCTURES = values("houseStructures");
  public static final Set<String> SAFETY_GRADES = values("safetyGrades");
  public static final Set<String> RENOVATION_METHODS = values("renovationMethods");
  public static final Set<String> ALTERNATIVE_TYPES = values("alternativeTypes");
  public static final Set<String> BUILDER_TYPES = values("builderTypes");
  public static final Set<String> CHECK_LEVELS = values("checkLevels");
  public static final Set<String> CAMPAIGN_DEADLINES = values("campaignDeadlines");
  /** Not a select: the province's format of each paper number (value: the field, label: the format). */
  public static final String REFERENCE_FORMATS = "referenceFormats";

  private FormOptions() {}

  /** The values of list {@code name}, in the order the forms offer them. */
  public static Set<String> values(String name) {
    return labels(name).keySet();
  }

  /** The labels of list {@code name} by value, in the order the forms offer them. */
  public static Map<String, String> labels(String name) {
    Map<String, String> labels = LISTS.get(name);
    if (labels == null) {
      throw new IllegalArgumentException(RESOURCE + " has no list " + name);
    }
    return labels;
  }

  /** Every list a select offers, by name. */
  public static Map<String, Set<String>> all() {
    Map<String, Set<String>> all = new TreeMap<>();
    LISTS.forEach((name, labels) -> {
      if (!name.equals(REFERENCE_FORMATS)) {
        all.put(name, labels.keySet());
      }
    });
    return Collections.unmodifiableMap(all);
  }

  private static Map<String, Map<String, String>> load() {
    try (InputStream in = FormOptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Map<String, Map<String, String>> lists = new TreeMap<>();
      JsonNode root = new ObjectMapper().readTree(in);
      root.fields().forEachRemaining(list -> {
        Map<String, String> labels = new LinkedHashMap<>();
        list.getValue().forEach(option -> labels.put(option.path("value").asText(), option.path("label").asText()));
        lists.put(list.getKey(), Collections.unmodifiableMap(labels));
      });
      return Map.copyOf(lists);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
