package org.anju.tasklist;

import org.anju.clock.AnjuClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed, checked access to the variables of a step as the form left them. Every getter that finds
 * a value missing or malformed records the reason in {@link FieldErrors} and returns empty, so a
 * rule can report every problem of a form at once.
 */
public final class StepValues {

  /** Markup, control characters and bidirectional overrides: never needed in what clerks type. */
  private static final Pattern MARKUP =
      Pattern.compile("[<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\u202A-\\u202E\\u2066-\\u2069]");
  /** Line breaks and tabs, allowed only in the multi-line fields (notes, remarks, defects). */
  private static final Pattern LINE_BREAK = Pattern.compile("[\\t\\n\\r]");
  /**
   * What is not visible but changes what a text says or how it compares: C1 controls (U+0080..U+009F),
   * format characters (zero-width spaces and joiners U+200B..U+200F, U+2060..U+2064, U+FEFF, the soft
   * hyphen U+00AD, …), line and paragraph separators (U+2028, U+2029) and surrogates without their pair,
   * which no keyboard produces and which make two names that look alike compare as different.
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}&&[^\\t\\n\\r]]");
  /** Spaces of every kind and the fillers that render as nothing: what is left of a blank name. */
  private static final Pattern BLANK = Pattern.compile("[\\p{Z}\\s\\u115F\\u1160\\u2800\\u3164\\uFFA0]*");
  /** A date as the forms write it; {@link LocalDate#parse} alone would accept signed and 5-digit years. */
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  /** No step of the campaign happened before 2000, and no deadline lies after 2099. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
  public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

  private final VariableScope scope;
  private final FieldErrors errors;
  private final ReferenceFormats formats;

  public StepValues(VariableScope scope, FieldErrors errors) {
    this(scope, errors, ReferenceFormats.DEFAULTS);
  }

  public StepValues(VariableScope scope, FieldErrors errors, ReferenceFormats formats) {
    this.scope = scope;
    this.errors = errors;
    this.formats = formats;
  }

  public FieldErrors errors() {
    return errors;
  }

  public LocalDate today() {
    return AnjuClock.today();
  }

  public Object raw(String name) {
    return scope.getVariable(name);
  }

  /** A required single line of at most {@code maxLength} characters: a name, a number, an address. */
  public Optional<String> line(String name, int maxLength) {
    Object value = raw(name);
    if (value instanceof String text && LINE_BREAK.matcher(text).find()) {
      errors.add(name, "只能填写一行", "must be a single line");
      return Optional.empty();
    }
    return text(name, maxLength);
  }

  /** A required number of a paper (report, agreement, archive), written in its county's format. */
  public Optional<String> reference(String name, int maxLength) {
    return inFormat(name, line(name, maxLength));
  }

  /** An optional number of a paper, written in its county's format when given. */
  public Optional<String> optionalReference(String name, int maxLength) {
    return inFormat(name, optionalText(name, maxLength));
  }

  private Optional<String> inFormat(String name, Optional<String> value) {
    Optional<String> format = formats.format(name, CaseVariables.COUNTY_CODE.find(scope).orElse(null));
    if (value.isEmpty() || format.isEmpty()) {
      return value;
    }
    String township = CaseVariables.TOWNSHIP_NAME.find(scope).orElse(null);
    if (!ReferenceFormats.matches(format.get(), value.get(), township)) {
      String example = ReferenceFormats.example(format.get(), today().getYear(), township);
      errors.add(name, "应按本县格式 " + ReferenceFormats.readable(format.get()) + " 填写，如 " + example + "，而不是“" + value.get() + "”",
          "must be written as " + format.get() + ", e.g. " + example + ", not '" + value.get() + "'");
      return Optional.empty();
    }
    return value;
  }

  /** A required text of at most {@code maxLength} characters, which may span lines. */
  public Optional<String> text(String name, int maxLength) {
    Optional<String> value = optionalText(name, maxLength);
    if (value.isEmpty() && !hasFieldError(name)) {
      errors.add(name, "必填", "is required");
    }
    return value;
  }

