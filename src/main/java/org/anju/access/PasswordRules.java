package org.anju.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;

/**
 * The password rules of Anju, one source for every way a password is set: the staff import, the Admin
 * webapp, {@code PUT /user/{id}/credentials} and Java, through {@link IdentityRules} and, as the engine's
 * password policy, through the engine's own check and the Admin webapp's hints.
 */
public final class PasswordRules implements PasswordPolicy {

  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 128;

  /** Why {@code password} may not be set, or empty. */
  public static Optional<String> problem(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      return Optional.of("must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    return Optional.empty();
  }

  @Override
  public List<PasswordPolicyRule> getRules() {
    // the engine's length rule, whose placeholder the Admin webapp translates, and Anju's upper bound
    return List.of(new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new MaxLength());
  }

  /** At most {@link #MAX_LENGTH} characters: the engine has a lower bound only. */
  private static final class MaxLength implements PasswordPolicyRule {

    @Override
    public String getPlaceholder() {
      return "ANJU_PASSWORD_MAX_LENGTH";
    }

    @Override
    public Map<String, String> getParameters() {
      return Map.of("maxLength", String.valueOf(MAX_LENGTH));
    }

    @Override
    public boolean execute(String password) {
      return password != null && password.length() <= MAX_LENGTH;
    }
  }
}
