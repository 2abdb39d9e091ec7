package org.anju.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.anju.tasklist.FieldErrors;
import org.assertj.core.api.ThrowingConsumer;

/**
 * A form refused by Anju's rules, checked by field and English reason ("residentId: has a wrong check
 * character"): the message clerks read names the field by its label instead, Chinese first.
 */
public final class Refused {

  private Refused() {}

  /** The refusal (the thrown exception or one of its causes) has a problem "field: reason" containing {@code expected}. */
  public static ThrowingConsumer<Throwable> naming(String expected) {
    return thrown -> {
      FieldErrors.Refusal refusal = null;
      for (Throwable t = thrown; t != null && refusal == null; t = t.getCause()) {
        if (t instanceof FieldErrors.Refusal r) {
          refusal = r;
        }
      }
      assertThat(refusal).as("Anju's refusal in %s", thrown).isNotNull();
      assertThat(refusal.problems()).extracting(p -> p.field() + ": " + p.reasonEn())
          .as("the refused fields of %s", refusal.getMessage()).anyMatch(problem -> problem.contains(expected));
      // and the message is the sentences alone: labels and reasons, Chinese first, no prefix
      assertThat(refusal.getMessage()).isEqualTo(FieldErrors.message(refusal.problems())).doesNotContain("Invalid input");
    };
  }
}
