package org.anju.escalation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each step may take, by the id of its form, with a county's own limits overriding the
 * province defaults: {@code anju.step-limits.defaults.verify-housing=P10D},
 * {@code anju.step-limits.counties.140929.verify-housing=P7D}. Steps whose due date the model
 * fixes itself (the subsidy, a rectification's deadline) are not configured here.
 */
@ConfigurationProperties("anju.step-limits")
public class StepLimits {

  /** The defaults: the notice periods of domain.md where a step is one, otherwise Anju's judgement. */
  static final Map<String, Duration> BUILT_IN = Map.ofEntries(
      Map.entry("confirm-identification", Duration.ofDays(7)),
      Map.entry("verify-housing", Duration.ofDays(14)),
      Map.entry("appraise-house", Duration.ofDays(14)),
      Map.entry("confirm-relocation", Duration.ofDays(14)),
      Map.entry("arrange-alternative-housing", Duration.ofDays(30)),
      Map.entry("village-review", Duration.ofDays(7)),
      Map.entry("township-review", Duration.ofDays(7)),
      Map.entry("county-approval", Duration.ofDays(7)),
      Map.entry("sign-agreement", Duration.ofDays(14)),
      Map.entry("start-construction", Duration.ofDays(14)),
      Map.entry("inspect-construction", Duration.ofDays(30)),
      Map.entry("inspect-acceptance", Duration.ofDays(14)),
      Map.entry("supply-archive-data", Duration.ofDays(14)),
      Map.entry("archive-case", Duration.ofDays(14)),
      Map.entry("conduct-check", Duration.ofDays(14)),
      Map.entry("verify-rectification", Duration.ofDays(7)),
      Map.entry("close-out-problem", Duration.ofDays(7)),
      Map.entry("supervise-county", Duration.ofDays(14)));

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

  /** The limit of a step in a county, or null when the step has none. */
  public Duration limit(String formId, String countyCode) {
    if (countyCode != null && counties.containsKey(countyCode) && counties.get(countyCode).containsKey(formId)) {
      return counties.get(countyCode).get(formId);
    }
    return defaults.getOrDefault(formId, BUILT_IN.get(formId));
  }
}
