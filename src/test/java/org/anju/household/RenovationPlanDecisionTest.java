package org.anju.household;

import static org.assertj.core.api.Assertions.*;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.anju.household.HouseholdCaseProcess.Decisions;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of {@code processes/renovation-plan.dmn} (hit policy FIRST), evaluated by Camunda's DMN
 * engine: from the appraisal grade and the household's situation to the way it is secured.
 */
class RenovationPlanDecisionTest {

  static final String RESOURCE = "processes/renovation-plan.dmn";

  /**
   * One row per rule plus the priority cases: grade, key group, can build, in relocation programme,
   * expected method, expected matching rule. An empty cell is a missing value.
   */
  static final String ROWS = """
      # relocation comes before everything, even a safe grade
      A, POOR,     true,  true,  RELOCATION,          Rule_Relocation
      D, TEKUN,    false, true,  RELOCATION,          Rule_Relocation
      C, DIBAO,    ,      true,  RELOCATION,          Rule_Relocation
      # a safe house needs no work, whether or not the household could build
      A, DIBAO,    true,  false, APPRAISED_SAFE,      Rule_AppraisedSafe
      B, POOR,     false, false, APPRAISED_SAFE,      Rule_AppraisedSafe
      B, TEKUN,    false, ,      APPRAISED_SAFE,      Rule_AppraisedSafe
      D, TEKUN,    false, false, ALTERNATIVE_HOUSING, Rule_CannotBuild
      # any other household that cannot build is housed another way
      C, POOR,     false, false, ALTERNATIVE_HOUSING, Rule_CannotBuild
      C, TEKUN,    false, false, ALTERNATIVE_HOUSING, Rule_CannotBuild
      D, DISABLED, false, false, ALTERNATIVE_HOUSING, Rule_CannotBuild
      # C and D that can build: reinforce and rebuild
      C, POOR,     true,  false, REINFORCE,           Rule_Reinforce
      C, TEKUN,    true,  false, REINFORCE,           Rule_Reinforce
      D, DIBAO,    true,  false, REBUILD,             Rule_Rebuild
      D, TEKUN,    true,  false, REBUILD,             Rule_Rebuild
      """;

  static DmnEngine dmnEngine;
  static DmnDecision decision;
  static final List<String> matchedRules = new ArrayList<>();

  @BeforeAll
  static void parseDecision() throws Exception {
    DmnDecisionEvaluationListener recordMatches = event -> {
      if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
        table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
      }
    };
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionEvaluationListeners(List.of(recordMatches))
        .buildEngine();
    try (InputStream in = resource()) {
      decision = dmnEngine.parseDecision(Decisions.RENOVATION_PLAN, in);
    }
  }

  @ParameterizedTest(name = "[{index}] {0} {1} canBuild={2} relocation={3} -> {4} by {5}")
  @CsvSource(textBlock = ROWS, ignoreLeadingAndTrailingWhitespace = true)
  void shouldDecideTheRenovationMethod(String grade, KeyGroup group, Boolean canBuild, Boolean inRelocation,
      RenovationMethod expected, String expectedRule) {
    Evaluation evaluation = evaluate(grade, group, canBuild, inRelocation);

    assertThat(evaluation.result().<String>getSingleEntry()).isEqualTo(expected.name());
    assertThat(evaluation.result().getSingleResult().getEntryMap()).containsOnlyKeys(Vars.RENOVATION_METHOD);
    assertThat(evaluation.rules()).containsExactly(expectedRule);
  }

  @Test
  void shouldMatchNoRuleForAGradeOutsideTheScale() {
    Evaluation evaluation = evaluate("E", KeyGroup.POOR, true, false);

    assertThat(evaluation.result()).isEmpty();
    assertThat(evaluation.rules()).isEmpty();
  }

  @Test
  void shouldHaveEveryRuleOfTheTableHitByARow() throws Exception {
    Set<String> hit = new TreeSet<>();
    for (String line : ROWS.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      String[] cells = line.split(",", -1);
      hit.addAll(evaluate(cell(cells[0]), KeyGroup.valueOf(cell(cells[1])), bool(cells[2]), bool(cells[3])).rules());
    }

    assertThat(hit).containsExactlyInAnyOrderElementsOf(ruleIdsOfTheTable());
  }

  /** The ids of the rules as the file declares them, read with the DMN model API. */
  static Set<String> ruleIdsOfTheTable() throws Exception {
    try (InputStream in = resource()) {
      Decision model = Dmn.readModelFromStream(in).getModelElementById(Decisions.RENOVATION_PLAN);
      DecisionTable table = (DecisionTable) model.getExpression();
      Set<String> ids = new TreeSet<>();
      for (Rule rule : table.getRules()) {
        ids.add(rule.getId());
      }
      assertThat(ids).isNotEmpty();
      return ids;
    }
  }

  record Evaluation(DmnDecisionResult result, List<String> rules) {}

  private static Evaluation evaluate(String grade, KeyGroup group, Boolean canBuild, Boolean inRelocation) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.SAFETY_GRADE, grade);
    variables.put(Vars.KEY_GROUP, group == null ? null : group.name());
    variables.put(Vars.CAN_BUILD, canBuild);
    variables.put(Vars.IN_RELOCATION_PROGRAMME, inRelocation);
    matchedRules.clear();
    DmnDecisionResult result = dmnEngine.evaluateDecision(decision, variables);
    return new Evaluation(result, List.copyOf(matchedRules));
  }

  private static String cell(String raw) {
    String value = raw.strip();
    return value.isEmpty() ? null : value;
  }

  private static Boolean bool(String raw) {
    String value = cell(raw);
    return value == null ? null : Boolean.valueOf(value);
  }

  private static InputStream resource() {
    InputStream in = RenovationPlanDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
    return in;
  }
}
