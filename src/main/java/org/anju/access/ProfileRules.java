package org.anju.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.anju.tasklist.StepValues;

/**
 * The rules of a user's profile, for the staff import and for every other way a profile is saved
 * ({@link IdentityRules}): names of 1 to 50 visible characters without markup, an optional e-mail address.
 * Names are shown in Tasklist, Cockpit and Admin, so they follow the forms' text rules.
 */
public final class ProfileRules {

  static final int MAX_NAME_LENGTH = 50;
  /** A top-level domain is optional: Camunda's first administrator is {@code admin@localhost} by default. */
  static final Pattern EMAIL = Pattern.compile("[^@\\s,<>]{1,64}@[^@\\s,<>.]{1,63}(\\.[^@\\s,<>.]{1,63}){0,8}");
  private static final Pattern LINE_BREAK = Pattern.compile("[\\t\\n\\r]");

  /** One field's problem. */
  public record Problem(String field, String reason) {}

  private ProfileRules() {}

  /** The problems of a profile; names are judged as {@link String#strip() stripped}, as they are stored. */
  public static List<Problem> problems(String firstName, String lastName, String email) {
    List<Problem> problems = new ArrayList<>();
    nameProblem(firstName).ifPresent(reason -> problems.add(new Problem("firstName", reason)));
    nameProblem(lastName).ifPresent(reason -> problems.add(new Problem("lastName", reason)));
    emailProblem(email).ifPresent(reason -> problems.add(new Problem("email", reason)));
    return problems;
  }

  static Optional<String> nameProblem(String name) {
    String v = name == null ? "" : name.strip();
    if (StepValues.isBlank(v) || v.length() > MAX_NAME_LENGTH) {
      return Optional.of("must have 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (LINE_BREAK.matcher(v).find()) {
      return Optional.of("must not contain < or > or control characters");
    }
    return StepValues.characterProblem(v);
  }

  /** An absent or blank e-mail is allowed: not every village cadre has one. */
  static Optional<String> emailProblem(String email) {
    String v = email == null ? "" : email.strip();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!EMAIL.matcher(v).matches() || StepValues.characterProblem(v).isPresent()) {
      return Optional.of("is not an e-mail address");
    }
    return Optional.empty();
  }
}
