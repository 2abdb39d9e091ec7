package org.anju.relocation;

import static org.anju.relocation.RelocationFollowUpProcess.Elements.TASK_FOLLOW_UP_VISIT;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.relocation.RelocationFollowUpProcess.Livelihood;
import org.anju.relocation.RelocationFollowUpProcess.Vars;
import org.anju.tasklist.FormOptions;
import org.anju.tasklist.Step;
import org.anju.tasklist.StepCatalogue;
import org.anju.tasklist.StepValues;
import org.springframework.stereotype.Component;

/** The user task of {@code relocation-follow-up}, the visit, and the server's check of its form. */
@Component
public class RelocationSteps implements StepCatalogue {

  /**
   * The remarks go into the rectification's scope beside a line naming the visit, which the scope's
   * 500 characters must hold.
   */
  static final int MAX_REMARKS_LENGTH = 400;

  /** Each visit asks afresh without {@code fresh(...)}: its answers are local to its own sub-process instance. */
  static final List<Step> STEPS = List.of(
      Step.of(TASK_FOLLOW_UP_VISIT, "relocation-follow-up-visit", Vars.TOWNSHIP_GROUP, RelocationSteps::followUpVisit)
          .limitDays(14)
          .demo(today -> Map.of(
              Vars.VISIT_DATE, today.minusDays(1).toString(),
              Vars.VISITOR_NAME, "郝建军",
              Vars.LIVES_IN_NEW_HOME, true,
              Vars.LIVELIHOOD, Livelihood.PUBLIC_WELFARE_JOB.name(),
              Vars.OLD_HOME_DEMOLISHED, true,
              Vars.LAND_RECLAIMED, true)));

  @Override
  public String processKey() {
    return RelocationFollowUpProcess.KEY;
  }

  @Override
  public List<Step> steps() {
    return STEPS;
  }

  @Override
  public List<NamePart> nameParts() {
    return List.of(NamePart.whole(Vars.HEAD_NAME), NamePart.whole(Vars.VILLAGE), NamePart.whole(Vars.VISIT_NAME));
  }

  /** The move-in date comes with the follow-up from the household case. */
  @Override
  public List<String> derivedVariables() {
    return List.of(Vars.MOVE_IN_DATE);
  }

  /** Every answer given; a visit on or after the move-in and not in the future; a "no" explained. */
  static void followUpVisit(StepValues v) {
    v.notBefore(Vars.VISIT_DATE, v.pastDate(Vars.VISIT_DATE), Vars.MOVE_IN_DATE);
    v.line(Vars.VISITOR_NAME, 50);
    Optional<Boolean> lives = v.decision(Vars.LIVES_IN_NEW_HOME);
    Optional<String> livelihood = v.oneOf(Vars.LIVELIHOOD, FormOptions.LIVELIHOODS);
    Optional<Boolean> demolished = v.decision(Vars.OLD_HOME_DEMOLISHED);
    Optional<Boolean> reclaimed = v.decision(Vars.LAND_RECLAIMED);
    Optional<String> remarks = v.optionalText(Vars.FOLLOW_UP_REMARKS, MAX_REMARKS_LENGTH);
    boolean anyNo = lives.filter(yes -> !yes).isPresent()
        || livelihood.filter(Livelihood.NONE.name()::equals).isPresent()
        || demolished.filter(yes -> !yes).isPresent() || reclaimed.filter(yes -> !yes).isPresent();
    if (anyNo && remarks.isEmpty() && !v.errors().has(Vars.FOLLOW_UP_REMARKS)) {
      v.errors().add(Vars.FOLLOW_UP_REMARKS, "有一项为“否”时必填，说明情况", "is required when any answer is no");
    }
  }
}
