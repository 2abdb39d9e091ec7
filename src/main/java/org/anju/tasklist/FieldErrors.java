package org.anju.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The problems found in one form submission. Thrown as a {@link Refusal} (a
 * {@link FormFieldValidationException}), which the engine's REST API answers with 400 and Tasklist shows in a
 * notification; the engine rolls the whole submission back, so nothing is half-written.
 */
public final class FieldErrors {

  /**
   * One refused field: its variable, and why, in Chinese and in English. Clerks read it as
   * {@link #sentence()}, the field named by its label as the form shows it, never by its variable.
   */
  public record Problem(String field, String reasonZh, String reasonEn) {

    /** "身份证号：校验位错误 / Resident ID number: has a wrong check character". */
    public String sentence() {
      FieldLabels.Label label = FieldLabels.label(field);
      return label.zh() + "：" + reasonZh + " / " + label.en() + ": " + reasonEn;
    }
  }

  /** The refusal of a submission, with its problems; its message is their sentences alone. */
  public static final class Refusal extends FormFieldValidationException {

    private final transient List<Problem> problems;

    Refusal(List<Problem> problems) {
      super(problems.stream().map(Problem::sentence).toList(), message(problems));
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  private final List<Problem> problems = new ArrayList<>();

  /** Records a problem; a rule that gives no reason still refuses, with a message that says so. */
  public void add(String field, String reasonZh, String reasonEn) {
    String named = field == null || field.isBlank() ? FieldLabels.FORM : field;
    boolean none = reasonEn == null || reasonEn.isBlank();
    problems.add(new Problem(named, none || reasonZh == null || reasonZh.isBlank() ? "填写有误" : reasonZh,
        none ? "is not valid" : reasonEn));
  }

  /** True when {@code field} has a problem already. */
  public boolean has(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** The problems as clerks read them, one sentence each. */
  public List<String> all() {
    return problems.stream().map(Problem::sentence).toList();
  }

  /** The problems as a log line has them: "field: English reason; …" (the field's key, for whoever searches logs). */
  public String forLog() {
    return forLog(problems);
  }

  /** As {@link #forLog()}, for a refusal already thrown (another exception: its message). */
  public static String forLog(Exception refused) {
    return refused instanceof Refusal r ? forLog(r.problems()) : String.valueOf(refused.getMessage());
  }

  private static String forLog(List<Problem> problems) {
    return String.join("; ", problems.stream().map(p -> p.field() + ": " + p.reasonEn()).toList());
  }

  /** Throws when any problem was found. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new Refusal(problems);
    }
  }

  /** The sentences of {@code problems}, one after the other. */
  public static String message(List<Problem> problems) {
    return String.join("；", problems.stream().map(Problem::sentence).toList());
  }
}
