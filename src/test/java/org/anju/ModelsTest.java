package org.anju;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.anju.campaign.Campaign;
import org.anju.campaign.CampaignSteps;
import org.anju.campaign.HousingCampaignProcess;
import org.anju.escalation.NotificationDeliveryProcess;
import org.anju.escalation.OverdueCountyScanProcess;
import org.anju.escalation.OverdueWatchProcess;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdFileRecord;
import org.anju.household.HouseholdSteps;
import org.anju.rectification.ProblemRectificationProcess;
import org.anju.rectification.RectificationSteps;
import org.anju.relocation.RelocationFollowUpProcess;
import org.anju.relocation.RelocationSteps;
import org.anju.tasklist.FieldErrors;
import org.anju.tasklist.FormOptions;
import org.anju.tasklist.Step;
import org.anju.tasklist.StepCatalogue;
import org.anju.tasklist.StepValues;
import org.anju.tasklist.Steps;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What binds the models, the forms and the code: every id the code names exists, every user task
 * has a deployed form and a server-side rule, and every form is named after its id.
 */
class ModelsTest {

  static Stream<Arguments> processes() {
    return Stream.of(
        Arguments.of(HouseholdCaseProcess.RESOURCE, HouseholdCaseProcess.Elements.class),
        Arguments.of(ProblemRectificationProcess.RESOURCE, ProblemRectificationProcess.Elements.class),
        Arguments.of(HousingCampaignProcess.RESOURCE, HousingCampaignProcess.Elements.class),
        Arguments.of(NotificationDeliveryProcess.RESOURCE, NotificationDeliveryProcess.Elements.class),
        Arguments.of(OverdueWatchProcess.RESOURCE, OverdueWatchProcess.Elements.class),
        Arguments.of(OverdueCountyScanProcess.RESOURCE, OverdueCountyScanProcess.Elements.class),
        Arguments.of(RelocationFollowUpProcess.RESOURCE, RelocationFollowUpProcess.Elements.class));
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyElementIdTheCodeNamesExistsInTheModel(String resource, Class<?> elements) throws Exception {
    BpmnModelInstance model = read(resource);
    for (String id : constants(elements)) {
      assertThat((Object) model.getModelElementById(id)).as("%s in %s", id, resource).isNotNull();
    }
    List<String> named = constants(elements);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(named).as("the process class names user task %s", task.getId()).contains(task.getId());
    }
  }

  static final java.util.regex.Pattern OFFERED_VALUE = java.util.regex.Pattern.compile("value: \"([^\"]+)\"");
  static final Steps STEPS = new Steps(List.of(new HouseholdSteps(), new RectificationSteps(), new CampaignSteps(),
      new RelocationSteps()));

  @ParameterizedTest
  @MethodSource("processes")
  void everyUserTaskAndStartEventHasADeployedFormAndEveryUserTaskAServerRule(String resource, Class<?> ignored)
      throws Exception {
    BpmnModelInstance model = read(resource);
    List<FlowElement> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    // a process that staff start in Tasklist needs a start form; the others start by timer or by code
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process process
            && process.isCamundaStartableInTasklist())
        .forEach(withForms::add);
    for (FlowElement element : withForms) {
      String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      String binding = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding");
      assertThat(formRef).as("formRef of %s", element.getId()).isNotBlank();
      assertThat(binding).as("formRefBinding of %s", element.getId()).isEqualTo("deployment");
      Path form = Path.of("forms", formRef + ".form");
      assertThat(form).as("form of %s", element.getId()).exists();
      assertThat(new ObjectMapper().readTree(form.toFile()).path("id").asText()).isEqualTo(formRef);
      if (element instanceof UserTask) {
        assertThat(STEPS.step(element.getId())).as("catalogue entry for %s", element.getId()).isPresent();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyProcessHasAHistoryTimeToLive(String resource, Class<?> ignored) throws Exception {
    BpmnModelInstance model = read(resource);
    for (org.camunda.bpm.model.bpmn.instance.Process process
        : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
      // case files are kept thirty years (payment vouchers are accounting records); the housekeeping processes only a week or a month
      assertThat(process.getCamundaHistoryTimeToLiveString()).isIn("10950", "3650", "30", "7");
    }
  }

  @org.junit.jupiter.api.Test
  void everyFormIsNamedAfterItsIdAndUsedByAProcess() throws IOException {
    StringBuilder models = new StringBuilder();
    try (Stream<Path> bpmn = Files.list(Path.of("processes"))) {
      for (Path file : bpmn.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        models.append(Files.readString(file));
      }
    }
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        JsonNode json = new ObjectMapper().readTree(form.toFile());
        String id = json.path("id").asText();
        assertThat(form.getFileName().toString()).isEqualTo(id + ".form");
        assertThat(models.toString()).as("a process uses form %s", id).contains("formRef=\"" + id + "\"");
      }
    }
  }

