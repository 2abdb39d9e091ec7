package org.anju.tasklist;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One user task as everything around the engine needs it: the element and form it is, the variable
 * naming its candidate group, the server's rule, the decisions asked afresh on re-entry, its time
 * limit and the campaign deadline that caps it, the milestone it records, the records it adds to the
 * household file, and valid values for the demo and the walk-throughs. The model keeps the flow;
 * this keeps the rest, so that a new step is one entry.
 *
 * @param elementId business id of the user task
 * @param formId the Camunda form it references ({@code forms/<formId>.form})
 * @param candidateGroupVariable the variable its {@code camunda:candidateGroups} expression reads, or
 *     null when the model names a fixed group
 * @param fixedCandidateGroup the group the model names when there is no variable, else null
 * @param rule the server's check of the submitted form
 * @param freshOnEntry decisions emptied each time the task is created, so they are asked afresh
 * @param limit how long the step may take by default (a county overrides it by form id), or null when
 *     the model fixes the due date itself
 * @param cappedForDynamicGuarantee the campaign deadline a dynamic-guarantee case's step must meet
 * @param cappedForEveryCase the campaign deadline every case's step must meet, dynamic or not
 * @param milestone what the household table records when the step completes, or null
 * @param implies milestones that hold whenever the step is active, however the case got there (a
 *     process instance modification in Cockpit included)
 * @param documents the records of the household file the step produces
 * @param required the documents without which the step cannot be completed, each where its condition holds
 * @param demoValues valid values for a case on its way to "made safe by renovation", given today
 */
public record Step(String elementId, String formId, String candidateGroupVariable, String fixedCandidateGroup,
    StepRule rule, List<String> freshOnEntry, Duration limit, CampaignDeadline cappedForDynamicGuarantee,
    CampaignDeadline cappedForEveryCase, Milestone milestone, List<Milestone> implies, List<Document> documents,
    List<Requirement> required, Function<LocalDate, Map<String, Object>> demoValues) {

  /** The two deadlines of a campaign year: construction started, and renovation completed. */
  public enum CampaignDeadline { START, COMPLETION }

  /** A fact about a case that its household row records when it becomes true. */
  public interface Milestone {
    String name();
  }

  /** A record of the household file (一户一档). */
  public interface Document {
    String name();

    String zh();

    String en();

    /** A photo (an image) rather than a paper's scan (an image or a PDF). */
    boolean photo();
  }

  /**
   * A document the step needs before it completes, where {@code when} holds for the values the form leaves
   * (a rebuild needs the demolition photo; a C/D house the appraisal report's scan).
   */
  public record Requirement(Document document, Predicate<VariableScope> when, String conditionZh, String conditionEn) {

    /** Required whatever the form says. */
    public boolean always() {
      return conditionEn == null;
    }


    public boolean applies(VariableScope values) {
      return when.test(values);
    }
  }

  public Step {
    Objects.requireNonNull(elementId, "elementId");
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(rule, "rule");
    freshOnEntry = List.copyOf(freshOnEntry);
    implies = List.copyOf(implies);
    documents = List.copyOf(documents);
    required = List.copyOf(required);
    Objects.requireNonNull(demoValues, "demoValues");
  }

  /** A step whose candidate group is the value of {@code groupVariable}, with no limit yet. */
  public static Step of(String elementId, String formId, String groupVariable, StepRule rule) {
    return new Step(elementId, formId, groupVariable, null, rule, List.of(), null, null, null, null, List.of(),
        List.of(), List.of(), today -> Map.of());
  }

  /** A step the model gives to one fixed group. */
  public static Step forFixedGroup(String elementId, String formId, String group, StepRule rule) {
    return new Step(elementId, formId, null, group, rule, List.of(), null, null, null, null, List.of(), List.of(),
        List.of(), today -> Map.of());
  }

  public Step limit(Duration value) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, freshOnEntry, value,
        cappedForDynamicGuarantee, cappedForEveryCase, milestone, implies, documents, required, demoValues);
  }

  public Step limitDays(int days) {
    return limit(Duration.ofDays(days));
  }

  public Step fresh(String... fields) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, List.of(fields), limit,
        cappedForDynamicGuarantee, cappedForEveryCase, milestone, implies, documents, required, demoValues);
  }

  public Step cappedForDynamicGuarantee(CampaignDeadline deadline) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, freshOnEntry, limit,
        deadline, cappedForEveryCase, milestone, implies, documents, required, demoValues);
  }

  public Step cappedForEveryCase(CampaignDeadline deadline) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, freshOnEntry, limit,
        cappedForDynamicGuarantee, deadline, milestone, implies, documents, required, demoValues);
  }

  public Step records(Milestone value) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, freshOnEntry, limit,
        cappedForDynamicGuarantee, cappedForEveryCase, value, implies, documents, required, demoValues);
  }

  public Step implies(Milestone... values) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, freshOnEntry, limit,
        cappedForDynamicGuarantee, cappedForEveryCase, milestone, List.of(values), documents, required, demoValues);
  }

  public Step produces(Document... values) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, freshOnEntry, limit,
        cappedForDynamicGuarantee, cappedForEveryCase, milestone, implies, List.of(values), required, demoValues);
  }

  /** Needs {@code values} before it completes, always. */
  public Step requires(Document... values) {
    List<Requirement> all = new ArrayList<>(required);
    for (Document value : values) {
      all.add(new Requirement(value, v -> true, null, null));
    }
    return withRequired(all);
  }

  /** Needs {@code value} before it completes, where {@code when} holds, as the condition's words say. */
  public Step requiresWhere(Predicate<VariableScope> when, String conditionZh, String conditionEn, Document value) {
    List<Requirement> all = new ArrayList<>(required);
    all.add(new Requirement(value, when, conditionZh, conditionEn));
    return withRequired(all);
  }

  private Step withRequired(List<Requirement> all) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, freshOnEntry, limit,
        cappedForDynamicGuarantee, cappedForEveryCase, milestone, implies, documents, all, demoValues);
  }

  /** The documents it needs for these values, in the catalogue's order. */
  public List<Document> requiredFor(VariableScope values) {
    return required.stream().filter(r -> r.applies(values)).map(Requirement::document).distinct().toList();
  }

  public Step demo(Function<LocalDate, Map<String, Object>> values) {
    return new Step(elementId, formId, candidateGroupVariable, fixedCandidateGroup, rule, freshOnEntry, limit,
        cappedForDynamicGuarantee, cappedForEveryCase, milestone, implies, documents, required, values);
  }

  /** The campaign deadline that caps this step's due date for a case, or null. */
  public CampaignDeadline cap(boolean dynamicGuarantee) {
    if (dynamicGuarantee && cappedForDynamicGuarantee != null) {
      return cappedForDynamicGuarantee;
    }
    return cappedForEveryCase;
  }
}
