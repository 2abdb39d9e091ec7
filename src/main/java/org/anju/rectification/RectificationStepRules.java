package org.anju.rectification;

import static org.anju.rectification.ProblemRectificationProcess.Elements.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.rectification.ProblemRectificationProcess.Vars;
import org.anju.tasklist.StepRule;
import org.anju.tasklist.StepRules;
import org.anju.tasklist.StepValues;
import org.springframework.stereotype.Component;

/** The server's checks of each problem-rectification form. */
@Component
public class RectificationStepRules implements StepRules {

  static final int MAX_PROBLEM_LENGTH = 200;

  @Override
  public Map<String, StepRule> byActivityId() {
    return Map.of(
        TASK_CONDUCT_CHECK, RectificationStepRules::conductCheck,
        TASK_RECTIFY_PROBLEM, RectificationStepRules::rectifyProblem,
        TASK_VERIFY_RECTIFICATION, RectificationStepRules::verifyRectification,
        TASK_CLOSE_OUT_PROBLEM, RectificationStepRules::closeOutProblem);
  }

  @Override
  public Map<String, List<String>> freshOnEntry() {
    return Map.of(TASK_VERIFY_RECTIFICATION, List.of(Vars.RECTIFICATION_VERIFIED, Vars.VERIFICATION_REMARKS));
  }

  /** The problems recorded and their deadline: on the conduct-check form and at the start. */
  static void conductCheck(StepValues v) {
    Optional<String> problems = v.optionalText(Vars.PROBLEMS_FOUND, 4000);
    problems.flatMap(text -> text.lines().filter(line -> line.strip().length() > MAX_PROBLEM_LENGTH).findFirst())
        .ifPresent(line -> v.errors().add(Vars.PROBLEMS_FOUND,
            "each problem may have at most " + MAX_PROBLEM_LENGTH + " characters"));
    Optional<LocalDate> deadline = v.optionalDate(Vars.RECTIFY_DEADLINE);
    if (deadline.isPresent() && deadline.get().isBefore(v.today())) {
      v.errors().add(Vars.RECTIFY_DEADLINE, "(" + deadline.get() + ") must not be in the past");
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
      v.errors().add(Vars.VERIFICATION_REMARKS, "is required when the rectification is not verified");
    }
  }

  static void closeOutProblem(StepValues v) {
    v.notBefore(Vars.CLOSE_OUT_DATE, v.pastDate(Vars.CLOSE_OUT_DATE), Vars.RECTIFIED_DATE);
    v.optionalText(Vars.CLOSE_OUT_REMARKS, 1000);
  }
}
