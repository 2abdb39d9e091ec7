package org.anju.relocation;

import java.util.ArrayList;
import java.util.List;

import org.anju.relocation.RelocationFollowUpProcess.Livelihood;
import org.anju.relocation.RelocationFollowUpProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What a follow-up visit found wrong, from its answers: each "no" is one finding. Serves the end of
 * {@code UserTask_FollowUpVisit}, which records whether the visit passed for {@code Gateway_FollowUpPassed}.
 */
@Component("followUpFindings")
public class FollowUpFindings {

  /** One "no" of a visit, as a problem of the ledger names it, Chinese first. */
  public enum Finding {
    NOT_LIVING_IN_NEW_HOME("未在新居居住", "not living in the new home"),
    NO_WORK_OR_SUPPORT("无就业无保障", "no work or support"),
    OLD_HOME_STANDING("旧房未拆除", "old house not demolished"),
    LAND_NOT_RECLAIMED("旧宅基地未复垦", "old homestead not reclaimed");

    private final String zh;
    private final String en;

    Finding(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    /** "未在新居居住 not living in the new home". */
    public String text() {
      return zh + " " + en;
    }
  }

  /** The findings of the visit whose answers {@code scope} holds; an answer not given counts as no. */
  public static List<Finding> of(VariableScope scope) {
    List<Finding> findings = new ArrayList<>();
    if (!Boolean.TRUE.equals(Typed.LIVES_IN_NEW_HOME.get(scope))) {
      findings.add(Finding.NOT_LIVING_IN_NEW_HOME);
    }
    Livelihood livelihood = Typed.LIVELIHOOD.get(scope);
    if (livelihood == null || livelihood == Livelihood.NONE) {
      findings.add(Finding.NO_WORK_OR_SUPPORT);
    }
    if (!Boolean.TRUE.equals(Typed.OLD_HOME_DEMOLISHED.get(scope))) {
      findings.add(Finding.OLD_HOME_STANDING);
    }
    if (!Boolean.TRUE.equals(Typed.LAND_RECLAIMED.get(scope))) {
      findings.add(Finding.LAND_NOT_RECLAIMED);
    }
    return findings;
  }

  /** Records on the visit whether it passed, after the step's rule accepted its answers. */
  public void record(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the visit was cancelled, not made: it found nothing
    }
    Typed.FOLLOW_UP_PASSED.set(execution, of(execution).isEmpty());
  }
}
