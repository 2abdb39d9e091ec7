package org.anju.tasklist;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable with its type: read and written through it instead of casting what
 * {@code getVariable} returns. A value of the wrong type is a bug in a model or a delegate, so it fails
 * loudly, naming the variable.
 *
 * @param <T> the Java type code works with; dates are stored as ISO strings, as Camunda Forms submit them
 */
public final class Variable<T> {

  private final String name;
  private final Class<?> stored;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private Variable(String name, Class<?> stored, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.stored = stored;
    this.read = read;
    this.write = write;
  }

  public static Variable<String> text(String name) {
    return new Variable<>(name, String.class, String.class::cast, value -> value);
  }

  public static Variable<Boolean> flag(String name) {
    return new Variable<>(name, Boolean.class, Boolean.class::cast, value -> value);
  }

  /** A whole number stored as Integer (a year); any stored number reads. */
  public static Variable<Integer> integer(String name) {
    return new Variable<>(name, Number.class, value -> ((Number) value).intValue(), value -> value);
  }

  /** A whole number stored as Long (a count, an amount); any stored number reads. */
  public static Variable<Long> whole(String name) {
    return new Variable<>(name, Number.class, value -> ((Number) value).longValue(), value -> value);
  }

  /** A date stored as its ISO string (yyyy-MM-dd). */
  public static Variable<LocalDate> date(String name) {
    return new Variable<>(name, String.class, value -> LocalDate.parse((String) value), LocalDate::toString);
  }

  /** An enum stored as its name. */
  public static <E extends Enum<E>> Variable<E> of(String name, Class<E> type) {
    return new Variable<>(name, String.class, value -> Enum.valueOf(type, (String) value), Enum::name);
  }

  public String name() {
    return name;
  }

  /** The value, or null when the variable is absent or null. */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(get(scope));
  }

  /** The value in a map of variables (a start's, a REST body's), or null. */
  public T from(Map<String, ?> variables) {
    return convert(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value == null ? null : write.apply(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value == null ? null : write.apply(value));
  }

  /** What {@link #set} stores for {@code value}, for a map of variables. */
  public Object stored(T value) {
    return value == null ? null : write.apply(value);
  }

  private T convert(Object value) {
    if (value == null) {
      return null;
    }
    if (!stored.isInstance(value)) {
      throw new IllegalStateException("variable " + name + " holds a " + value.getClass().getSimpleName()
          + ", not a " + stored.getSimpleName());
    }
    return read.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
