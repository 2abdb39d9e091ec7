package org.anju.campaign;

import java.util.Map;

import org.anju.tasklist.StepRule;
import org.anju.tasklist.StepRules;
import org.anju.tasklist.StepValues;
import org.springframework.stereotype.Component;

/** The server's check of the supervision form, at city and province level and for both deadlines. */
@Component
public class CampaignStepRules implements StepRules {

  static final StepRule SUPERVISE = CampaignStepRules::supervise;

  @Override
  public Map<String, StepRule> byActivityId() {
    return Map.of(
        HousingCampaignProcess.Elements.TASK_CITY_SUPERVISION_START, SUPERVISE,
        HousingCampaignProcess.Elements.TASK_PROVINCE_SUPERVISION_START, SUPERVISE,
        HousingCampaignProcess.Elements.TASK_CITY_SUPERVISION_COMPLETION, SUPERVISE,
        HousingCampaignProcess.Elements.TASK_PROVINCE_SUPERVISION_COMPLETION, SUPERVISE);
  }

  static void supervise(StepValues v) {
    v.text(HousingCampaignProcess.Vars.SUPERVISION_MEASURES, 2000);
    v.pastDate(HousingCampaignProcess.Vars.SUPERVISION_DATE);
  }
}
