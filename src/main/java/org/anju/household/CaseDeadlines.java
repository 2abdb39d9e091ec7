package org.anju.household;

import org.anju.clock.AnjuClock;
import java.time.LocalDate;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Due dates of household-case steps that follow from its data. */
@Component("caseDeadlines")
public class CaseDeadlines {

  /** The subsidy is paid within 30 days of passing acceptance. */
  static final int SUBSIDY_DAYS = 30;

  public Date subsidyDue(String acceptanceDate) {
    LocalDate due = LocalDate.parse(acceptanceDate).plusDays(SUBSIDY_DAYS);
    return AnjuClock.startOf(due);
  }
}
