package org.anju.tasklist;

import java.util.List;

/**
 * The user tasks of one process, one {@link Step} each. {@code ModelsTest} checks it against the model
 * both ways, so a task without an entry, or an entry without its task, fails the build.
 */
public interface StepCatalogue {

  /** The key of the process whose user tasks these are. */
  String processKey();

  List<Step> steps();

  /** The variables whose values follow the step's name in a task's name, in order. */
  default List<NamePart> nameParts() {
    return List.of();
  }

  /**
   * Variables a rule may read that no form of the process asks for: set by the registration, a
   * decision or a delegate (the approved subsidy, the household size).
   */
  default List<String> derivedVariables() {
    return List.of();
  }

  /** A variable shown in a task's name, cut to {@code maxLength} characters and "…". */
  record NamePart(String variable, int maxLength) {
    public static NamePart whole(String variable) {
      return new NamePart(variable, Integer.MAX_VALUE);
    }
  }
}
