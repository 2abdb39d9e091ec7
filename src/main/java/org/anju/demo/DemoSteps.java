package org.anju.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anju.campaign.CampaignSteps;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdSteps;
import org.anju.household.Registration;
import org.anju.rectification.RectificationSteps;
import org.anju.region.ResidentIdNumber;
import org.anju.relocation.RelocationSteps;
import org.anju.tasklist.Step;
import org.anju.tasklist.Steps;

/**
 * Valid form values for every step, as a clerk would enter them on the way to "made safe by
 * renovation", read from the step catalogues: the demo data walks cases with them, and tests start from
 * them and change one value at a time. Dates lie before {@code today}, in the order the rules require.
 */
public final class DemoSteps {

  private static final Steps STEPS =
      new Steps(List.of(new HouseholdSteps(), new RectificationSteps(), new CampaignSteps(), new RelocationSteps()));

  private DemoSteps() {}

  /** A registration in a demo county, with a valid resident ID derived from {@code sequence}. */
  public static Registration registration(DemoUsers.DemoCounty county, String headName, String village,
      KeyGroup group, int sequence, boolean dynamicGuarantee) {
    return new Registration(headName, residentId(county.countyCode(), 1950 + sequence % 50, sequence),
        group, county.cityCode(), county.countyCode(), county.townshipCode(), village,
        village + sequence + "号", 1 + sequence % 5, dynamicGuarantee);
  }

  /** A valid resident ID number: address code, birth date 1 March of {@code birthYear}, sequence. */
  public static String residentId(String addressCode, int birthYear, int sequence) {
    String first17 = "%s%d0301%03d".formatted(addressCode, birthYear, sequence % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** The values a clerk submits for {@code activityId} on a renovation path ending today, from its catalogue entry. */
  public static Map<String, Object> valuesFor(String activityId, LocalDate today) {
    Step step = STEPS.step(activityId)
        .orElseThrow(() -> new IllegalArgumentException("no demo values for step " + activityId));
    return new HashMap<>(step.demoValues().apply(today));
  }
}
