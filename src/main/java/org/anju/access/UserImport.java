package org.anju.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates staff users from a CSV file ({@code id,firstName,lastName,email,password,groups}, groups
 * separated by {@code ;}). Every row is checked first; with any problem nothing is created.
 */
@Service
public class UserImport {

  public static final String HEADER = "id,firstName,lastName,email,password,groups";
  static final int MAX_ROWS = 5000;
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]{1,64}");

  /** One problem of one row; line 1 is the header. */
  public record RowError(int line, String field, String reason) {}

  /** The result: how many users were created, or the rows' problems. */
  public record Result(int created, List<RowError> errors) {}

  private record Row(int line, String id, String firstName, String lastName, String email, String password,
      List<String> groups) {}

  private final IdentityService identity;
  private final TransactionTemplate transaction;

  public UserImport(IdentityService identity, TransactionTemplate transaction) {
    this.identity = identity;
    this.transaction = transaction;
  }

  public Result importCsv(String csv) {
    List<RowError> errors = new ArrayList<>();
    List<Row> rows = parse(csv, errors);
    if (!errors.isEmpty()) {
      return new Result(0, errors);
    }
    transaction.executeWithoutResult(status -> rows.forEach(this::create));
    return new Result(rows.size(), List.of());
  }

  private List<Row> parse(String csv, List<RowError> errors) {
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(csv == null ? "" : csv.replace("\uFEFF", "")))) {
      String header = reader.readLine();
      if (header == null || !header.strip().equals(HEADER)) {
        errors.add(new RowError(1, "header", "must be exactly '" + HEADER + "'"));
        return rows;
      }
      int line = 1;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          errors.add(new RowError(line, "file", "at most " + MAX_ROWS + " users per file"));
          break;
        }
        Row row = check(line, text.split(",", -1), seen, errors);
        if (row != null) {
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(new RowError(2, "file", "has no users"));
    }
    return rows;
  }

  private Row check(int line, String[] cells, Set<String> seen, List<RowError> errors) {
    if (cells.length != 6) {
      errors.add(new RowError(line, "row", "must have 6 columns, not " + cells.length));
      return null;
    }
    int before = errors.size();
    String id = cells[0].strip();
    if (!USER_ID.matcher(id).matches()) {
      errors.add(new RowError(line, "id", "must be 1 to 64 letters or digits"));
    } else if (!seen.add(id) || identity.createUserQuery().userId(id).count() > 0) {
      errors.add(new RowError(line, "id", "user '" + id + "' exists already"));
    }
    // the same rules as every other save of a user (IdentityRules), checked here to report every row at once
    String email = cells[3].strip();
    ProfileRules.problems(cells[1], cells[2], email)
        .forEach(problem -> errors.add(new RowError(line, problem.field(), problem.reason())));
    String password = cells[4];
    PasswordRules.problem(password).ifPresent(reason -> errors.add(new RowError(line, "password", reason)));
    List<String> groups = new ArrayList<>();
    for (String group : cells[5].split(";")) {
      String g = group.strip();
      if (g.isEmpty()) {
        continue;
      }
      if (identity.createGroupQuery().groupId(g).count() == 0) {
        errors.add(new RowError(line, "groups", "group '" + g + "' does not exist (set up its county first)"));
      }
      groups.add(g);
    }
    if (groups.isEmpty()) {
      errors.add(new RowError(line, "groups", "name at least one group"));
    }
    return errors.size() == before ? new Row(line, id, cells[1].strip(), cells[2].strip(), email, password, groups) : null;
  }

  private void create(Row row) {
    User user = identity.newUser(row.id());
    user.setFirstName(row.firstName());
    user.setLastName(row.lastName());
    user.setEmail(row.email().isEmpty() ? null : row.email());
    user.setPassword(row.password());
    identity.saveUser(user);
    row.groups().forEach(group -> identity.createMembership(row.id(), group));
  }
}
