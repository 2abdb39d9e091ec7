package org.anju.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seismic fortification intensity of each county (抗震设防烈度, GB 18306), reference data in
 * {@code data/seismic-intensity.csv}: a county's own row, else its city's, else the province's. In a
 * county of {@link #REINFORCE_FROM} or more, a renovation must carry anti-seismic measures and a house that
 * is not dangerous but not built to resist earthquakes is reinforced (农房抗震改造).
 */
public final class SeismicZoning {

  static final String RESOURCE = "data/seismic-intensity.csv";

  /** The intensity from which anti-seismic measures are required: 7 degrees, as the policy says. */
  public static final int REINFORCE_FROM = 7;

  private static final Map<String, Integer> BY_CODE = load();

  private SeismicZoning() {}

  /** The intensity of a county; throws for a code no row covers, which a complete file never has. */
  public static int intensityOf(String countyCode) {
    for (int length = countyCode == null ? 0 : countyCode.length(); length >= 2; length -= 2) {
      Integer intensity = BY_CODE.get(countyCode.substring(0, length));
      if (intensity != null) {
        return intensity;
      }
    }
    throw new IllegalArgumentException(RESOURCE + " covers no row for county " + countyCode);
  }

  /** Whether a county lies in a zone where renovations must resist earthquakes. */
  public static boolean requiresMeasures(String countyCode) {
    return countyCode != null && intensityOf(countyCode) >= REINFORCE_FROM;
  }

  private static Map<String, Integer> load() {
    Map<String, Integer> byCode = new TreeMap<>();
    try (InputStream in = SeismicZoning.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("code,"))
          .forEach(line -> {
            String[] cells = line.split(",", 3);
            int intensity = Integer.parseInt(cells[1].strip());
            if (intensity < 6 || intensity > 9) {
              throw new IllegalStateException(RESOURCE + ": intensity " + intensity + " of " + cells[0]
                  + " is not one of GB 18306's 6 to 9");
            }
            byCode.put(cells[0].strip(), intensity);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(byCode);
  }
}
