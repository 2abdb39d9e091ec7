package org.anju.tasklist;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what an engine command was asked to do (its task id, its variables, the user it claims for).
 * The engine's commands keep their arguments in protected fields without getters; a policy that
 * checks them where the engine acts must read them there. A field that cannot be read is an error,
 * never "no value": the policies built on this fail closed.
 */
public final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  /** The value of the named field, declared on the command's class or one of its superclasses. */
  @SuppressWarnings("unchecked")
  public static <T> T read(Object command, String name) {
    Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, k -> find(command.getClass(), name));
    try {
      return (T) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new IllegalStateException(type.getName() + " has no field " + name + ": the engine changed; review the policy");
  }
}
