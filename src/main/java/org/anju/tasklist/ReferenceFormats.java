package org.anju.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the numbers a county gives its papers are written: the appraisal report, the renovation agreement,
 * the archive. A format is a template of literal text and placeholders:
 * <ul>
 *   <li>{@code {year}}: four digits, a year 2000–2099;</li>
 *   <li>{@code {n}}: a serial number of 1 to 6 digits;</li>
 *   <li>{@code {place}}: a place name of 2 to 20 Chinese characters;</li>
 *   <li>{@code {township}}: the case's township name, exactly.</li>
 * </ul>
 * The province's defaults hold unless {@code anju.reference-formats.defaults.<field>} changes them, and a
 * county's own format ({@code anju.reference-formats.counties.<county>.<field>}) wins over both, e.g. an
 * archive number {@code {township}危改字[{year}]{n}号}.
 */
@ConfigurationProperties("anju.reference-formats")
public class ReferenceFormats {

  /** Where the province's formats are: the server checks them, the form generator hints at them. */
  static final String RESOURCE = "data/reference-formats.json";
  /** The formats when nothing is configured (the province's), by field. */
  public static final Map<String, String> BUILT_IN = load();

  public static final ReferenceFormats DEFAULTS = new ReferenceFormats();

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(year|n|place|township)}");
  private static final String YEAR = "20[0-9]{2}";
  private static final String SERIAL = "[0-9]{1,6}";
  private static final String PLACE = "\\p{IsHan}{2,20}";

  private Map<String, String> defaults = new HashMap<>();
  private Map<String, Map<String, String>> counties = new HashMap<>();

  public Map<String, String> getDefaults() {
    return defaults;
  }

  public void setDefaults(Map<String, String> defaults) {
    this.defaults = defaults;
  }

  public Map<String, Map<String, String>> getCounties() {
    return counties;
  }

  public void setCounties(Map<String, Map<String, String>> counties) {
    this.counties = counties;
  }

  private static Map<String, String> load() {
    try (InputStream in = ReferenceFormats.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return Map.copyOf(new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The format of {@code field} in {@code countyCode}, or empty when the field has none. */
  public Optional<String> format(String field, String countyCode) {
    Map<String, String> county = countyCode == null ? Map.of() : counties.getOrDefault(countyCode, Map.of());
    if (county.containsKey(field)) {
      return Optional.of(county.get(field));
    }
    return Optional.ofNullable(defaults.getOrDefault(field, BUILT_IN.get(field)));
  }

  /** Whether {@code value} is written in {@code format}, {@code {township}} standing for {@code township}. */
  public static boolean matches(String format, String value, String township) {
    StringBuilder regex = new StringBuilder();
    Matcher placeholder = PLACEHOLDER.matcher(format);
    int literalStart = 0;
    while (placeholder.find()) {
      regex.append(Pattern.quote(format.substring(literalStart, placeholder.start())));
      regex.append(switch (placeholder.group(1)) {
        case "year" -> YEAR;
        case "n" -> SERIAL;
        case "place" -> PLACE;
        default -> township == null ? PLACE : Pattern.quote(township);
      });
      literalStart = placeholder.end();
    }
    regex.append(Pattern.quote(format.substring(literalStart)));
    return Pattern.matches(regex.toString(), value);
  }

  /** The format as a clerk reads it: 年度, 序号, 乡镇名 for the placeholders (the forms' hints say the same). */
  public static String readable(String format) {
    return format.replace("{year}", "年度").replace("{n}", "序号").replace("{place}", "乡镇名")
        .replace("{township}", "本乡镇");
  }

  /** A number written in {@code format}, as a clerk would copy it: this year, serial 17. */
  public static String example(String format, int year, String township) {
    String place = township == null ? "宋家沟镇" : township;
    return format.replace("{year}", String.valueOf(year)).replace("{n}", "17").replace("{place}", place)
        .replace("{township}", place);
  }
}
