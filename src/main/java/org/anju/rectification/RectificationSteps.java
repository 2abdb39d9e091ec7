package org.anju.rectification;

import static org.anju.rectification.ProblemRectificationProcess.Elements.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.rectification.ProblemRectificationProcess.CheckKind;
import org.anju.rectification.ProblemRectificationProcess.HazardCategory;
import org.anju.rectification.ProblemRectificationProcess.Vars;
import org.anju.tasklist.Step;
import org.anju.tasklist.StepCatalogue;
import org.anju.tasklist.StepValues;
import org.springframework.stereotype.Component;

/** The user tasks of {@code problem-rectification}, one entry each, and the server's check of each form. */
@Component
public class RectificationSteps implements StepCatalogue {

  static final int MAX_PROBLEM_LENGTH = 200;
  /** Problem descriptions in task names are cut here, so that a list of tasks stays one line each. */
  static final int PROBLEM_EXCERPT = 24;

  /** A rectification is due on its deadline, as the model says; the other steps have limits. */
  static final List<Step> STEPS = List.of(
      Step.of(TASK_CONDUCT_CHECK, "conduct-check", Vars.CHECKER_GROUP, RectificationSteps::conductCheck)
          .limitDays(14)
          .demo(today -> Map.of(
              Vars.PROBLEMS_FOUND, "墙体裂缝 Cracked wall",
              Vars.RECTIFY_DEADLINE, today.plusDays(15).toString(),
              Vars.CHECK_FINISHED, false)),
      Step.of(TASK_RECTIFY_PROBLEM, "rectify-problem", Vars.RECTIFIER_GROUP, RectificationSteps::rectifyProblem)
          .demo(today -> Map.of(
              Vars.RECTIFICATION_MEASURES, "重新铺设屋面 Roof relaid",
              Vars.RECTIFIED_DATE, today.minusDays(3).toString())),
      Step.of(TASK_VERIFY_RECTIFICATION, "verify-rectification", Vars.VERIFIER_GROUP,
          RectificationSteps::verifyRectification)
          .fresh(Vars.RECTIFICATION_VERIFIED, Vars.VERIFICATION_REMARKS).limitDays(7)
          .demo(today -> Map.of(Vars.RECTIFICATION_VERIFIED, true)),
      Step.of(TASK_CLOSE_OUT_PROBLEM, "close-out-problem", Vars.CLOSER_GROUP, RectificationSteps::closeOutProblem)
          .limitDays(7)
          .demo(today -> Map.of(
              Vars.CLOSE_OUT_DATE, today.minusDays(1).toString(),
              Vars.CLOSE_OUT_REMARKS, "已销号 Closed")));

  @Override
  public String processKey() {
    return ProblemRectificationProcess.KEY;
  }

  @Override
  public List<Step> steps() {
    return STEPS;
  }

  @Override
  public List<NamePart> nameParts() {
    return List.of(NamePart.whole(Vars.HEAD_NAME), NamePart.whole(Vars.VILLAGE),
        new NamePart(Vars.PROBLEM_DESCRIPTION, PROBLEM_EXCERPT));
  }

  /** The problems recorded and their deadline: on the conduct-check form and at the start. */
  static void conductCheck(StepValues v) {
    Optional<String> problems = v.optionalText(Vars.PROBLEMS_FOUND, 4000);
    problems.flatMap(text -> text.lines().filter(line -> line.strip().length() > MAX_PROBLEM_LENGTH).findFirst())
        .ifPresent(line -> v.errors().add(Vars.PROBLEMS_FOUND, "每条问题最多 " + MAX_PROBLEM_LENGTH + " 个字",
            "each problem may have at most " + MAX_PROBLEM_LENGTH + " characters"));
    // a hazard check's findings each name their category, so that progress can be told per category
    if (problems.isPresent() && CheckKind.SAFETY_HAZARD.name().equals(v.raw(Vars.CHECK_KIND))) {
      List<String> lines = problems.get().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
      for (int i = 0; i < lines.size(); i++) {
        if (HazardCategory.parse(lines.get(i)).isEmpty()) {
          v.errors().add(Vars.PROBLEMS_FOUND, "第 " + (i + 1) + " 条未以类别开头（如“屋面：刘家屋顶漏雨”）",
              "finding " + (i + 1) + " does not start with its category (e.g. \"Roof: the roof leaks\")");
          break;
        }
      }
    }
    Optional<LocalDate> deadline = v.optionalDate(Vars.RECTIFY_DEADLINE);
    if (deadline.isPresent() && deadline.get().isBefore(v.today())) {
      v.errors().add(Vars.RECTIFY_DEADLINE, "（" + deadline.get() + "）不能早于今天",
          "(" + deadline.get() + ") must not be in the past");
    }
    v.flag(Vars.CHECK_FINISHED);
  }

  static void rectifyProblem(StepValues v) {
    v.text(Vars.RECTIFICATION_MEASURES, 2000);
    v.pastDate(Vars.RECTIFIED_DATE);
  }

  static void verifyRectification(StepValues v) {
    Optional<Boolean> verified = v.decision(Vars.RECTIFICATION_VERIFIED);
    Optional<String> remarks = v.optionalText(Vars.VERIFICATION_REMARKS, 1000);
    if (verified.isPresent() && !verified.get() && remarks.isEmpty()) {
      v.errors().add(Vars.VERIFICATION_REMARKS, "整改未通过核实时必填", "is required when the rectification is not verified");
    }
  }

  static void closeOutProblem(StepValues v) {
    v.notBefore(Vars.CLOSE_OUT_DATE, v.pastDate(Vars.CLOSE_OUT_DATE), Vars.RECTIFIED_DATE);
    v.optionalText(Vars.CLOSE_OUT_REMARKS, 1000);
  }
}
