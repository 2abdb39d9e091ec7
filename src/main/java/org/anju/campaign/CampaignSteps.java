package org.anju.campaign;

import static org.anju.campaign.HousingCampaignProcess.Elements.*;

import java.util.List;
import java.util.Map;

import org.anju.access.RoleGroups;
import org.anju.campaign.HousingCampaignProcess.Vars;
import org.anju.tasklist.Step;
import org.anju.tasklist.StepCatalogue;
import org.anju.tasklist.StepValues;
import org.springframework.stereotype.Component;

/** The supervision tasks of {@code housing-campaign}, at city and province level and for both deadlines. */
@Component
public class CampaignSteps implements StepCatalogue {

  /** The group of the province's supervisors, which the model names itself. */
  static final String PROVINCE_SUPERVISORS = RoleGroups.provinceSupervisor();

  static final List<Step> STEPS = List.of(
      supervision(Step.of(TASK_CITY_SUPERVISION_START, "supervise-county", Vars.CITY_GROUP, CampaignSteps::supervise)),
      supervision(Step.forFixedGroup(TASK_PROVINCE_SUPERVISION_START, "supervise-county", PROVINCE_SUPERVISORS,
          CampaignSteps::supervise)),
      supervision(Step.of(TASK_CITY_SUPERVISION_COMPLETION, "supervise-county", Vars.CITY_GROUP,
          CampaignSteps::supervise)),
      supervision(Step.forFixedGroup(TASK_PROVINCE_SUPERVISION_COMPLETION, "supervise-county", PROVINCE_SUPERVISORS,
          CampaignSteps::supervise)));

  @Override
  public String processKey() {
    return HousingCampaignProcess.KEY;
  }

  @Override
  public List<Step> steps() {
    return STEPS;
  }

  @Override
  public List<String> derivedVariables() {
    return List.of(Vars.COUNTY_CODE, Vars.CAMPAIGN_YEAR);
  }

  private static Step supervision(Step step) {
    return step.limitDays(14).demo(today -> Map.of(
        Vars.SUPERVISION_MEASURES, "约谈县领导小组 Talks with the county leading group",
        Vars.SUPERVISION_DATE, today.toString()));
  }

  static void supervise(StepValues v) {
    v.text(Vars.SUPERVISION_MEASURES, 2000);
    v.pastDate(Vars.SUPERVISION_DATE);
  }
}
