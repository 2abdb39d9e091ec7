package org.anju.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The problems found in one form submission. Thrown as a {@link FormFieldValidationException},
 * which the engine's REST API answers with 400 and Tasklist shows above the form; the engine rolls
 * the whole submission back, so nothing is half-written.
 */
public final class FieldErrors {

  private final List<String> errors = new ArrayList<>();

  /** Records a problem; a rule that gives no reason still refuses, with a message that says so. */
  public void add(String field, String reason) {
    String named = field == null || field.isBlank() ? "form" : field;
    errors.add(FieldLabels.of(named) + ": " + (reason == null || reason.isBlank() ? "is not valid" : reason));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<String> all() {
    return List.copyOf(errors);
  }

  /** Throws when any problem was found. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new FormFieldValidationException(errors, "Invalid input: " + String.join("; ", errors));
    }
  }
}
