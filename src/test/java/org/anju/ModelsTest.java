package org.anju;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.anju.campaign.CampaignSteps;
import org.anju.campaign.HousingCampaignProcess;
import org.anju.escalation.NotificationDeliveryProcess;
import org.anju.escalation.OverdueWatchProcess;
import org.anju.household.HouseholdCaseProcess;
import org.anju.household.HouseholdSteps;
import org.anju.rectification.ProblemRectificationProcess;
import org.anju.rectification.RectificationSteps;
import org.anju.tasklist.Steps;
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
        Arguments.of(OverdueWatchProcess.RESOURCE, OverdueWatchProcess.Elements.class));
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

  static final Steps STEPS = new Steps(List.of(new HouseholdSteps(), new RectificationSteps(), new CampaignSteps()));

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
      // case files are kept ten years; the housekeeping processes only a week or a month
      assertThat(process.getCamundaHistoryTimeToLiveString()).isIn("3650", "30", "7");
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
