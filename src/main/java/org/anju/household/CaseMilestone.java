package org.anju.household;

import java.time.LocalDate;

import org.anju.household.HouseholdCaseProcess.Typed;
import org.anju.tasklist.Step;
import org.anju.tasklist.Variable;

/** The milestones of a case the household table keeps, each a date column and the variable it comes from. */
enum CaseMilestone implements Step.Milestone {
  VERIFIED("verified_on", Typed.VERIFICATION_DATE),
  CONSTRUCTION_STARTED("construction_started_on", Typed.CONSTRUCTION_START_DATE),
  ACCEPTED("accepted_on", Typed.ACCEPTANCE_DATE);

  final String column;
  final Variable<LocalDate> date;

  CaseMilestone(String column, Variable<LocalDate> date) {
    this.column = column;
    this.date = date;
  }
}
