package org.anju.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Chinese locale of each webapp is complete: every key of the English file shipped in
 * camunda-webapp-webjar (read from the classpath, so an upgrade that adds keys fails here) has a Chinese
 * entry of the same shape, not empty where the English is not, with the same {{placeholders}} and markup,
 * and each app's config.js offers it, first. Fix a failure with scripts/locales/make-zh-locales.py.
 */
class WebappsLocaleTest {

  static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
  static final Path OURS = Path.of("src/main/resources", WEBJAR);
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*\\}\\}|\\{\\}");
  static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyKeyOfTheShippedEnglishFileHasAChineseEntry(String app) throws IOException {
    JsonNode english = shippedEnglish(app);
    JsonNode chinese = json.readTree(Files.readString(OURS.resolve(app + "/locales/zh.json")));
    List<String> problems = new ArrayList<>();
    compare("", english, chinese, problems);
    assertThat(problems).as("%s/locales/zh.json against the shipped en.json", app).isEmpty();
    assertThat(chinese.path("labels").size()).as("labels of %s", app).isGreaterThan(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void eachAppOffersChineseFirstAndEnglish(String app) throws IOException {
    String config = Files.readString(OURS.resolve(app + "/scripts/config.js"));
    assertThat(config.replaceAll("\\s", "")).contains("availableLocales:['zh','en']").contains("fallbackLocale:'zh'");
  }

  private JsonNode shippedEnglish(String app) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(WEBJAR + app + "/locales/en.json")) {
      assertThat(in).as("the webapp jar's %s/locales/en.json on the classpath", app).isNotNull();
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
      return json.readTree(text);
    }
  }

  private static void compare(String path, JsonNode en, JsonNode zh, List<String> problems) {
    if (zh == null || zh.isMissingNode() || zh.isNull()) {
      problems.add(path + ": missing");
      return;
    }
    if (en.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = en.fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        compare(path + "." + field.getKey(), field.getValue(), zh.get(field.getKey()), problems);
      }
    } else if (en.isArray()) {
      if (!zh.isArray() || zh.size() != en.size()) {
        problems.add(path + ": must be a list of " + en.size());
        return;
      }
      for (int i = 0; i < en.size(); i++) {
        compare(path + "[" + i + "]", en.get(i), zh.get(i), problems);
      }
    } else if (en.isTextual()) {
      String text = zh.asText("");
      if (!zh.isTextual() || (text.isBlank() && !en.asText().isBlank())) {
        problems.add(path + ": empty, English '" + en.asText() + "'");
      } else if (!path.startsWith(".dateLocales") && (!all(PLACEHOLDER, en.asText()).equals(all(PLACEHOLDER, text))
          || !en.asText().startsWith("<") && !all(TAG, en.asText()).equals(all(TAG, text)))) {
        problems.add(path + ": placeholders or markup differ from '" + en.asText() + "': '" + text + "'");
      }
    } else if (!zh.getNodeType().equals(en.getNodeType())) {
      problems.add(path + ": must be a " + en.getNodeType());
    }
  }

  private static TreeSet<String> all(Pattern pattern, String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group().replaceAll("\\s", ""));
    }
    return found;
  }
}