  static Stream<Arguments> catalogues() {
    return Stream.of(
        Arguments.of(HouseholdCaseProcess.RESOURCE, new HouseholdSteps()),
        Arguments.of(ProblemRectificationProcess.RESOURCE, new RectificationSteps()),
        Arguments.of(HousingCampaignProcess.RESOURCE, new CampaignSteps()),
        Arguments.of(RelocationFollowUpProcess.RESOURCE, new RelocationSteps()));
  }

  @ParameterizedTest
  @MethodSource("catalogues")
  void everyUserTaskHasExactlyOneCatalogueEntryAndEveryEntryItsTask(String resource, StepCatalogue catalogue)
      throws Exception {
    BpmnModelInstance model = read(resource);
    assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
        .extracting(org.camunda.bpm.model.bpmn.instance.Process::getId).containsExactly(catalogue.processKey());
    List<String> tasks = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList();
    List<String> entries = catalogue.steps().stream().map(Step::elementId).toList();
    assertThat(entries).as("catalogue of %s", resource).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tasks);
  }

  @ParameterizedTest
  @MethodSource("catalogues")
  void everyEntryNamesTheFormAndCandidateGroupOfItsTask(String resource, StepCatalogue catalogue) throws Exception {
    BpmnModelInstance model = read(resource);
    for (Step step : catalogue.steps()) {
      UserTask task = model.getModelElementById(step.elementId());
      assertThat(task).as("user task %s", step.elementId()).isNotNull();
      assertThat(task.getCamundaFormRef()).as("form of %s", step.elementId()).isEqualTo(step.formId());
      assertThat(Path.of("forms", step.formId() + ".form")).exists();
      String groups = task.getCamundaCandidateGroups();
      if (step.candidateGroupVariable() != null) {
        assertThat(groups).as("candidate groups of %s", step.elementId())
            .isEqualTo("${" + step.candidateGroupVariable() + "}");
      } else {
        assertThat(groups).as("candidate groups of %s", step.elementId()).isEqualTo(step.fixedCandidateGroup());
      }
      // a step without a limit has its due date from the model, or it would never be overdue
      if (step.limit() == null) {
        assertThat(task.getCamundaDueDate()).as("due date of %s, which has no limit", step.elementId()).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("catalogues")
  void everyFieldARuleReadsIsAskedByItsFormOrSetBeforeIt(String resource, StepCatalogue catalogue) throws Exception {
    BpmnModelInstance model = read(resource);
    Set<String> processFields = new HashSet<>(catalogue.derivedVariables());
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        processFields.addAll(formFields(start.getCamundaFormRef(), true));
      }
    }
    catalogue.steps().forEach(step -> processFields.addAll(formFields(step.formId(), false)));
    for (Step step : catalogue.steps()) {
      Set<String> editable = formFields(step.formId(), false);
      Set<String> read = readsOf(step);
      assertThat(read).as("fields %s reads", step.elementId()).isNotEmpty();
      // what the step asks itself must be on its own form; what it compares with, a form or a decision before
      assertThat(processFields).as("fields %s reads", step.elementId()).containsAll(read);
      assertThat(read.stream().filter(field -> !otherFormsAsk(catalogue, step, field, processFields)))
          .as("fields only %s can supply", step.elementId()).allMatch(editable::contains);
      assertThat(editable).as("editable fields of %s that its rule never checks", step.elementId())
          .allMatch(read::contains);
      assertThat(step.freshOnEntry()).as("fields %s asks afresh", step.elementId()).allMatch(editable::contains);
      assertThat(step.demoValues().apply(LocalDate.of(2020, 5, 31)).keySet())
          .as("demo values of %s", step.elementId()).allMatch(editable::contains);
    }
  }

  @org.junit.jupiter.api.Test
  void theRenovationPathProducesEveryRecordOfTheHouseholdFile() {
    Set<Step.Document> produced = new HashSet<>();
    new HouseholdSteps().steps().forEach(step -> produced.addAll(step.documents()));
    assertThat(produced).containsExactlyInAnyOrder(HouseholdFileRecord.values());
  }

  @org.junit.jupiter.api.Test
  void theOptionListsTheRulesKnowAreTheFormsOptions() throws IOException {
    assertThat(FormOptions.KEY_GROUPS).containsExactly(names(HouseholdCaseProcess.KeyGroup.values()));
    assertThat(FormOptions.RENOVATION_METHODS).containsExactly(names(HouseholdCaseProcess.RenovationMethod.values()));
    assertThat(FormOptions.CHECK_LEVELS).containsExactly(names(ProblemRectificationProcess.CheckLevel.values()));
    assertThat(FormOptions.values("checkKinds")).containsExactly(names(ProblemRectificationProcess.CheckKind.values()));
    // a finding's category is parsed by the words the form's hint shows: the list's labels
    JsonNode hazardCategories = new ObjectMapper().readTree(Path.of("src/main/resources/data/form-options.json").toFile())
        .path("hazardCategories");
    List<String> labels = new ArrayList<>();
    hazardCategories.forEach(option -> labels.add(option.path("value").asText() + "=" + option.path("label").asText()));
    assertThat(labels).containsExactly(java.util.Arrays.stream(ProblemRectificationProcess.HazardCategory.values())
        .map(c -> c.name() + "=" + c.zh + " " + c.en).toArray(String[]::new));
    assertThat(FormOptions.LIVELIHOODS).containsExactly(names(RelocationFollowUpProcess.Livelihood.values()));
    assertThat(FormOptions.CAMPAIGN_DEADLINES).containsExactly(names(Campaign.Deadline.values()))
        .containsExactly(names(Step.CampaignDeadline.values()));
    // every select of every form offers exactly one of the lists, in its order (divisions come from their CSV)
    Set<String> divisions = Set.of(HouseholdCaseProcess.Vars.CITY_CODE, HouseholdCaseProcess.Vars.COUNTY_CODE,
        HouseholdCaseProcess.Vars.TOWNSHIP_CODE);
    Set<List<String>> lists = new HashSet<>();
    FormOptions.all().values().forEach(values -> lists.add(List.copyOf(values)));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        for (JsonNode select : components(new ObjectMapper().readTree(form.toFile()))) {
          if ((select.path("type").asText().equals("select") || select.path("type").asText().equals("radio"))
              && !divisions.contains(select.path("key").asText())) {
            List<String> values = new ArrayList<>();
            select.path("values").forEach(option -> values.add(option.path("value").asText()));
            // options that depend on the case: every option the expression can offer, in its order
            java.util.regex.Matcher offered = OFFERED_VALUE.matcher(select.path("valuesExpression").asText());
            while (offered.find()) {
              values.add(offered.group(1));
            }
            assertThat(lists).as("options of %s in %s", select.path("key").asText(), form).contains(values);
          }
        }
      }
    }
  }

  /** The variables {@code step}'s rule reads: with nothing filled in, with the demo values, and with every choice flipped. */
  private static Set<String> readsOf(Step step) {
    Set<String> read = new HashSet<>();
    Map<String, Object> demo = step.demoValues().apply(LocalDate.of(2020, 5, 31));
    Map<String, Object> flipped = new HashMap<>();
    demo.forEach((name, value) -> flipped.put(name, value instanceof Boolean b ? !b : value));
    for (Map<String, Object> values : List.of(Map.<String, Object>of(), demo, flipped)) {
      step.rule().check(new StepValues(recording(values, read), new FieldErrors()));
    }
    return read;
  }

  private static boolean otherFormsAsk(StepCatalogue catalogue, Step step, String field, Set<String> processFields) {
    return catalogue.derivedVariables().contains(field) || catalogue.steps().stream()
        .filter(other -> !other.formId().equals(step.formId()))
        .anyMatch(other -> formFields(other.formId(), false).contains(field))
        || !formFields(step.formId(), false).contains(field) && processFields.contains(field);
  }

  private static VariableScope recording(Map<String, Object> values, Set<String> read) {
    return (VariableScope) Proxy.newProxyInstance(ModelsTest.class.getClassLoader(), new Class<?>[] {VariableScope.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getVariable") && args.length == 1) {
            read.add((String) args[0]);
            return values.get(args[0]);
          }
          throw new UnsupportedOperationException("a rule only reads variables, not " + method.getName());
        });
  }

  /** The keys of a form's fields: the editable ones, or with {@code all} the read-only ones as well. */
  private static Set<String> formFields(String formId, boolean all) {
    try {
      Set<String> keys = new HashSet<>();
      for (JsonNode node : components(new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile()))) {
        if (node.hasNonNull("key") && (all || !node.path("disabled").asBoolean(false))) {
          keys.add(node.get("key").asText());
        }
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> components(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    Deque<JsonNode> pending = new ArrayDeque<>(List.of(form));
    while (!pending.isEmpty()) {
      JsonNode node = pending.poll();
      node.path("components").forEach(pending::add);
      all.add(node);
    }
    return all;
  }

  private static String[] names(Enum<?>[] values) {
    return Stream.of(values).map(Enum::name).toArray(String[]::new);
  }

  private static BpmnModelInstance read(String resource) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of(resource))) {
      return Bpmn.readModelFromStream(in);
    }
  }

  private static List<String> constants(Class<?> holder) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }
}
