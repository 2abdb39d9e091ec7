package org.anju.tasklist;

/** The server's check of one step's form, run when the step completes. */
@FunctionalInterface
public interface StepRule {

  void check(StepValues values);
}