  /** An optional text of at most {@code maxLength} characters; blank counts as absent. */
  public Optional<String> optionalText(String name, int maxLength) {
    Object value = raw(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      errors.add(name, "必须是文字", "must be text");
      return Optional.empty();
    }
    if (text.length() > maxLength) {
      errors.add(name, "最多 " + maxLength + " 个字，现为 " + text.length() + " 个",
          "must have at most " + maxLength + " characters, not " + text.length());
      return Optional.empty();
    }
    Optional<String[]> problem = characterProblemZhEn(text);
    if (problem.isPresent()) {
      errors.add(name, problem.get()[0], problem.get()[1]);
      return Optional.empty();
    }
    return isBlank(text) ? Optional.empty() : Optional.of(text.strip());
  }

  /**
   * Why {@code text} may not be shown in Tasklist, Cockpit or Admin, or empty: markup, control characters,
   * invisible and format characters, line or paragraph separators, broken surrogates. Line breaks and tabs
   * are left to the caller, since multi-line fields allow them.
   */
  public static Optional<String> characterProblem(String text) {
    return characterProblemZhEn(text).map(reason -> reason[1]);
  }

  /** {@link #characterProblem}, in Chinese and in English. */
  static Optional<String[]> characterProblemZhEn(String text) {
    if (MARKUP.matcher(text).find()) {
      // what clerks type is shown in Tasklist and Cockpit: markup is never needed, and never allowed
      return Optional.of(new String[] {"不能含有 < 或 > 或控制字符", "must not contain < or > or control characters"});
    }
    Matcher invisible = INVISIBLE.matcher(text);
    if (invisible.find()) {
      int codePoint = text.codePointAt(invisible.start());
      String[] kind = switch (Character.getType(codePoint)) {
        case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> new String[] {"换行符或分段符", "line or paragraph separators"};
        case Character.SURROGATE -> new String[] {"残缺字符（不成对的代理项）", "broken characters (a surrogate without its pair)"};
        default -> new String[] {"不可见字符或格式字符", "invisible or formatting characters"};
      };
      String where = "U+%04X".formatted(codePoint);
      int position = invisible.start() + 1;
      return Optional.of(new String[] {"不能含有" + kind[0] + "，第 " + position + " 个字符是 " + where,
          "must not contain " + kind[1] + ", found " + where + " at position " + position});
    }
    return Optional.empty();
  }

  /** "Village review date" as it reads inside a sentence: "the village review date". */
  private static String lower(String label) {
    return label.length() > 1 && Character.isUpperCase(label.charAt(0)) && !Character.isUpperCase(label.charAt(1))
        ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
  }

  /** True when nothing visible is left of {@code text} once spaces of every kind are taken away. */
  public static boolean isBlank(String text) {
    return BLANK.matcher(text).matches();
  }

  /** A required value out of {@code allowed}. */
  public Optional<String> oneOf(String name, Set<String> allowed) {
    Optional<String> value = text(name, 64);
    if (value.isPresent() && !allowed.contains(value.get())) {
      errors.add(name, "只能从选项中选择，“" + value.get() + "”不是选项",
          "must be one of " + allowed.stream().sorted().toList() + ", not '" + value.get() + "'");
      return Optional.empty();
    }
    return value;
  }

