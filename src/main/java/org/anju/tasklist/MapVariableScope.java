package org.anju.tasklist;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A register row as the start form would have left it: a {@link VariableScope} over a plain map, so
 * that {@code RegistrationRules} checks an imported row exactly as it checks the start form.
 */
public final class MapVariableScope implements VariableScope {

  private final Map<String, Object> values;

  public MapVariableScope(Map<String, Object> values) {
    this.values = new HashMap<>(values);
  }

  @Override
  public String getVariableScopeKey() {
    return "registerRow";
  }

  @Override
  public Map<String, Object> getVariables() {
    return new HashMap<>(values);
  }

  @Override
  public VariableMap getVariablesTyped() {
    return Variables.fromMap(values);
  }

  @Override
  public VariableMap getVariablesTyped(boolean deserializeValues) {
    return getVariablesTyped();
  }

  @Override
  public Map<String, Object> getVariablesLocal() {
    return getVariables();
  }

  @Override
  public VariableMap getVariablesLocalTyped() {
    return getVariablesTyped();
  }

  @Override
  public VariableMap getVariablesLocalTyped(boolean deserializeValues) {
    return getVariablesTyped();
  }

  @Override
  public Object getVariable(String name) {
    return values.get(name);
  }

  @Override
  public Object getVariableLocal(String name) {
    return values.get(name);
  }

  @Override
  public <T extends TypedValue> T getVariableTyped(String name) {
    return getVariablesTyped().getValueTyped(name);
  }

  @Override
  public <T extends TypedValue> T getVariableTyped(String name, boolean deserializeValue) {
    return getVariableTyped(name);
  }

  @Override
  public <T extends TypedValue> T getVariableLocalTyped(String name) {
    return getVariableTyped(name);
  }

  @Override
  public <T extends TypedValue> T getVariableLocalTyped(String name, boolean deserializeValue) {
    return getVariableTyped(name);
  }

  @Override
  public Set<String> getVariableNames() {
    return Set.copyOf(values.keySet());
  }

  @Override
  public Set<String> getVariableNamesLocal() {
    return getVariableNames();
  }

  @Override
  public void setVariable(String name, Object value) {
    values.put(name, value);
  }

  @Override
  public void setVariableLocal(String name, Object value) {
    values.put(name, value);
  }

  @Override
  public void setVariables(Map<String, ?> variables) {
    values.putAll(variables);
  }

  @Override
  public void setVariablesLocal(Map<String, ?> variables) {
    values.putAll(variables);
  }

  @Override
  public boolean hasVariables() {
    return !values.isEmpty();
  }

  @Override
  public boolean hasVariablesLocal() {
    return hasVariables();
  }

  @Override
  public boolean hasVariable(String name) {
    return values.containsKey(name);
  }

  @Override
  public boolean hasVariableLocal(String name) {
    return hasVariable(name);
  }

  @Override
  public void removeVariable(String name) {
    values.remove(name);
  }

  @Override
  public void removeVariableLocal(String name) {
    values.remove(name);
  }

  @Override
  public void removeVariables(Collection<String> names) {
    names.forEach(values::remove);
  }

  @Override
  public void removeVariablesLocal(Collection<String> names) {
    removeVariables(names);
  }

  @Override
  public void removeVariables() {
    values.clear();
  }

  @Override
  public void removeVariablesLocal() {
    values.clear();
  }
}
