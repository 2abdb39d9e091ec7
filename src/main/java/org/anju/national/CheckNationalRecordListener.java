package org.anju.national;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.national.NationalRecordCheck.Gap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Serves the end of {@code ServiceTask_CheckArchiveCompleteness}: the file is complete only when its national
 * record has no gap, and each gap goes to the township with the rest of what the file lacks. A listener here,
 * not a call from the archive check's delegate, because the household package must not depend on this one.
 */
@Component("checkNationalRecordListener")
public class CheckNationalRecordListener implements ExecutionListener {

  /** String: the national record's gaps, one message per line; empty when there is none. */
  static final String NATIONAL_RECORD_GAPS = "nationalRecordGaps";

  private final DocumentCounts documents;

  public CheckNationalRecordListener(DocumentCounts documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<Gap> gaps = NationalRecordCheck.gaps(execution.getVariables(), documents.ofCase(execution.getProcessInstanceId()));
    execution.setVariable(NATIONAL_RECORD_GAPS, String.join("\n", gaps.stream().map(Gap::message).toList()));
    if (gaps.isEmpty()) {
      return;
    }
    Set<String> missing = new LinkedHashSet<>();
    if (execution.getVariable(Vars.ARCHIVE_MISSING) instanceof String earlier && !earlier.isBlank()) {
      missing.addAll(List.of(earlier.split(",")));
    }
    gaps.forEach(gap -> missing.add(gap.field()));
    execution.setVariable(Vars.ARCHIVE_COMPLETE, false);
    execution.setVariable(Vars.ARCHIVE_MISSING, String.join(",", missing));
  }
}
