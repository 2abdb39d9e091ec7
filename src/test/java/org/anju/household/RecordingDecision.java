package org.anju.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

/**
 * A decision table of {@code processes/}, evaluated with the engine's DMN engine, that records which
 * rules matched, so that a test can show it reached every rule the file declares.
 */
final class RecordingDecision {

  /** A result and the ids of the rules that produced it. */
  record Evaluation(DmnDecisionResult result, List<String> rules) {}

  private final String resource;
  private final String key;
  private final List<String> matched = new ArrayList<>();
  private final DmnEngine engine;
  private final DmnDecision decision;

  private RecordingDecision(String resource, String key) {
    this.resource = resource;
    this.key = key;
    DmnDecisionEvaluationListener recordMatches = event -> {
      if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
        table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
      }
    };
    this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionEvaluationListeners(List.of(recordMatches)).buildEngine();
    try (InputStream in = open()) {
      this.decision = engine.parseDecision(key, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RecordingDecision parse(String resource, String key) {
    return new RecordingDecision(resource, key);
  }

  Evaluation evaluate(Map<String, Object> variables) {
    matched.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, variables);
    return new Evaluation(result, List.copyOf(matched));
  }

  /** The ids of the rules as the file declares them, read with the DMN model API. */
  Set<String> ruleIds() throws IOException {
    try (InputStream in = open()) {
      Decision model = Dmn.readModelFromStream(in).getModelElementById(key);
      Set<String> ids = new TreeSet<>();
      for (Rule rule : ((DecisionTable) model.getExpression()).getRules()) {
        ids.add(rule.getId());
      }
      assertThat(ids).isNotEmpty();
      return ids;
    }
  }

  private InputStream open() {
    InputStream in = RecordingDecision.class.getClassLoader().getResourceAsStream(resource);
    assertThat(in).as(resource + " on the classpath").isNotNull();
    return in;
  }
}