  /** A checkbox: absent counts as unticked. */
  public boolean flag(String name) {
    Object value = raw(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    errors.add(name, "只能是“是”或“否”", "must be true or false");
    return false;
  }

  /** A required checkbox decision that must have been submitted, true or false. */
  public Optional<Boolean> decision(String name) {
    Object value = raw(name);
    if (value == null) {
      errors.add(name, "必填", "is required");
      return Optional.empty();
    }
    if (value instanceof Boolean bool) {
      return Optional.of(bool);
    }
    errors.add(name, "只能是“是”或“否”", "must be true or false");
    return Optional.empty();
  }

  /** A required whole number in [{@code min}, {@code max}]. */
  public Optional<Long> wholeNumber(String name, long min, long max) {
    Object value = raw(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.add(name, "必填", "is required");
      return Optional.empty();
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      errors.add(name, "必须是整数", "must be a whole number");
      return Optional.empty();
    }
    long result = number.longValue();
    if (result < min || result > max) {
      errors.add(name, "必须在 " + min + " 到 " + max + " 之间，现为 " + result,
          "must be between " + min + " and " + max + ", not " + result);
      return Optional.empty();
    }
    return Optional.of(result);
  }

  /** A required number in [{@code min}, {@code max}]. */
  public Optional<Double> number(String name, double min, double max) {
    Object value = raw(name);
    if (value == null) {
      errors.add(name, "必填", "is required");
      return Optional.empty();
    }
    if (!(value instanceof Number number) || Double.isNaN(number.doubleValue())) {
      errors.add(name, "必须是数字", "must be a number");
      return Optional.empty();
    }
    double result = number.doubleValue();
    if (result < min || result > max) {
      errors.add(name, "必须在 " + min + " 到 " + max + " 之间，现为 " + result,
          "must be between " + min + " and " + max + ", not " + result);
      return Optional.empty();
    }
    return Optional.of(result);
  }

  /** A required date (yyyy-MM-dd) that is not in the future. */
  public Optional<LocalDate> pastDate(String name) {
    Optional<LocalDate> date = date(name);
    if (date.isPresent() && date.get().isAfter(today())) {
      errors.add(name, "不能晚于今天（" + date.get() + "）", "must not be in the future (" + date.get() + ")");
      return Optional.empty();
    }
    return date;
  }

  /** A required date (yyyy-MM-dd). */
  public Optional<LocalDate> date(String name) {
    Optional<LocalDate> date = optionalDate(name);
    if (date.isEmpty() && !hasFieldError(name)) {
      errors.add(name, "必填", "is required");
    }
    return date;
  }

  /** An optional date (yyyy-MM-dd). */
  public Optional<LocalDate> optionalDate(String name) {
    Object value = raw(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      errors.add(name, "日期须写成 2020-03-31 的格式", "must be a date written like 2020-03-31");
      return Optional.empty();
    }
    if (!ISO_DATE.matcher(text).matches()) {
      // the value is stored as it came: refusing " 2020-03-31 " keeps what was checked and what is stored the same
      errors.add(name, "日期须写成 2020-03-31 的格式（不含空格），“" + text + "”不是",
          "must be a date like 2020-03-31 (no spaces), not '" + text + "'");
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(name, "日期须写成 2020-03-31 的格式，“" + value + "”不是有效日期",
          "must be a date like 2020-03-31, not '" + value + "'");
      return Optional.empty();
    }
    if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
      errors.add(name, "（" + date + "）须在 " + EARLIEST_DATE + " 到 " + LATEST_DATE + " 之间",
          "(" + date + ") must lie between " + EARLIEST_DATE + " and " + LATEST_DATE);
      return Optional.empty();
    }
    return Optional.of(date);
  }

  /** Records that {@code later} must not be before {@code earlier}, when both are known. */
  public void notBefore(String laterName, Optional<LocalDate> later, String earlierName) {
    Optional<LocalDate> earlier = optionalDate(earlierName);
    if (later.isPresent() && earlier.isPresent() && later.get().isBefore(earlier.get())) {
      FieldLabels.Label before = FieldLabels.label(earlierName);
      errors.add(laterName, "（" + later.get() + "）不能早于" + before.zh() + "（" + earlier.get() + "）",
          "(" + later.get() + ") must not be before the " + lower(before.en()) + " (" + earlier.get() + ")");
    }
  }

  private boolean hasFieldError(String name) {
    return errors.has(name);
  }
}
