package org.anju.intake;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.anju.access.Role;
import org.anju.household.HouseholdCaseProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Whether a user may import registers: every row starts a {@code household-case}, so only a user the
 * engine lets start one, as it checks each start (CREATE on process instances, CREATE_INSTANCE on
 * the definition), and who acts for a county. Asked before the file is read, so that an upload that
 * could register nothing is refused at once instead of failing row by row.
 */
@Component
class RegisterPermission {

  private final AuthorizationService authorizations;

  RegisterPermission(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  boolean mayRegister(Uploader who) {
    if (who == null || !who.hasCounty()) {
      return false;
    }
    // the engine lets its administrators start any process without a grant
    return who.administrator()
        || authorizations.isUserAuthorized(who.userId(), who.groups(), Permissions.CREATE, Resources.PROCESS_INSTANCE)
        && authorizations.isUserAuthorized(who.userId(), who.groups(), ProcessDefinitionPermissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION, HouseholdCaseProcess.KEY);
  }

  /** Why the user may not import, in Chinese and English, naming who registers households. */
  String refusal(Uploader who) {
    String user = who == null ? "" : who.userId();
    if (who != null && !who.hasCounty()) {
      return "用户 " + user + " 不属于任何县，不能导入花名册。 User " + user
          + " belongs to no county and may not import registers.";
    }
    String registering = Arrays.stream(Role.values()).filter(Role::registersHouseholds).map(Role::title)
        .collect(Collectors.joining("、"));
    return "用户 " + user + " 没有登记农户的权限（不能启动农户住房安全保障案件 " + HouseholdCaseProcess.KEY
        + "），不能导入花名册；农户由以下人员登记：" + registering + "。 User " + user
        + " may not register households (no permission to start " + HouseholdCaseProcess.KEY
        + ") and so may not import registers; households are registered by: " + registering + ".";
  }
}
