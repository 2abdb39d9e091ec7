package org.anju.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
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
  private static final Map<String, Set<String>> LISTS = load();
  /** Each option's label as the forms show it ("建档立卡贫困户 Registered poor household"), by list and value. */
  private static final Map<String, Map<String, String>> LABELS = loadLabels();

  public static final Set<String> KEY_GROUPS = values("keyGroups");
  public static final Set<String> HOUSE_STRUCTURES = values("houseStructures");
  public static final Set<String> SAFETY_GRADES = values("safetyGrades");
  public static final Set<String> RENOVATION_METHODS = values("renovationMethods");
  public static final Set<String> ALTERNATIVE_TYPES = values("alternativeTypes");
  public static final Set<String> BUILDER_TYPES = values("builderTypes");
  public static final Set<String> CHECK_LEVELS = values("checkLevels");
  public static final Set<String> CAMPAIGN_DEADLINES = values("campaignDeadlines");
  public static final Set<String> LIVELIHOODS = values("livelihoods");

  private FormOptions() {}

  /** The values of list {@code name}, in the order the forms offer them. */
  public static Set<String> values(String name) {
    Set<String> values = LISTS.get(name);
    if (values == null) {
      throw new IllegalArgumentException(RESOURCE + " has no list " + name);
    }
    return values;
  }

  /**
   * The Chinese part of the label the forms show for {@code value} of {@code list} (its set of values),
   * or the value itself when it is not an option of that list.
   */
  public static String chineseLabel(Set<String> list, String value) {
    for (Map.Entry<String, Set<String>> each : LISTS.entrySet()) {
      if (each.getValue().equals(list)) {
        String label = LABELS.getOrDefault(each.getKey(), Map.of()).get(value);
        if (label == null) {
          return value;
        }
        // up to the last Chinese character: "D级 整栋危房 Whole building dangerous" → "D级 整栋危房"
        int last = label.length() - 1;
        while (last >= 0 && label.charAt(last) < 0x2E80) {
          last--;
        }
        return last < 0 ? label : label.substring(0, last + 1).strip();
      }
    }
    return value;
  }

  /** Every list by name. */
  public static Map<String, Set<String>> all() {
    return LISTS;
  }

  private static Map<String, Map<String, String>> loadLabels() {
    try (InputStream in = FormOptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      Map<String, Map<String, String>> labels = new TreeMap<>();
      new ObjectMapper().readTree(in).fields().forEachRemaining(list -> {
        Map<String, String> byValue = new java.util.LinkedHashMap<>();
        list.getValue().forEach(option -> byValue.put(option.path("value").asText(), option.path("label").asText()));
        labels.put(list.getKey(), Collections.unmodifiableMap(byValue));
      });
      return Map.copyOf(labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Set<String>> load() {
    try (InputStream in = FormOptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Map<String, Set<String>> lists = new TreeMap<>();
      JsonNode root = new ObjectMapper().readTree(in);
      root.fields().forEachRemaining(list -> {
        Set<String> values = new LinkedHashSet<>();
        list.getValue().forEach(option -> values.add(option.path("value").asText()));
        lists.put(list.getKey(), Collections.unmodifiableSet(values));
      });
      return Map.copyOf(lists);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
