package org.anju.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.household.HouseholdCaseProcess.Vars;

/**
 * The columns of a household register, named as the start form's variables, and how a cell's text
 * becomes the value the start form would have submitted.
 */
final class RegisterColumns {

  static final List<String> ALL = List.of(Vars.HEAD_NAME, Vars.RESIDENT_ID, Vars.KEY_GROUP, Vars.CITY_CODE,
      Vars.COUNTY_CODE, Vars.TOWNSHIP_CODE, Vars.VILLAGE, Vars.HOUSE_ADDRESS, Vars.HOUSEHOLD_SIZE,
      Vars.DYNAMIC_GUARANTEE);

  private RegisterColumns() {}

  /** A register's header: which cell holds which column. */
  record Header(Map<String, Integer> index) {

    /** The header of {@code cells}; the missing columns when it lacks any. */
    static Header of(List<String> cells, List<String> missing) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        String name = cells.get(i) == null ? "" : cells.get(i).strip();
        for (String column : ALL) {
          if (column.equalsIgnoreCase(name)) {
            index.putIfAbsent(column, i);
          }
        }
      }
      for (String column : ALL) {
        if (!index.containsKey(column)) {
          missing.add(column);
        }
      }
      return new Header(index);
    }

    /** The start variables of one row: blank cells are absent, as an empty form field is. */
    Map<String, Object> variables(List<String> cells) {
      Map<String, Object> variables = new HashMap<>();
      for (String column : ALL) {
        int i = index.get(column);
        String text = i < cells.size() ? cells.get(i) : null;
        if (text == null || text.isBlank()) {
          continue;
        }
        variables.put(column, value(column, text.strip()));
      }
      return variables;
    }
  }

  /** Whether a row is blank (skipped) or a comment (first cell starts with {@code #}). */
  static boolean ignored(List<String> cells) {
    if (!cells.isEmpty() && cells.get(0) != null && cells.get(0).strip().startsWith("#")) {
      return true;
    }
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }

  static Object value(String column, String text) {
    if (Vars.HOUSEHOLD_SIZE.equals(column)) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        try {
          return Double.parseDouble(text); // "3.0" from a spreadsheet is still 3; "3.5" is refused
        } catch (NumberFormatException notANumber) {
          return text; // refused by the rules as "must be a whole number"
        }
      }
    }
    if (Vars.DYNAMIC_GUARANTEE.equals(column)) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "是" -> Boolean.TRUE;
        case "false", "否" -> Boolean.FALSE;
        default -> text; // refused by the rules as "must be true or false"
      };
    }
    return text;
  }
}
