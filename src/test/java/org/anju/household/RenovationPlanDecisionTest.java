package org.anju.household;

import static org.assertj.core.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.anju.household.HouseholdCaseProcess.Decisions;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.RenovationMethod;
import org.anju.household.HouseholdCaseProcess.Vars;
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
   * built to resist earthquakes, expected method, expected matching rule. An empty cell is a missing value.
   */
  static final String ROWS = """
      # relocation comes before everything, even a safe grade
      A, POOR,      true,   true,   ,       RELOCATION,           Rule_Relocation
      D, TEKUN,     false,  true,   ,       RELOCATION,           Rule_Relocation
      C, DIBAO,     ,       true,   ,       RELOCATION,           Rule_Relocation
      # a safe house needs no work, whether or not the household could build
      A, DIBAO,     true,   false,  ,       APPRAISED_SAFE,       Rule_AppraisedSafe
      B, POOR,      false,  false,  ,       APPRAISED_SAFE,       Rule_AppraisedSafe
      B, TEKUN,     false,  ,       ,       APPRAISED_SAFE,       Rule_AppraisedSafe
      D, TEKUN,     false,  false,  ,       ALTERNATIVE_HOUSING,  Rule_CannotBuild
      # any other household that cannot build is housed another way
      C, POOR,      false,  false,  ,       ALTERNATIVE_HOUSING,  Rule_CannotBuild
      C, TEKUN,     false,  false,  ,       ALTERNATIVE_HOUSING,  Rule_CannotBuild
      D, DISABLED,  false,  false,  ,       ALTERNATIVE_HOUSING,  Rule_CannotBuild
      # C and D that can build: reinforce and rebuild
      C, POOR,      true,   false,  ,       REINFORCE,            Rule_Reinforce
      C, TEKUN,     true,   false,  ,       REINFORCE,            Rule_Reinforce
      D, DIBAO,     true,   false,  ,       REBUILD,              Rule_Rebuild
      D, TEKUN,     true,   false,  ,       REBUILD,              Rule_Rebuild
      # an A/B house not built to resist earthquakes (asked only where the intensity is 7 or more) is reinforced;
      # one that is, or a C/D house, takes its usual way; relocation still comes first
      B, POOR,      true,   false,  false,  SEISMIC_REINFORCE,    Rule_SeismicReinforce
      A, TEKUN,     false,  false,  false,  SEISMIC_REINFORCE,    Rule_SeismicReinforce
      B, DIBAO,     true,   false,  true,   APPRAISED_SAFE,       Rule_AppraisedSafe
      C, POOR,      true,   false,  false,  REINFORCE,            Rule_Reinforce
      B, POOR,      true,   true,   false,  RELOCATION,           Rule_Relocation
      """;

  static RecordingDecision table;

  @BeforeAll
  static void parseDecision() {
    table = RecordingDecision.parse(RESOURCE, Decisions.RENOVATION_PLAN);
  }

  @ParameterizedTest(name = "[{index}] {0} {1} canBuild={2} relocation={3} seismicallySafe={4} -> {5} by {6}")
  @CsvSource(textBlock = ROWS, ignoreLeadingAndTrailingWhitespace = true)
  void shouldDecideTheRenovationMethod(String grade, KeyGroup group, Boolean canBuild, Boolean inRelocation,
      Boolean seismicallySafe, RenovationMethod expected, String expectedRule) {
    RecordingDecision.Evaluation evaluation = evaluate(grade, group, canBuild, inRelocation, seismicallySafe);

    assertThat(evaluation.result().<String>getSingleEntry()).isEqualTo(expected.name());
    assertThat(evaluation.result().getSingleResult().getEntryMap()).containsOnlyKeys(Vars.RENOVATION_METHOD);
    assertThat(evaluation.rules()).containsExactly(expectedRule);
  }

  @Test
  void shouldMatchNoRuleForAGradeOutsideTheScale() {
    RecordingDecision.Evaluation evaluation = evaluate("E", KeyGroup.POOR, true, false, null);

    assertThat(evaluation.result()).isEmpty();
    assertThat(evaluation.rules()).isEmpty();
  }

  @Test
  void shouldHaveEveryRuleOfTheTableHitByARow() throws Exception {
    Set<String> hit = new TreeSet<>();
    for (String line : ROWS.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      String[] cells = line.split(",", -1);
      hit.addAll(evaluate(cell(cells[0]), KeyGroup.valueOf(cell(cells[1])), bool(cells[2]), bool(cells[3]),
          bool(cells[4])).rules());
    }

    assertThat(hit).containsExactlyInAnyOrderElementsOf(table.ruleIds());
  }

  private static RecordingDecision.Evaluation evaluate(String grade, KeyGroup group, Boolean canBuild, Boolean inRelocation,
      Boolean seismicallySafe) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.SAFETY_GRADE, grade);
    variables.put(Vars.KEY_GROUP, group == null ? null : group.name());
    variables.put(Vars.CAN_BUILD, canBuild);
    variables.put(Vars.IN_RELOCATION_PROGRAMME, inRelocation);
    variables.put(Vars.SEISMICALLY_SAFE, seismicallySafe);
    return table.evaluate(variables);
  }

  private static String cell(String raw) {
    String value = raw.strip();
    return value.isEmpty() ? null : value;
  }

  private static Boolean bool(String raw) {
    String value = cell(raw);
    return value == null ? null : Boolean.valueOf(value);
  }
}
