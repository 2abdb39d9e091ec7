package org.anju.campaign;

import java.time.LocalDate;

/** A campaign year with its two deadlines and how many days before each the counties are warned. */
public record Campaign(int year, LocalDate startDeadline, LocalDate completionDeadline, int warningDays) {

  /** The two deadlines of a campaign. */
  public enum Deadline {
    /** End of March: every dynamic-guarantee renovation has started. */
    START,
    /** End of May: every household verified, every dynamic-guarantee renovation completed and accepted. */
    COMPLETION
  }

  public LocalDate date(Deadline deadline) {
    return deadline == Deadline.START ? startDeadline : completionDeadline;
  }

  /** The 2020 campaign's dates in another year: 31 March and 31 May. */
  public static Campaign standard(int year, int warningDays) {
    return new Campaign(year, LocalDate.of(year, 3, 31), LocalDate.of(year, 5, 31), warningDays);
  }
}
