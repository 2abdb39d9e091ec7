package org.anju.tasklist;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A person's submission of a step, or start of a case, may carry only the fields of the form the step
 * shows, each a plain value. Checked inside the engine, on the commands themselves, so that every route
 * meets it: the engine REST API however its path is spelled ({@code complete}, {@code submit-form},
 * {@code start}), the webapps' API and Java. Without it a clerk could send along what the form does
 * not show (the next step's candidate group, the approved subsidy) and no step rule would see it.
 * Fails closed: a task or form it cannot read refuses the submission. Engine-internal calls (no user),
 * commands nested in a checked one and administrators pass.
 */
public class FormSubmissionPolicy extends CommandInterceptor {

  static final Set<ValueType> PLAIN = Set.of(ValueType.STRING, ValueType.BOOLEAN, ValueType.INTEGER, ValueType.LONG,
      ValueType.SHORT, ValueType.DOUBLE, ValueType.NULL);

  private final ProcessEngineConfigurationImpl configuration;
  private final FormFields forms = new FormFields();

  public FormSubmissionPolicy(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    if (user == null || Context.getCommandContext() != null || isAdministrator(user)) {
      return next.execute(command); // the engine itself, a nested command, or an administrator (who may do more anyway)
    }
    if (command instanceof CompleteTaskCmd) {
      return next.execute(checked(command, CommandFields.read(command, "taskId"), CommandFields.read(command, "variables")));
    }
    if (command instanceof SubmitTaskFormCmd) {
      return next.execute(checked(command, CommandFields.read(command, "taskId"), CommandFields.read(command, "properties")));
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = CommandFields.read(command, "instantiationBuilder");
      return next.execute(checkedStart(command, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
          builder.getVariables()));
    }
    if (command instanceof SubmitStartFormCmd) {
      return next.execute(checkedStart(command, CommandFields.read(command, "processDefinitionId"), null,
          CommandFields.read(command, "variables")));
    }
    return next.execute(command);
  }

  private boolean isAdministrator(Authentication user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)
        || configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId());
  }

  private <T> Command<T> checked(Command<T> command, String taskId, Map<String, Object> variables) {
    return context -> {
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null || !context.getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
        throw new NullValueException("Cannot find task with id " + taskId + ": task is null");
      }
      if (variables != null && !variables.isEmpty()) {
        Set<String> allowed = asEngine(context, () -> forms.editable(
            task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey(),
            () -> context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(taskId)));
        refuseIfAny(problems(variables, allowed));
      }
      return command.execute(context);
    };
  }

  private <T> Command<T> checkedStart(Command<T> command, String definitionId, String key, Map<String, Object> variables) {
    return context -> {
      if (variables != null && !variables.isEmpty()) {
        ProcessDefinitionEntity definition = definitionId != null
            ? context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId)
            : context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(key);
        Set<String> allowed = asEngine(context, () -> forms.editable(definition.getId() + "|start", () -> startForm(context, definition)));
        refuseIfAny(problems(variables, allowed));
      }
      return command.execute(context);
    };
  }

  private static InputStream startForm(CommandContext context, ProcessDefinitionEntity definition) {
    try {
      return context.getProcessEngineConfiguration().getFormService().getDeployedStartForm(definition.getId());
    } catch (BadUserRequestException noForm) {
      // a process without a start form (the engine's machinery) is not started by a person
      throw new BadUserRequestException("Invalid input: process '" + definition.getKey() + "' has no start form; it is not started by hand");
    }
  }

  /** Reads a deployed form as the engine: the caller's permission to act is checked by the command itself. */
  private static <R> R asEngine(CommandContext context, java.util.function.Supplier<R> read) {
    context.disableAuthorizationCheck();
    try {
      return read.get();
    } finally {
      context.enableAuthorizationCheck();
    }
  }

  static FieldErrors problems(Map<String, Object> variables, Set<String> allowed) {
    FieldErrors problems = new FieldErrors();
    variables.forEach((name, value) -> {
      if (!allowed.contains(name)) {
        problems.add(name, "不是本步骤表单的字段", "is not a field of this step's form");
      } else if (!plain(value)) {
        problems.add(name, "只接受文字、数字和是/否", "only text, numbers and yes/no are accepted here");
      }
    });
    return problems;
  }

  private static boolean plain(Object value) {
    if (value instanceof TypedValue typed) {
      return typed.getType() == null ? plain(typed.getValue()) : PLAIN.contains(typed.getType());
    }
    return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Double;
  }

  private static void refuseIfAny(FieldErrors problems) {
    problems.throwIfAny();
  }
}
