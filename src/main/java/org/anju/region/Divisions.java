package org.anju.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Shanxi's divisions, read from {@code data/shanxi-divisions.csv}: versioned reference data, since
 * codes change with mergers.
 */
@Component
public class Divisions {

  public static final String RESOURCE = "data/shanxi-divisions.csv";

  private final Map<String, Division> byCode;

  public Divisions() {
    this.byCode = load();
  }

  public Optional<Division> find(String code) {
    return Optional.ofNullable(code).map(byCode::get);
  }

  /** True when {@code childCode} is a division of {@code level} directly below {@code parentCode}. */
  public boolean isChild(String childCode, Division.Level level, String parentCode) {
    return find(childCode)
        .filter(d -> d.level() == level && d.parentCode().equals(parentCode))
        .isPresent();
  }

  /** The divisions directly below {@code parentCode}, in code order. */
  public java.util.List<Division> childrenOf(String parentCode) {
    return byCode.values().stream().filter(d -> parentCode.equals(d.parentCode()))
        .sorted(java.util.Comparator.comparing(Division::code)).toList();
  }

  public String nameOf(String code) {
    return find(code).map(Division::name).orElse(code);
  }

  public int size() {
    return byCode.size();
  }

  private static Map<String, Division> load() {
    Map<String, Division> divisions = new LinkedHashMap<>();
    try (InputStream in = Divisions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header: code,name,level,parent_code
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        String name = cells[1].replace("\"", "");
        Division.Level level = Division.Level.valueOf(cells[2].toUpperCase(Locale.ROOT));
        divisions.put(cells[0], new Division(cells[0], name, level, cells[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(divisions);
  }
}
