package org.anju.household;

import static org.assertj.core.api.Assertions.*;

import java.util.List;
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
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rule of {@code processes/renovation-subsidy.dmn} (hit policy UNIQUE), evaluated by Camunda's
 * DMN engine: the province default subsidy per household in yuan.
 */
class RenovationSubsidyDecisionTest {

  static final String RESOURCE = "processes/renovation-subsidy.dmn";

  /** Method, key group, expected subsidy in yuan, expected matching rule; every group of every rule. */
  static final String ROWS = """
      REINFORCE, POOR,     6000,  Rule_ReinforcePoor
      REINFORCE, DIBAO,    7500,  Rule_ReinforceOther
      REINFORCE, TEKUN,    7500,  Rule_ReinforceOther
      REINFORCE, DISABLED, 7500,  Rule_ReinforceOther
      REBUILD,   POOR,     20000, Rule_RebuildPoor
      REBUILD,   DIBAO,    30000, Rule_RebuildDibaoDisabled
      REBUILD,   DISABLED, 30000, Rule_RebuildDibaoDisabled
      REBUILD,   TEKUN,    35000, Rule_RebuildTekun
      SEISMIC_REINFORCE, POOR,  10000, Rule_SeismicReinforce
      SEISMIC_REINFORCE, TEKUN, 10000, Rule_SeismicReinforce
      """;

  static RecordingDecision table;

  @BeforeAll
  static void parseDecision() {
    table = RecordingDecision.parse(RESOURCE, Decisions.RENOVATION_SUBSIDY);
  }

  @ParameterizedTest(name = "[{index}] {0} {1} -> {2} yuan by {3}")
  @CsvSource(textBlock = ROWS, ignoreLeadingAndTrailingWhitespace = true)
  void shouldDecideTheSubsidy(RenovationMethod method, KeyGroup group, long expectedYuan, String expectedRule) {
    RecordingDecision.Evaluation evaluation = evaluate(method, group);

    assertThat(evaluation.result().<Long>getSingleEntry()).isEqualTo(expectedYuan);
    assertThat(evaluation.result().getSingleResult().getEntryMap()).containsOnlyKeys(Vars.SUBSIDY_AMOUNT);
    assertThat(evaluation.rules()).containsExactly(expectedRule);
  }

  @ParameterizedTest
  @EnumSource(value = RenovationMethod.class, names = {"APPRAISED_SAFE", "ALTERNATIVE_HOUSING", "RELOCATION"})
  void shouldGrantNoRenovationSubsidyWithoutRenovation(RenovationMethod method) {
    for (KeyGroup group : KeyGroup.values()) {
      RecordingDecision.Evaluation evaluation = evaluate(method, group);

      assertThat(evaluation.result()).as("%s %s", method, group).isEmpty();
      assertThat(evaluation.rules()).as("%s %s", method, group).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = RenovationMethod.class, names = {"REINFORCE", "REBUILD"})
  void shouldGrantDibaoTekunAndDisabledHouseholdsMoreThanPoorHouseholds(RenovationMethod method) {
    long poor = evaluate(method, KeyGroup.POOR).result().<Long>getSingleEntry();
    for (KeyGroup group : List.of(KeyGroup.DIBAO, KeyGroup.TEKUN, KeyGroup.DISABLED)) {
      assertThat(evaluate(method, group).result().<Long>getSingleEntry()).as("%s %s", method, group)
          .isGreaterThan(poor);
    }
  }

  @Test
  void shouldHaveEveryRuleOfTheTableHitByARow() throws Exception {
    Set<String> hit = new TreeSet<>();
    for (String line : ROWS.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      String[] cells = line.split(",", -1);
      hit.addAll(evaluate(RenovationMethod.valueOf(cells[0].strip()), KeyGroup.valueOf(cells[1].strip())).rules());
    }

    assertThat(hit).containsExactlyInAnyOrderElementsOf(table.ruleIds());
  }

  private static RecordingDecision.Evaluation evaluate(RenovationMethod method, KeyGroup group) {
    return table.evaluate(Map.of(Vars.RENOVATION_METHOD, method.name(), Vars.KEY_GROUP, group.name()));
  }
}
