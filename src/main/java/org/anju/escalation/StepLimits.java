package org.anju.escalation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each step may take, by the id of its form: the step catalogue's limit, unless configured
 * for the province ({@code anju.step-limits.defaults.verify-housing=P10D}) or a county
 * ({@code anju.step-limits.counties.140929.verify-housing=P7D}). Steps whose due date the model
 * fixes itself (the subsidy, a rectification's deadline) have no limit in the catalogue.
 */
@ConfigurationProperties("anju.step-limits")
public class StepLimits {

  private Map<String, Duration> defaults = new HashMap<>();
  private Map<String, Map<String, Duration>> counties = new HashMap<>();

  public Map<String, Duration> getDefaults() {
    return defaults;
  }

  public void setDefaults(Map<String, Duration> defaults) {
    this.defaults = defaults;
  }

  public Map<String, Map<String, Duration>> getCounties() {
    return counties;
  }

  public void setCounties(Map<String, Map<String, Duration>> counties) {
    this.counties = counties;
  }

  /** The limit of a step in a county, or null when the step has none: {@code catalogued} unless configured. */
  Duration limit(String formId, String countyCode, Duration catalogued) {
    if (countyCode != null && counties.containsKey(countyCode) && counties.get(countyCode).containsKey(formId)) {
      return counties.get(countyCode).get(formId);
    }
    return defaults.getOrDefault(formId, catalogued);
  }
}
