package org.anju.access;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The staff import's rules for every save of a user, whatever the route (the Admin webapp, the engine REST
 * API's {@code PUT /user/{id}/profile} and {@code /credentials}, Java): {@link ProfileRules} for the names
 * and e-mail, {@link PasswordRules} for a new password unless the caller skipped the password policy.
 * A refusal is a {@link NotValidException}, which the engine REST API answers with 400 and its message.
 */
final class IdentityRules extends CommandInterceptor {

  private static final Field USER = field(SaveUserCmd.class, "user");
  private static final Field SKIP_PASSWORD_POLICY = field(SaveUserCmd.class, "skipPasswordPolicy");
  private static final Field NEW_PASSWORD = field(UserEntity.class, "newPassword");

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SaveUserCmd save && read(USER, save) instanceof User user) {
      check(user, (Boolean) read(SKIP_PASSWORD_POLICY, save));
    }
    return next.execute(command);
  }

  private static void check(User user, boolean skipPasswordPolicy) {
    List<String> problems = new ArrayList<>();
    ProfileRules.problems(user.getFirstName(), user.getLastName(), user.getEmail())
        .forEach(p -> problems.add(p.field() + ": " + p.reason()));
    if (!skipPasswordPolicy && user instanceof UserEntity entity && entity.hasNewPassword()) {
      PasswordRules.problem((String) read(NEW_PASSWORD, entity)).ifPresent(reason -> problems.add("password: " + reason));
    }
    if (!problems.isEmpty()) {
      throw new NotValidException("User '" + user.getId() + "' was not saved: " + String.join("; ", problems));
    }
    // stored as checked: the import strips names too
    user.setFirstName(user.getFirstName().strip());
    user.setLastName(user.getLastName().strip());
    if (user.getEmail() != null) {
      user.setEmail(user.getEmail().isBlank() ? null : user.getEmail().strip());
    }
  }

  /** A field the engine keeps to itself; its commands and entities offer no getter for these. */
  static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("the engine's " + type.getSimpleName() + " has no field " + name
          + " any more: check IdentityRules and LoginThrottleInterceptor against this engine version", e);
    }
  }

  static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
