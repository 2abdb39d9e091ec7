package org.anju.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Variables in the engine REST API's form ({@code {"value": …, "type": …}}), typed as Tasklist types them. */
public final class RestVariables {

  private RestVariables() {}

  public static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", typeOf(value))));
    return variables;
  }

  public static String typeOf(Object value) {
    if (value instanceof Boolean) {
      return "Boolean";
    }
    if (value instanceof Double) {
      return "Double";
    }
    if (value instanceof Number) {
      return "Long";
    }
    return "String";
  }
}
