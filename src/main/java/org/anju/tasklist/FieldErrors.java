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

  public void add(String field, String reason) {
    errors.add(FieldLabels.of(field) + ": " + reason);
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
