package org.anju.access;

import java.util.Set;

import org.anju.tasklist.CommandFields;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.identity.User;

/**
 * What staff may ask of the engine, decided where the engine acts, so that no request shape, route or
 * spelling gets around it: every command a logged-in user who is not an administrator runs is either a
 * read (queries and getters, which the engine narrows by authorization and tenant), one of the few
 * writes a clerk's work consists of (start a case from its start form, claim a task for oneself, give
 * one's own task back, complete or submit a task, change one's own profile), or refused with 403
 * before anything happens. Refused: starting at an activity or any instance modification, variables
 * written outside a form, task deletion, delegation, resolving, assigning to others, every job
 * command (so a refused execution spends no retry), incidents, messages, signals, conditions,
 * decisions evaluated by hand, and statistics and reports that count over every county.
 */
public class StaffCommandPolicy extends CommandInterceptor {

  /** Reads that would count or show what lies outside the user's counties, or the engine's machinery. */
  static final Set<String> REFUSED_READS = Set.of(
      "HistoricActivityStatisticsQueryImpl", "HistoricCaseActivityStatisticsQueryImpl",
      "HistoricDecisionInstanceStatisticsQueryImpl", "DeploymentStatisticsQueryImpl", "BatchStatisticsQueryImpl",
      "CleanableHistoricProcessInstanceReportImpl", "CleanableHistoricDecisionInstanceReportImpl",
      "CleanableHistoricCaseInstanceReportImpl", "CleanableHistoricBatchReportImpl",
      "GetTableCountCmd", "GetTableMetaDataCmd", "GetTableNameCmd", "GetPropertiesCmd", "GetLicenseKeyCmd",
      "GetTelemetryDataCmd", "GetUniqueTaskWorkerCountCmd", "GetJobExceptionStacktraceCmd",
      "GetHistoricJobLogExceptionStacktraceCmd", "GetExternalTaskErrorDetailsCmd",
      "GetHistoricExternalTaskLogErrorDetailsCmd", "GetTopicNamesCmd");

  /** The webapps' own read commands (Cockpit's and Tasklist's plugin queries; read-only in the Community Edition). */
  static final Set<String> WEBAPP_PACKAGES = Set.of("org.camunda.bpm.cockpit.", "org.camunda.bpm.tasklist.",
      "org.camunda.bpm.webapp.", "org.camunda.bpm.welcome.");

  static final String START_FORM_ONLY = "Refused: a case starts at its start event, through its start form, and moves"
      + " on only by its steps / 案件只能从开始表单发起，只能逐步办理";

  private final ProcessEngineConfigurationImpl configuration;

  public StaffCommandPolicy(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    if (user == null || Context.getCommandContext() != null || CurrentUser.isAdministrator(user)
        || configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId())) {
      return next.execute(command); // the engine itself, a command nested in a checked one, an administrator
    }
    if (command instanceof AssignTaskCmd && CommandFields.read(command, "userId") == null) {
      return next.execute(giveBack(command, user));
    }
    String refusal = refusal(command, user);
    if (refusal != null) {
      throw new AuthorizationException(refusal);
    }
    return next.execute(command);
  }

  /** Why the command is refused to this user, or null when staff may run it. */
  static String refusal(Command<?> command, Authentication user) {
    Class<?> type = command.getClass();
    String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    if (type.getName().startsWith("org.anju.")) {
      return null; // Anju's own services check what they do themselves
    }
    if (REFUSED_READS.contains(name) || name.startsWith("HistoricProcessInstanceReportImpl")
        || name.startsWith("HistoricTaskInstanceReportImpl") || name.startsWith("TaskReportImpl")) {
      return "Refused: counts over every county and the engine's machinery are for administrators / 全省统计和引擎作业仅限管理员";
    }
    if (command instanceof AbstractQuery<?, ?> || isRead(type, name)) {
      return null;
    }
    if (name.equals("StartProcessInstanceAtActivitiesCmd") || name.equals("ModifyProcessInstanceCmd")
        || name.equals("ModifyProcessInstanceAsyncCmd") || name.equals("ProcessInstanceModificationCmd")
        || name.startsWith("RestartProcessInstance")) {
      return START_FORM_ONLY;
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl start = CommandFields.read(command, "instantiationBuilder");
      boolean plain = start.getModificationBuilder() == null
          || start.getModificationBuilder().getModificationOperations().isEmpty()
          && !start.getModificationBuilder().isSkipCustomListeners() && !start.getModificationBuilder().isSkipIoMappings();
      return plain && start.getCaseInstanceId() == null && start.getRestartedProcessInstanceId() == null ? null
          : START_FORM_ONLY;
    }
    if (command instanceof SubmitStartFormCmd || command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
        || command instanceof CheckPassword) {
      return null; // the form's fields only: FormSubmissionPolicy; the step's rule: StepValidationListener
    }
    if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd) {
      return user.getUserId().equals(CommandFields.read(command, "userId")) ? null
          : "Refused: a task is claimed by the person who will do it, for themselves / 只能为自己认领任务";
    }
    if (command instanceof SaveUserCmd) {
      User saved = CommandFields.read(command, "user");
      return saved != null && user.getUserId().equals(saved.getId()) ? null
          : "Refused: staff change only their own profile / 只能修改本人资料";
    }
    return "Refused: " + name + " is not part of a clerk's work; an administrator does it / 此操作不属于工作人员的职责，请联系管理员";
  }

  private static boolean isRead(Class<?> type, String name) {
    String pkg = type.getPackageName() + ".";
    if (WEBAPP_PACKAGES.stream().anyMatch(pkg::startsWith)) {
      return true;
    }
    boolean engine = pkg.startsWith("org.camunda.bpm.engine.impl.");
    return engine && (name.startsWith("Get") || name.startsWith("Find") || name.startsWith("Is")
        || name.matches("Create\\w*QueryCmd") || name.startsWith("ExecuteFilter") || name.equals("AuthorizationCheckCmd"));
  }

  /**
   * Giving one's own task back (Tasklist's "unclaim"): tasks are granted with TASK_WORK only, which lets a
   * candidate claim but not reset the assignee, so a clerk could never undo a claim. The assignee may.
   */
  private static <T> Command<T> giveBack(Command<T> command, Authentication user) {
    return context -> {
      String taskId = CommandFields.read(command, "taskId");
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null || !context.getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
        throw new NullValueException("Cannot find task with id " + taskId + ": task is null");
      }
      if (!user.getUserId().equals(task.getAssignee())) {
        throw new AuthorizationException("Refused: only the person who claimed a task gives it back / 只有认领人可以退回任务");
      }
      context.disableAuthorizationCheck();
      try {
        return command.execute(context);
      } finally {
        context.enableAuthorizationCheck();
      }
    };
  }
}
